namespace Ikm.Workflow.Questionnaires;

/// <summary>
/// "Pertanyaan 7 dari 32": the current question's place among the relevant ones asked, how many of those are answered,
/// and the most questions the skip logic may still ask on the way (so the total never grows while answering).
/// </summary>
public sealed record QuestionnaireProgress(int Position, int Total, int Answered)
{
    public bool IsComplete => Answered >= Total;
}

/// <summary>
/// Navigation over a questionnaire and the answers stored so far (question id → stored value). Pure: it reads the
/// answers it is given and changes nothing, so a flow can rebuild it on every message and resume days later.
/// </summary>
/// <remarks>
/// As in XLSForm, an answer to a question that is no longer relevant (the user went back and changed an earlier
/// answer) is kept in storage but counts as empty: it neither makes later questions relevant nor scores.
/// </remarks>
/// <param name="fromProfile">Questions answered from the business profile: not asked, not counted, not gone back to.</param>
public sealed class QuestionnaireSession(Questionnaire questionnaire, IReadOnlyDictionary<string, string> answers, IReadOnlyCollection<string>? fromProfile = null)
{
    public Questionnaire Questionnaire { get; } = questionnaire;

    public IReadOnlyDictionary<string, string> Answers { get; } = answers;

    public IReadOnlyCollection<string> FromProfile { get; } = fromProfile ?? [];

    /// <summary>The first question to ask (null only if no question is relevant).</summary>
    public Question? First() => Next(null);

    /// <summary>The next relevant question after <paramref name="questionId"/> (from the start when null), answered or not.</summary>
    public Question? Next(string? questionId)
    {
        var relevance = Evaluate();
        var start = questionId is null ? 0 : Questionnaire.IndexOf(questionId) + 1;
        for (var i = start; i < Questionnaire.Questions.Count; i++)
        {
            if (relevance.Relevant[i])
                return Questionnaire.Questions[i];
        }
        return null;
    }

    /// <summary>Where to resume: the first relevant question without an answer; null when everything is answered.</summary>
    public Question? FirstUnanswered()
    {
        var relevance = Evaluate();
        for (var i = 0; i < Questionnaire.Questions.Count; i++)
        {
            if (relevance.Relevant[i] && !Answers.ContainsKey(Questionnaire.Questions[i].Id))
                return Questionnaire.Questions[i];
        }
        return null;
    }

    /// <summary>
    /// For /kembali: the last relevant, answered question before <paramref name="questionId"/> (before the end when null);
    /// null at the first question.
    /// </summary>
    public Question? Previous(string? questionId)
    {
        var relevance = Evaluate();
        var end = questionId is null ? Questionnaire.Questions.Count : Questionnaire.IndexOf(questionId);
        for (var i = end - 1; i >= 0; i--)
        {
            if (relevance.Relevant[i] && Answers.ContainsKey(Questionnaire.Questions[i].Id) && !FromProfile.Contains(Questionnaire.Questions[i].Id))
                return Questionnaire.Questions[i];
        }
        return null;
    }

    public bool IsRelevant(Question question)
    {
        var index = Questionnaire.IndexOf(question.Id);
        return index >= 0 && Evaluate().Relevant[index];
    }

    /// <summary>
    /// Position of <paramref name="currentQuestionId"/> among the questions asked (1-based), the most the skip logic may
    /// ask in all (<see cref="QuestionnaireLength"/>), and how many are answered. With no current question the
    /// position is the next one to answer.
    /// </summary>
    public QuestionnaireProgress Progress(string? currentQuestionId)
    {
        var relevance = Evaluate();
        var asked = 0;
        var answered = 0;
        var position = 0;
        for (var i = 0; i < Questionnaire.Questions.Count; i++)
        {
            var id = Questionnaire.Questions[i].Id;
            if (!relevance.Relevant[i] || FromProfile.Contains(id))
                continue;
            asked++;
            if (Answers.ContainsKey(id))
                answered++;
            if (id == currentQuestionId)
                position = asked;
        }
        var total = Math.Max(asked, Length().MaxQuestions);
        if (position == 0)
            position = Math.Min(answered + 1, total);
        return new QuestionnaireProgress(position, total, answered);
    }

    /// <summary>How many questions are still to come at least and at most, counting those answered.</summary>
    public QuestionnaireLength Length() => QuestionnaireLength.Of(Questionnaire, Answers, FromProfile);

    /// <summary>The answers that count: those of relevant questions, in asking order. Store and score these.</summary>
    public IReadOnlyDictionary<string, string> RelevantAnswers() => Evaluate().Effective;

    public bool IsComplete => FirstUnanswered() is null;

    /// <summary>
    /// One pass in asking order: a question's relevance reads only the answers of earlier relevant questions, which is
    /// what the loader guarantees <c>relevant</c> may name.
    /// </summary>
    private (bool[] Relevant, Dictionary<string, string> Effective) Evaluate()
    {
        var questions = Questionnaire.Questions;
        var relevant = new bool[questions.Count];
        var effective = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < questions.Count; i++)
        {
            var question = questions[i];
            relevant[i] = question.Relevant?.Evaluate(effective) ?? true;
            if (relevant[i] && Answers.TryGetValue(question.Id, out var value))
                effective[question.Id] = value;
        }
        return (relevant, effective);
    }
}
