using System.Text.RegularExpressions;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Ikm.Workflow.Parsing;
using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Questionnaires;

/// <summary>Why an answer was refused.</summary>
public enum AnswerErrorKind
{
    Required,
    TooLong,
    Invalid,
    Constraint,
    /// <summary>Text where a photo or location is expected, or the other way round.</summary>
    WrongKind,
}

/// <summary>
/// Either the value to store for a question, or the reply to send: why the answer was refused, what is expected and
/// an example. A refused answer must not be stored; the flow asks the question again.
/// </summary>
public sealed record AnswerResult
{
    private AnswerResult(string? value, AnswerErrorKind? errorKind, string? error)
    {
        Value = value;
        ErrorKind = errorKind;
        Error = error;
    }

    /// <summary>The stored form: see <see cref="QuestionAnswer"/>. "" for a skipped optional question.</summary>
    public string? Value { get; }

    public AnswerErrorKind? ErrorKind { get; }

    /// <summary>The reply for the user, in the language asked for.</summary>
    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error), nameof(ErrorKind))]
    public bool IsValid => Error is null;

    internal static AnswerResult Valid(string value) => new(value, null, null);

    internal static AnswerResult Invalid(AnswerErrorKind kind, string message) => new(null, kind, message);
}

/// <summary>
/// Turns what the user typed or pressed into the stored value of a question, checking type, required, length and
/// constraint. Stored forms (invariant, so expressions and exports read them the same everywhere):
/// text as typed (trimmed); integer "1250"; decimal "2.5"; money whole rupiah "1500000"; date "2025-08-17";
/// phone "+6281234567890"; yes_no "yes"/"no"; select_one the choice value; select_multiple the choice values in
/// choice order separated by spaces ("nib pirt"); location "-8.65,116.32"; photo the channel's file id;
/// a skipped optional question "".
/// </summary>
public static class QuestionAnswer
{
    public const int MaxTextLength = 1000;

    private static readonly IReadOnlyDictionary<string, string> NoAnswers = new Dictionary<string, string>();

    /// <param name="input">Typed text, or the choice value a button carried.</param>
    /// <param name="answers">Earlier answers, for a constraint that names them; may be omitted otherwise.</param>
    /// <param name="today">The member's local date, for "hari ini", "kemarin", "besok" at a date question.</param>
    public static AnswerResult Parse(Question question, string? input, string language, IReadOnlyDictionary<string, string>? answers = null, DateOnly? today = null)
    {
        var text = input?.Trim() ?? "";
        if (text.Length > MaxTextLength)
        {
            return Refuse(question, AnswerErrorKind.TooLong,
                QuestionnaireTexts.Format(QuestionnaireTexts.TooLong.Get(language),
                    IndonesianFormat.Number(text.Length, language), IndonesianFormat.Number(MaxTextLength, language)),
                language);
        }
        if (text.Length == 0 || QuestionnaireTexts.SkipWords.Contains(text))
        {
            return question.Required
                ? Refuse(question, AnswerErrorKind.Required, QuestionnaireTexts.Required.Get(language), language)
                : AnswerResult.Valid("");
        }

        var parsed = question.Type switch
        {
            QuestionType.Text => AnswerResult.Valid(text),
            QuestionType.Integer => FromParse(question, NumberParser.ParseInteger(WithoutNamedUnit(question, text)), v => v.ToString(CultureInfo.InvariantCulture), language),
            QuestionType.Decimal => FromParse(question, NumberParser.ParseDecimal(WithoutNamedUnit(question, text)), v => v.ToString(CultureInfo.InvariantCulture), language),
            QuestionType.Money => FromParse(question, MoneyParser.Parse(text), v => v.ToString(CultureInfo.InvariantCulture), language),
            QuestionType.Date => FromParse(question, DateParser.Parse(text, today), v => v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), language),
            QuestionType.Phone => FromParse(question, PhoneParser.Parse(text), v => v, language),
            QuestionType.YesNo => ParseYesNo(question, text, language),
            QuestionType.SelectOne => ParseSelectOne(question, text, language),
            QuestionType.SelectMultiple => ParseSelectMultiple(question, text, language),
            QuestionType.Location or QuestionType.Photo => Refuse(question, AnswerErrorKind.WrongKind, QuestionnaireTexts.TextNotExpected.Get(language), language),
            _ => throw new InvalidOperationException($"Unhandled question type {question.Type}."),
        };
        return parsed.IsValid ? CheckConstraint(question, parsed.Value, language, answers) : parsed;
    }

    /// <summary>
    /// "300 bungkus" to a question that talks of bungkus (or "4 orang" to one asking how many people): the number alone.
    /// Only a unit the question's own label names is dropped, so "300 kg" to a question about bungkus is still refused.
    /// </summary>
    private static string WithoutNamedUnit(Question question, string text)
    {
        var match = Regex.Match(text, @"^([0-9][0-9.,]*)\s*(\p{L}+)$");
        if (!match.Success)
            return text;
        var unit = Regex.Escape(match.Groups[2].Value);
        var label = question.Label.Get(Languages.Indonesian) + " " + question.Label.Get(Languages.English);
        return Regex.IsMatch(label, $@"(?<!\p{{L}}){unit}(?!\p{{L}})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)
            ? match.Groups[1].Value
            : text;
    }

    /// <summary>A location the user shared; refused with a clear reply when the question does not ask for one.</summary>
    public static AnswerResult FromLocation(Question question, double latitude, double longitude, string language)
    {
        if (question.Type != QuestionType.Location)
            return Refuse(question, AnswerErrorKind.WrongKind, QuestionnaireTexts.LocationNotExpected.Get(language), language);
        if (double.IsNaN(latitude) || double.IsNaN(longitude) || latitude is < -90 or > 90 || longitude is < -180 or > 180)
            return Refuse(question, AnswerErrorKind.Invalid, QuestionnaireTexts.InvalidLocation.Get(language), language);
        return AnswerResult.Valid(string.Create(CultureInfo.InvariantCulture, $"{latitude:0.######},{longitude:0.######}"));
    }

    /// <summary>A photo the user sent (the channel's file id); refused with a clear reply when the question does not ask for one.</summary>
    public static AnswerResult FromPhoto(Question question, string fileId, string language)
    {
        if (question.Type != QuestionType.Photo)
            return Refuse(question, AnswerErrorKind.WrongKind, QuestionnaireTexts.PhotoNotExpected.Get(language), language);
        return string.IsNullOrWhiteSpace(fileId)
            ? Refuse(question, AnswerErrorKind.Invalid, QuestionnaireTexts.PhotoNotExpected.Get(language), language)
            : AnswerResult.Valid(fileId);
    }

    /// <summary>A stored value as the user should see it again ("Rp 1.500.000", "17 Agustus 2025", the choice label).</summary>
    public static string Display(Question question, string stored, string language)
    {
        if (stored.Length == 0)
            return QuestionnaireTexts.Skipped.Get(language);
        switch (question.Type)
        {
            case QuestionType.SelectOne or QuestionType.YesNo:
                return question.FindChoice(stored)?.Label.Get(language) ?? stored;
            case QuestionType.SelectMultiple:
                return string.Join(", ", Expression.SplitSelection(stored).Select(v => question.FindChoice(v)?.Label.Get(language) ?? v));
            case QuestionType.Money when decimal.TryParse(stored, NumberStyles.Number, CultureInfo.InvariantCulture, out var rupiah):
                return IndonesianFormat.Money(rupiah);
            case QuestionType.Integer or QuestionType.Decimal when decimal.TryParse(stored, NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number):
                return IndonesianFormat.Number(number, language);
            case QuestionType.Date when DateOnly.TryParseExact(stored, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                return IndonesianFormat.Date(date, language);
            case QuestionType.Photo:
                return QuestionnaireTexts.PhotoReceived.Get(language);
            default:
                return stored;
        }
    }

    private static AnswerResult ParseYesNo(Question question, string text, string language)
    {
        if (FindChoice(question, text) is { } choice)
            return AnswerResult.Valid(choice.Value);
        var parsed = YesNoParser.Parse(text);
        return parsed.IsSuccess
            ? AnswerResult.Valid(YesNoParser.ToValue(parsed.Value))
            : Refuse(question, AnswerErrorKind.Invalid, ParsingTexts.Reason(parsed.Error, language), language);
    }

    private static AnswerResult ParseSelectOne(Question question, string text, string language) =>
        FindChoice(question, text) is { } choice
            ? AnswerResult.Valid(choice.Value)
            : Refuse(question, AnswerErrorKind.Invalid, QuestionnaireTexts.UnknownChoice.Get(language), language);

    /// <summary>
    /// Accepts "1, 3", "1 3", "nib pirt" (the value list a multi-select keyboard accumulates), or labels separated by
    /// commas ("PIRT, Halal"). Stored in choice order, each value once.
    /// </summary>
    private static AnswerResult ParseSelectMultiple(Question question, string text, string language)
    {
        var selected = Resolve(question, text.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            ?? Resolve(question, text.Split([' ', ',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (selected is null || selected.Count == 0)
            return Refuse(question, AnswerErrorKind.Invalid, QuestionnaireTexts.UnknownChoice.Get(language), language);
        var ordered = question.Choices.Where(selected.Contains).Select(c => c.Value);
        return AnswerResult.Valid(string.Join(' ', ordered));
    }

    private static HashSet<Choice>? Resolve(Question question, string[] parts)
    {
        var selected = new HashSet<Choice>();
        foreach (var part in parts)
        {
            if (FindChoice(question, part) is not { } choice)
                return null;
            selected.Add(choice);
        }
        return selected;
    }

    /// <summary>A choice by its value (what a button carries), its number in the list, or its label in any language.</summary>
    private static Choice? FindChoice(Question question, string text)
    {
        var trimmed = text.Trim();
        var byValueOrLabel = question.Choices.FirstOrDefault(c => string.Equals(c.Value, trimmed, StringComparison.OrdinalIgnoreCase))
            ?? question.Choices.FirstOrDefault(c => c.Label.Matches(trimmed));
        if (byValueOrLabel is not null)
            return byValueOrLabel;
        // Numbered lists invite "2." or "2)".
        return int.TryParse(trimmed.TrimEnd('.', ')'), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
               && number >= 1 && number <= question.Choices.Count
            ? question.Choices[number - 1]
            : null;
    }

    private static AnswerResult FromParse<T>(Question question, ParseResult<T> result, Func<T, string> store, string language) =>
        result.IsSuccess
            ? AnswerResult.Valid(store(result.Value))
            : Refuse(question, AnswerErrorKind.Invalid, ParsingTexts.Reason(result.Error, language), language);

    private static AnswerResult CheckConstraint(Question question, string value, string language, IReadOnlyDictionary<string, string>? answers)
    {
        if (question.Constraint is not { } constraint || value.Length == 0 || constraint.Evaluate(answers ?? NoAnswers, value))
            return AnswerResult.Valid(value);
        var reason = question.ConstraintMessage?.Get(language) ?? QuestionnaireTexts.ConstraintFailed.Get(language);
        return Refuse(question, AnswerErrorKind.Constraint, reason, language);
    }

    /// <summary>The reason, then what the question expects with an example.</summary>
    private static AnswerResult Refuse(Question question, AnswerErrorKind kind, string reason, string language) =>
        AnswerResult.Invalid(kind, reason + " " + QuestionnaireTexts.ExpectedAnswer(question, language));
}
