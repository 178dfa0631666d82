using System.Text.RegularExpressions;

namespace Ikm.Workflow.Parsing;

/// <summary>
/// Reads a rupiah amount as people type it in chat: "1,5 jt", "1.5jt", "Rp 2.000.000", "2 juta", "750rb",
/// "Rp1.250.000,00", "1,2 M", "2 jt 500 rb". The result is exact whole rupiah.
/// </summary>
public static partial class MoneyParser
{
    /// <summary>Above any turnover or capital a small industry states; also guards the arithmetic.</summary>
    public const decimal MaxAmount = 1_000_000_000_000_000m;

    public static ParseResult<decimal> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return Fail(ParseErrorKind.Empty);

        var s = Normalize(text);
        if (s.StartsWith('-') || s.StartsWith("minus", StringComparison.Ordinal))
            return Fail(ParseErrorKind.Negative);

        s = WhitespaceRegex().Replace(s, "");
        if (s.Length == 0)
            return Fail(ParseErrorKind.Empty);

        var matches = SegmentRegex().Matches(s);
        if (matches.Count == 0 || matches.Sum(m => m.Length) != s.Length)
            return Fail(ParseErrorKind.Invalid);

        decimal total = 0;
        var previousUnit = decimal.MaxValue;
        foreach (Match segment in matches)
        {
            if (!IndonesianWords.MoneyUnits.TryGetValue(segment.Groups["unit"].Value, out var unit))
                return Fail(ParseErrorKind.Invalid);
            // "2 jt 500 rb" counts down; "500 rb 2 jt" or "2 juta 500" is not a way anyone writes an amount.
            if (matches.Count > 1 && (unit >= previousUnit || unit == 1m))
                return Fail(ParseErrorKind.Invalid);
            previousUnit = unit;

            if (!IndonesianNumber.TryParse(segment.Groups["number"].Value, commaGroupsThousands: unit == 1m, out var number))
                return Fail(ParseErrorKind.Invalid);
            if (number > MaxAmount / unit)
                return Failure(new ParseError(InputKind.Money, ParseErrorKind.OutOfRange, 0, MaxAmount));
            total += number * unit;
        }

        if (total > MaxAmount)
            return Failure(new ParseError(InputKind.Money, ParseErrorKind.OutOfRange, 0, MaxAmount));
        if (total != decimal.Truncate(total))
            return Fail(ParseErrorKind.NotWhole);
        return ParseResult<decimal>.Success(decimal.Truncate(total));
    }

    /// <summary>Lower case, currency and period words and the ",-" price-tag ending removed.</summary>
    private static string Normalize(string text)
    {
        var s = text.Trim().ToLowerInvariant().Replace('\u00a0', ' ');
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var prefix in IndonesianWords.CurrencyPrefixes)
            {
                if (s.StartsWith(prefix, StringComparison.Ordinal))
                {
                    s = s[prefix.Length..].TrimStart();
                    changed = true;
                }
            }
            foreach (var suffix in IndonesianWords.CurrencySuffixes.Concat(IndonesianWords.PeriodSuffixes).Append(",-").Append(".-"))
            {
                if (s.EndsWith(suffix, StringComparison.Ordinal) && s.Length > suffix.Length)
                {
                    s = s[..^suffix.Length].TrimEnd();
                    changed = true;
                }
            }
        }
        return s.TrimEnd('.');
    }

    private static ParseResult<decimal> Fail(ParseErrorKind kind) => ParseResult<decimal>.Failure(InputKind.Money, kind);

    private static ParseResult<decimal> Failure(ParseError error) => ParseResult<decimal>.Failure(error);

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();

    // ASCII digits only ([0-9], not \d, which also matches Arabic-Indic and full-width digits).
    [GeneratedRegex(@"\G(?<number>[0-9][0-9.,]*)(?<unit>[a-z]*)")]
    private static partial Regex SegmentRegex();
}
