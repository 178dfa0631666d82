using System.Diagnostics.CodeAnalysis;

namespace Ikm.Workflow.Parsing;

/// <summary>What kind of answer a parser expected; picks the example shown to the user.</summary>
public enum InputKind
{
    Money,
    Phone,
    Date,
    YesNo,
    Integer,
    Decimal,
}

/// <summary>Why an input was refused. A user's bad input is a normal result, never an exception.</summary>
public enum ParseErrorKind
{
    Empty,
    Invalid,
    Negative,
    /// <summary>A fraction where only whole numbers make sense ("2,5" workers, "1,5" rupiah).</summary>
    NotWhole,
    TooShort,
    TooLong,
    /// <summary>A phone number with a country code other than +62.</summary>
    NotIndonesian,
    /// <summary>A well-formed date that is not on the calendar (31/2/2025, month 13).</summary>
    InvalidDate,
    OutOfRange,
}

/// <summary>A refused input: what was expected, why it was refused, and the allowed range where one applies.</summary>
public sealed record ParseError(InputKind Expected, ParseErrorKind Kind, decimal? Min = null, decimal? Max = null)
{
    /// <summary>The reply for the user: the reason plus what is expected with an example.</summary>
    public string Describe(string language) => ParsingTexts.Describe(this, language);
}

/// <summary>Either a parsed value or the <see cref="ParseError"/> saying what was expected.</summary>
public sealed class ParseResult<T>
{
    private readonly T _value;

    private ParseResult(T value, ParseError? error)
    {
        _value = value;
        Error = error;
    }

    public static ParseResult<T> Success(T value) => new(value, null);

    public static ParseResult<T> Failure(ParseError error) => new(default!, error);

    public static ParseResult<T> Failure(InputKind expected, ParseErrorKind kind) => Failure(new ParseError(expected, kind));

    public ParseError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>The parsed value; reading it from a failed result is a bug.</summary>
    public T Value => IsSuccess ? _value : throw new InvalidOperationException($"No value: the input was refused ({Error.Kind}).");

    public override string ToString() => IsSuccess ? $"Success({_value})" : $"Failure({Error.Expected}, {Error.Kind})";
}
