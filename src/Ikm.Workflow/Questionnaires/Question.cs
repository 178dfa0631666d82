namespace Ikm.Workflow.Questionnaires;

/// <summary>The answer types of a question, as named in the YAML file (XLSForm's names).</summary>
public enum QuestionType
{
    Text,
    Integer,
    Decimal,
    Money,
    SelectOne,
    SelectMultiple,
    YesNo,
    Date,
    Location,
    Photo,
    Phone,
}

/// <summary>How the scores of several selected choices of a select_multiple question become one score.</summary>
public enum ScoreMethod
{
    /// <summary>The best selected choice counts ("where do you sell": the furthest market).</summary>
    Max,
    /// <summary>Selected scores add up, capped at 5 ("which permits do you hold": each one counts).</summary>
    Sum,
}

/// <summary>One answer option. <see cref="Value"/> is what is stored and what a button carries.</summary>
public sealed record Choice(string Value, LocalizedText Label, int? Score = null)
{
    /// <summary>Keeps "prefix:question:value" callback data within Telegram's 64 bytes.</summary>
    public const int MaxValueLength = 24;
}

/// <summary>One question of a questionnaire, as loaded and validated from its YAML file.</summary>
public sealed record Question
{
    /// <summary>Keeps "prefix:question:value" callback data within Telegram's 64 bytes.</summary>
    public const int MaxIdLength = 24;

    public const int MinScore = 1;
    public const int MaxScore = 5;

    public required string Id { get; init; }
    public required QuestionType Type { get; init; }
    public required LocalizedText Label { get; init; }
    public LocalizedText? Hint { get; init; }

    /// <summary>The label of an optional question's skip button when "⏭ Lewati" is not what skipping means ("⏭ Lewati bidang ini").</summary>
    public LocalizedText? SkipLabel { get; init; }

    /// <summary>
    /// Answer options in display order. For yes_no the loader always provides two: "yes" and "no" (labels from the
    /// file or the default Ya/Tidak), so buttons are built the same way for every choice question.
    /// </summary>
    public IReadOnlyList<Choice> Choices { get; init; } = [];

    public bool Required { get; init; } = true;

    /// <summary>Checked on the parsed answer, which is "." in the expression.</summary>
    public Expression? Constraint { get; init; }

    public LocalizedText? ConstraintMessage { get; init; }

    /// <summary>Skip logic: the question is asked only when this holds on the earlier answers.</summary>
    public Expression? Relevant { get; init; }

    /// <summary>The diagnosis area this question scores; null for questions that only inform the mentor.</summary>
    public string? Area { get; init; }

    public ScoreMethod ScoreMethod { get; init; } = ScoreMethod.Max;

    /// <summary>
    /// The business-profile fact (<see cref="Businesses.ProfileFields"/>) this question's answer is taken from when the
    /// profile decides it: registration already asked, so the question is not asked again.
    /// </summary>
    public string? Prefill { get; init; }

    /// <summary>Also asked when an owner assesses their own business (the monthly evaluation's scores).</summary>
    public bool InSelfAssessment { get; init; }

    /// <summary>Line of the question in its file, for messages to whoever maintains the file.</summary>
    public int Line { get; init; }

    public bool HasChoices => Type is QuestionType.SelectOne or QuestionType.SelectMultiple or QuestionType.YesNo;

    /// <summary>True when an answer to this question contributes to an area score.</summary>
    public bool IsScored => Area is not null && Choices.Any(c => c.Score is not null);

    public Choice? FindChoice(string value) =>
        Choices.FirstOrDefault(c => string.Equals(c.Value, value, StringComparison.Ordinal));
}
