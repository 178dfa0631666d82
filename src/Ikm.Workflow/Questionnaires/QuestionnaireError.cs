using System.Diagnostics.CodeAnalysis;

namespace Ikm.Workflow.Questionnaires;

/// <summary>What is wrong with a questionnaire file.</summary>
public enum QuestionnaireErrorKind
{
    FileNotFound,
    YamlSyntax,
    /// <summary>A list where a mapping belongs, a mapping where a text belongs, an empty file…</summary>
    InvalidStructure,
    /// <summary>A key the format does not know — usually a typo ("relevan", "choises") that would be silently ignored.</summary>
    UnknownField,
    /// <summary>A key in a { id: …, en: … } text that is not a language code — often a comma splitting an unquoted text.</summary>
    UnknownLanguage,
    MissingField,
    InvalidValue,
    InvalidId,
    UnknownType,
    DuplicateId,
    DuplicateArea,
    DuplicateChoice,
    UndeclaredArea,
    SelectWithoutChoices,
    ChoiceWithoutValue,
    ChoiceWithoutLabel,
    InvalidChoiceValue,
    ChoicesNotAllowed,
    InvalidScore,
    ScoreNotAllowed,
    ScoreWithoutArea,
    ExpressionSyntax,
    UnknownQuestionReference,
    LaterQuestionReference,
    SelfReference,
    /// <summary>"." used in <c>relevant</c>, where there is no answer yet to read.</summary>
    SelfValueNotAllowed,
    /// <summary>An expression compares an answer with a value the question does not offer (<c>${bank} = 'ya'</c>).</summary>
    UnknownChoiceValue,
    NoQuestions,
    /// <summary><c>prefill:</c> names no fact of the business profile.</summary>
    UnknownProfileField,
    /// <summary><c>prefill:</c> names a profile fact of another answer type than the question's.</summary>
    PrefillTypeMismatch,
    /// <summary><c>skip:</c> labels the skip button of a question that cannot be skipped (no <c>required: false</c>).</summary>
    SkipOnRequired,
}

/// <summary>
/// One problem in a questionnaire file, at a 1-based <see cref="Line"/> and <see cref="Column"/>.
/// <see cref="Detail"/> is the offending name or value, quoted in the message.
/// </summary>
public sealed record QuestionnaireError(
    string Source,
    int Line,
    int Column,
    QuestionnaireErrorKind Kind,
    string Detail,
    ExpressionError? ExpressionError = null)
{
    /// <summary>"diagnosis.yaml:12: unknown question type 'selectone'" in the coordinator's language.</summary>
    public string Describe(string language) => $"{Source}:{Line}: {QuestionnaireTexts.LoaderError(this, language)}";

    public override string ToString() => Describe("en");
}

/// <summary>Either a whole valid questionnaire, or every error found — never a half-valid questionnaire.</summary>
public sealed class QuestionnaireLoadResult
{
    private QuestionnaireLoadResult(Questionnaire? questionnaire, IReadOnlyList<QuestionnaireError> errors)
    {
        Questionnaire = questionnaire;
        Errors = errors;
    }

    public Questionnaire? Questionnaire { get; }

    /// <summary>Ordered by line; empty when <see cref="IsSuccess"/>.</summary>
    public IReadOnlyList<QuestionnaireError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Questionnaire))]
    public bool IsSuccess => Questionnaire is not null;

    internal static QuestionnaireLoadResult Success(Questionnaire questionnaire) => new(questionnaire, []);

    public static QuestionnaireLoadResult Failure(IEnumerable<QuestionnaireError> errors) =>
        new(null, errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList());
}
