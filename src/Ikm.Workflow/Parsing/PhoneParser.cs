using System.Text;

namespace Ikm.Workflow.Parsing;

/// <summary>
/// Reads an Indonesian phone number in any usual spelling ("0812-3456-7890", "+62 812 3456 7890",
/// "6281234567890", "81234567890", "(0361) 123456") and returns it in E.164 form ("+6281234567890").
/// </summary>
public static class PhoneParser
{
    public const string CountryCode = "62";

    /// <summary>Digits after +62: the shortest regional landline has 9, the longest mobile number 12.</summary>
    public const int MinNationalDigits = 9;
    public const int MaxNationalDigits = 12;

    public static ParseResult<string> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return Fail(ParseErrorKind.Empty);

        var trimmed = text.Trim();
        var digits = new StringBuilder(trimmed.Length);
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (char.IsAsciiDigit(c))
                digits.Append(c);
            else if (c == '+' && i == 0)
                continue;
            else if (c is not (' ' or '-' or '.' or '(' or ')' or '\u00a0'))
                return Fail(ParseErrorKind.Invalid);
        }
        if (digits.Length == 0)
            return Fail(ParseErrorKind.Invalid);

        var number = digits.ToString();
        string national;
        if (trimmed.StartsWith('+'))
        {
            if (!number.StartsWith(CountryCode, StringComparison.Ordinal))
                return Fail(ParseErrorKind.NotIndonesian);
            national = number[CountryCode.Length..];
        }
        else if (number.StartsWith("00", StringComparison.Ordinal))
        {
            if (!number.StartsWith("00" + CountryCode, StringComparison.Ordinal))
                return Fail(ParseErrorKind.NotIndonesian);
            national = number[(2 + CountryCode.Length)..];
        }
        else if (number.StartsWith('0'))
        {
            national = number[1..];
        }
        else if (number.StartsWith(CountryCode, StringComparison.Ordinal))
        {
            national = number[CountryCode.Length..];
        }
        else
        {
            national = number;
        }

        // "+62 0812…" is a common slip: the trunk zero kept after the country code.
        if (national.StartsWith('0'))
            national = national[1..];

        if (national.Length < MinNationalDigits)
            return Fail(ParseErrorKind.TooShort);
        if (national.Length > MaxNationalDigits)
            return Fail(ParseErrorKind.TooLong);
        if (national[0] is '0' or '1')
            return Fail(ParseErrorKind.Invalid);
        return ParseResult<string>.Success("+" + CountryCode + national);
    }

    private static ParseResult<string> Fail(ParseErrorKind kind) => ParseResult<string>.Failure(InputKind.Phone, kind);
}
