namespace Ikm.Workflow.Questionnaires;

/// <summary>An area's score: the average of its scored answers, one decimal; null when nothing in it was scored.</summary>
public sealed record AreaScore(Area Area, decimal? Score, int ScoredAnswers);

/// <summary>The diagnosis result card: every area's score, the weakest areas, and the mentoring plan.</summary>
public sealed record DiagnosisResult(
    IReadOnlyList<AreaScore> Areas,
    IReadOnlyList<AreaScore> Weakest,
    IReadOnlyList<PlanArea> PlanAreas)
{
    /// <summary>The recommended mentoring topics, weakest area first.</summary>
    public IReadOnlyList<LocalizedText> PlanTopics => PlanAreas.SelectMany(a => a.Topics).ToList();
}

/// <summary>
/// Scores a diagnosis: each area 1–5 as the average of its scored answers (only relevant answers count), the three
/// weakest areas, and the mentoring plan — a plan a mentor can work through: the weakest areas that still have
/// something to teach, at most three, each with at most three topics the owner does not already have (a topic's
/// <c>unless</c> holds on the answers: an NIB, a brand, a WhatsApp shop).
/// </summary>
public static class DiagnosisScorer
{
    public const int WeakestCount = 3;

    public const int PlanAreaCount = 3;

    public const int TopicsPerArea = 3;

    public static DiagnosisResult Score(Questionnaire questionnaire, IReadOnlyDictionary<string, string> answers)
    {
        var relevant = new QuestionnaireSession(questionnaire, answers).RelevantAnswers();
        var scoresByArea = questionnaire.Areas.ToDictionary(a => a.Id, _ => new List<int>(), StringComparer.Ordinal);
        foreach (var question in questionnaire.Questions)
        {
            if (question.Area is { } area && relevant.TryGetValue(question.Id, out var stored) && QuestionScore(question, stored) is { } score)
                scoresByArea[area].Add(score);
        }

        var areas = questionnaire.Areas
            .Select(a => scoresByArea[a.Id] is { Count: > 0 } scores
                ? new AreaScore(a, Math.Round((decimal)scores.Sum() / scores.Count, 1, MidpointRounding.AwayFromZero), scores.Count)
                : new AreaScore(a, null, 0))
            .ToList();

        // Ties keep the questionnaire's order, so the result is stable for the same answers.
        var ranked = areas
            .Select((a, i) => (Area: a, Order: i))
            .Where(x => x.Area.Score is not null)
            .OrderBy(x => x.Area.Score)
            .ThenBy(x => x.Order)
            .Select(x => x.Area)
            .ToList();
        var weakest = ranked.Take(WeakestCount).ToList();
        var plan = ranked
            .Select(a => new PlanArea(a, [.. a.Area.PlanTopics.Where(t => t.AppliesTo(relevant)).Take(TopicsPerArea).Select(t => t.Text)]))
            // An area whose every topic the owner already has offers nothing to mentor; one with no topics in the file still needs a mentor.
            .Where(p => p.Topics.Count > 0 || p.Area.Area.PlanTopics.Count == 0)
            .Take(PlanAreaCount)
            .ToList();
        return new DiagnosisResult(areas, weakest, plan);
    }

    /// <summary>The score of one stored answer, or null when it carries none (skipped, unscored choice).</summary>
    public static int? QuestionScore(Question question, string stored)
    {
        if (stored.Length == 0)
            return null;
        switch (question.Type)
        {
            case QuestionType.SelectOne or QuestionType.YesNo:
                return question.FindChoice(stored)?.Score;
            case QuestionType.SelectMultiple:
                var scores = Expression.SplitSelection(stored)
                    .Select(v => question.FindChoice(v)?.Score)
                    .OfType<int>()
                    .ToList();
                if (scores.Count == 0)
                    return null;
                return question.ScoreMethod == ScoreMethod.Sum ? Math.Min(scores.Sum(), Question.MaxScore) : scores.Max();
            default:
                return null;
        }
    }
}
