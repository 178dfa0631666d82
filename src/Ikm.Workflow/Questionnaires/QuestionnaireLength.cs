namespace Ikm.Workflow.Questionnaires;

/// <summary>
/// How many questions a questionnaire will ask, and about how long that takes: the fewest and the most over every path
/// its skip logic allows from the answers given so far. Answers given by the profile count as neither asked nor timed.
/// </summary>
public sealed record QuestionnaireLength(int MinQuestions, int MaxQuestions, TimeSpan MinTime, TimeSpan MaxTime)
{
    /// <summary>Beyond this many paths a file's skip logic is too tangled to walk on every message; the bounds get coarse.</summary>
    private const int MaxPaths = 4096;

    /// <summary>Subsets of more compared values than this are not walked for a multi-select (2^n paths).</summary>
    private const int MaxComparedSelections = 4;

    /// <summary>About how long an owner on a phone takes per answer: a tap, a few taps, typing, sending a photo.</summary>
    public static TimeSpan TimeFor(QuestionType type) => TimeSpan.FromSeconds(type switch
    {
        QuestionType.SelectOne or QuestionType.YesNo => 15,
        QuestionType.SelectMultiple => 30,
        QuestionType.Text => 60,
        QuestionType.Location or QuestionType.Photo => 40,
        _ => 20,
    });

    /// <summary>The midpoint, rounded up to whole minutes (at least one): the "±15 menit" of an intro.</summary>
    public int AboutMinutes => Math.Max(1, (int)Math.Ceiling((MinTime + MaxTime).TotalMinutes / 2));

    /// <param name="answers">Stored answers by question id (those of questions no longer relevant are ignored).</param>
    /// <param name="fromProfile">Questions answered from the business profile: never asked, so not counted.</param>
    public static QuestionnaireLength Of(Questionnaire questionnaire, IReadOnlyDictionary<string, string> answers, IReadOnlyCollection<string> fromProfile)
    {
        var walk = new Walk(questionnaire, answers, fromProfile);
        walk.From(0, new Dictionary<string, string>(StringComparer.Ordinal), 0, TimeSpan.Zero);
        return walk.Paths > MaxPaths || walk.Min is null ? walk.Coarse() : new QuestionnaireLength(walk.Min.Value.Count, walk.Max!.Value.Count, walk.Min.Value.Time, walk.Max.Value.Time);
    }

    private sealed class Walk(Questionnaire questionnaire, IReadOnlyDictionary<string, string> answers, IReadOnlyCollection<string> fromProfile)
    {
        private readonly Dictionary<string, List<string>> _candidates = Candidates(questionnaire);

        public int Paths { get; private set; }
        public (int Count, TimeSpan Time)? Min { get; private set; }
        public (int Count, TimeSpan Time)? Max { get; private set; }

        /// <summary>Walks in asking order; an unanswered question that later skip logic reads branches over the answers that matter.</summary>
        public void From(int start, Dictionary<string, string> effective, int count, TimeSpan time)
        {
            var questions = questionnaire.Questions;
            for (var i = start; i < questions.Count; i++)
            {
                if (Paths > MaxPaths) return;
                var question = questions[i];
                if (!(question.Relevant?.Evaluate(effective) ?? true)) continue;
                if (!fromProfile.Contains(question.Id))
                {
                    count++;
                    time += TimeFor(question.Type);
                }
                if (answers.TryGetValue(question.Id, out var given))
                    effective[question.Id] = given;
                else if (_candidates.TryGetValue(question.Id, out var candidates))
                {
                    foreach (var candidate in candidates)
                        From(i + 1, new Dictionary<string, string>(effective, StringComparer.Ordinal) { [question.Id] = candidate }, count, time);
                    return;
                }
            }

            Paths++;
            if (Min is null || count < Min.Value.Count) Min = (count, time);
            if (Max is null || count > Max.Value.Count) Max = (count, time);
        }

        /// <summary>Every question that could be asked at most; those without skip logic at least.</summary>
        public QuestionnaireLength Coarse()
        {
            var asked = questionnaire.Questions.Where(q => !fromProfile.Contains(q.Id)).ToList();
            var always = asked.Where(q => q.Relevant is null).ToList();
            return new QuestionnaireLength(always.Count, asked.Count,
                always.Aggregate(TimeSpan.Zero, (t, q) => t + TimeFor(q.Type)), asked.Aggregate(TimeSpan.Zero, (t, q) => t + TimeFor(q.Type)));
        }
    }

    /// <summary>
    /// For each question some skip logic reads: one answer per behaviour it can cause — each value compared with (and
    /// each side of a number compared with), one value compared with nothing, and a skipped answer when optional.
    /// Other answers behave like one of these.
    /// </summary>
    private static Dictionary<string, List<string>> Candidates(Questionnaire questionnaire)
    {
        var compared = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var relevant in questionnaire.Questions.Select(q => q.Relevant).OfType<Expression>())
        {
            foreach (var reference in relevant.References)
                compared.TryAdd(reference, []);
            foreach (var comparison in relevant.ChoiceComparisons)
            {
                if (comparison.Question is { } id)
                    compared[id].Add(comparison.Value);
            }
            // Just below, at and just above each number compared with: every side of < <= = >= >.
            foreach (var number in relevant.NumberComparisons)
            {
                foreach (var near in new[] { number.Value - 1, number.Value, number.Value + 1 })
                    compared[number.Question].Add(near.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var candidates = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (id, values) in compared)
        {
            if (questionnaire.FindQuestion(id) is not { } question) continue;
            var offered = question.Choices.Select(c => c.Value).Where(values.Contains).ToList();
            var other = question.Choices.Select(c => c.Value).FirstOrDefault(v => !values.Contains(v));
            var list = question.Type switch
            {
                QuestionType.SelectMultiple when offered.Count <= MaxComparedSelections => Subsets(offered).Select(s => s.Count == 0 ? other : string.Join(' ', s)).OfType<string>().ToList(),
                QuestionType.SelectMultiple => [.. offered, .. other is null ? Array.Empty<string>() : [other]],
                _ when question.HasChoices => [.. offered, .. other is null ? Array.Empty<string>() : [other]],
                _ => [.. values, ""],
            };
            if (!question.Required && !list.Contains("")) list.Add("");
            candidates[id] = list.Distinct(StringComparer.Ordinal).ToList();
        }
        return candidates;
    }

    private static IEnumerable<List<string>> Subsets(List<string> values) =>
        Enumerable.Range(0, 1 << values.Count).Select(mask => values.Where((_, i) => (mask & (1 << i)) != 0).ToList());
}
