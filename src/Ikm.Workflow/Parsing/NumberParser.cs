using System.Text.RegularExpressions;

namespace Ikm.Workflow.Parsing;

/// <summary>
/// Reads numbers with Indonesian thousands dots and decimal comma ("1.250" is 1250, "2,5" is 2.5), also accepting
/// an English decimal point ("2.5"), and checks them against a range.
/// </summary>
public static partial class NumberParser
{
    public static ParseResult<long> ParseInteger(string? text, long min = long.MinValue, long max = long.MaxValue)
    {
        var parsed = ParseCore(text, InputKind.Integer);
        if (!parsed.IsSuccess)
            return ParseResult<long>.Failure(parsed.Error);
        var value = parsed.Value;
        if (value != decimal.Truncate(value))
            return ParseResult<long>.Failure(InputKind.Integer, ParseErrorKind.NotWhole);
        if (value < min || value > max)
            return ParseResult<long>.Failure(new ParseError(InputKind.Integer, ParseErrorKind.OutOfRange, min, max));
        return ParseResult<long>.Success((long)value);
    }

    public static ParseResult<decimal> ParseDecimal(string? text, decimal min = decimal.MinValue, decimal max = decimal.MaxValue)
    {
        var parsed = ParseCore(text, InputKind.Decimal);
        if (!parsed.IsSuccess)
            return parsed;
        if (parsed.Value < min || parsed.Value > max)
            return ParseResult<decimal>.Failure(new ParseError(InputKind.Decimal, ParseErrorKind.OutOfRange, min, max));
        return parsed;
    }

    private static ParseResult<decimal> ParseCore(string? text, InputKind kind)
    {
        if (string.IsNullOrWhiteSpace(text))
            return ParseResult<decimal>.Failure(kind, ParseErrorKind.Empty);

        var s = SpacesRegex().Replace(text.Trim(), "");
        var negative = false;
        if (s.StartsWith('-') || s.StartsWith('\u2212'))
        {
            negative = true;
            s = s[1..];
        }
        else if (s.StartsWith('+'))
        {
            s = s[1..];
        }

        // A whole number has no fraction: "1,250" there is English grouping (1250), as the English example shows it.
        if (!IndonesianNumber.TryParse(s, commaGroupsThousands: kind == InputKind.Integer, out var value))
            return ParseResult<decimal>.Failure(kind, ParseErrorKind.Invalid);
        value = IndonesianNumber.Normalize(value);
        return ParseResult<decimal>.Success(negative ? -value : value);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpacesRegex();
}
