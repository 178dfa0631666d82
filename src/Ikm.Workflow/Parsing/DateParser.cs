using System.Globalization;
using System.Text.RegularExpressions;

namespace Ikm.Workflow.Parsing;

/// <summary>
/// Reads a date written the Indonesian way, day first ("17 Agustus 2025", "17 Agt 2025", "17/8/2025",
/// "17-08-2025"), as ISO ("2025-08-17"), or in English ("August 17, 2025", "17 August 2025"); with the member's
/// <c>today</c> also "hari ini", "kemarin", "besok" (and "today", "yesterday", "tomorrow").
/// </summary>
public static partial class DateParser
{
    public const int MinYear = 1900;
    public const int MaxYear = 2100;

    private static readonly Dictionary<string, int> RelativeDays = new(StringComparer.Ordinal)
    {
        ["hari ini"] = 0, ["today"] = 0,
        ["kemarin"] = -1, ["yesterday"] = -1,
        ["besok"] = 1, ["tomorrow"] = 1,
    };

    /// <param name="today">The member's local date (the caller knows the zone); without it, "kemarin" and the like are not read.</param>
    public static ParseResult<DateOnly> Parse(string? text, DateOnly? today = null)
    {
        if (string.IsNullOrWhiteSpace(text))
            return Fail(ParseErrorKind.Empty);

        var s = Normalize(text);
        if (today is { } local && RelativeDays.TryGetValue(s, out var days))
            return ParseResult<DateOnly>.Success(local.AddDays(days));

        var numeric = NumericRegex().Match(s);
        if (numeric.Success)
        {
            var first = numeric.Groups[1].Value;
            var second = numeric.Groups[2].Value;
            var third = numeric.Groups[3].Value;
            if (first.Length == 4)
                return Build(third, Number(second), first);
            if (first.Length > 2)
                return Fail(ParseErrorKind.Invalid);
            return Build(first, Number(second), third);
        }

        var dayFirst = DayMonthYearRegex().Match(s);
        if (dayFirst.Success)
            return BuildNamed(dayFirst.Groups["day"].Value, dayFirst.Groups["month"].Value, dayFirst.Groups["year"].Value);

        var monthFirst = MonthDayYearRegex().Match(s);
        if (monthFirst.Success)
            return BuildNamed(monthFirst.Groups["day"].Value, monthFirst.Groups["month"].Value, monthFirst.Groups["year"].Value);

        return Fail(ParseErrorKind.Invalid);
    }

    private static string Normalize(string text)
    {
        var s = text.Trim().ToLowerInvariant().Replace(',', ' ').Replace('\u00a0', ' ');
        s = SpacesRegex().Replace(s, " ").Trim().TrimEnd('.');
        var space = s.IndexOf(' ');
        if (space > 0 && IndonesianWords.DayNames.Contains(s[..space]))
            s = s[(space + 1)..];
        if (s.StartsWith("tanggal ", StringComparison.Ordinal))
            s = s["tanggal ".Length..];
        else if (s.StartsWith("tgl ", StringComparison.Ordinal))
            s = s["tgl ".Length..];
        return s;
    }

    private static ParseResult<DateOnly> BuildNamed(string day, string monthName, string year) =>
        IndonesianWords.Months.TryGetValue(monthName, out var month)
            ? Build(day, month, year)
            : Fail(ParseErrorKind.Invalid);

    private static ParseResult<DateOnly> Build(string dayText, int month, string yearText)
    {
        if (yearText.Length is not (2 or 4))
            return Fail(ParseErrorKind.Invalid);
        var day = Number(dayText);
        // Two-digit years in these programs are always this century ("17/8/25").
        var year = yearText.Length == 2 ? 2000 + Number(yearText) : Number(yearText);
        if (year is < MinYear or > MaxYear || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return Fail(ParseErrorKind.InvalidDate);
        return ParseResult<DateOnly>.Success(new DateOnly(year, month, day));
    }

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private static ParseResult<DateOnly> Fail(ParseErrorKind kind) => ParseResult<DateOnly>.Failure(InputKind.Date, kind);

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpacesRegex();

    // [0-9], not \d: \d also matches Arabic-Indic, Persian and full-width digits, which int.Parse then refuses.
    [GeneratedRegex(@"^([0-9]{1,4})\s?[/.\-]\s?([0-9]{1,2})\s?[/.\-]\s?([0-9]{1,4})$")]
    private static partial Regex NumericRegex();

    [GeneratedRegex(@"^(?<day>[0-9]{1,2})(?:st|nd|rd|th)?\s?[\-/ ]?\s?(?<month>[a-z]+)\.?\s?[\-/ ]?\s?(?<year>[0-9]{2,4})$")]
    private static partial Regex DayMonthYearRegex();

    [GeneratedRegex(@"^(?<month>[a-z]+)\.?\s(?<day>[0-9]{1,2})(?:st|nd|rd|th)?\s(?<year>[0-9]{4})$")]
    private static partial Regex MonthDayYearRegex();
}
