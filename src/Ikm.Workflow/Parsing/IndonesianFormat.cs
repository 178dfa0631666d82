using System.Globalization;
using Humanizer;

namespace Ikm.Workflow.Parsing;

/// <summary>
/// Shows numbers, rupiah and dates the way each language writes them ("Rp 1.500.000", "17 Agustus 2025").
/// Built on fixed format data rather than OS culture data, so output is the same on every machine.
/// </summary>
public static class IndonesianFormat
{
    private static readonly NumberFormatInfo IndonesianNumbers = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NumberGroupSizes = [3],
    };

    private static readonly NumberFormatInfo EnglishNumbers = new()
    {
        NumberDecimalSeparator = ".",
        NumberGroupSeparator = ",",
        NumberGroupSizes = [3],
    };

    private static readonly string[] IndonesianMonths =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    private static readonly string[] EnglishMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] IndonesianShortMonths = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];

    private static readonly string[] EnglishShortMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>"1.250,5" (id) or "1,250.5" (en); no decimals when whole.</summary>
    public static string Number(decimal value, string language) =>
        value.ToString("#,0.######", IsEnglish(language) ? EnglishNumbers : IndonesianNumbers);

    /// <summary>"Rp 1.500.000" in both languages: rupiah amounts are written the Indonesian way everywhere.</summary>
    public static string Money(decimal rupiah) => "Rp " + rupiah.ToString("#,0.##", IndonesianNumbers);

    /// <summary>"17 Agustus 2025" (id) or "17 August 2025" (en).</summary>
    public static string Date(DateOnly date, string language) =>
        $"{date.Day} {(IsEnglish(language) ? EnglishMonths : IndonesianMonths)[date.Month - 1]} {date.Year}";

    /// <summary>"17 Agu 2025" (id) or "17 Aug 2025" (en); without the year "17 Agu" — where lines are short.</summary>
    public static string ShortDate(DateOnly date, string language, bool withYear = true) =>
        $"{date.Day} {(IsEnglish(language) ? EnglishShortMonths : IndonesianShortMonths)[date.Month - 1]}" + (withYear ? $" {date.Year}" : "");

    /// <summary>
    /// A week as the dates it spans, Monday to Sunday: "30 Nov – 6 Des", "7–13 Des" (id) or "30 Nov – 6 Dec" (en) — the
    /// one way a week is shown to people (an ISO label such as 2026-W49 is a key, not a text).
    /// </summary>
    public static string Week(DateOnly monday, string language)
    {
        var months = IsEnglish(language) ? EnglishShortMonths : IndonesianShortMonths;
        var sunday = monday.AddDays(6);
        return monday.Month == sunday.Month
            ? $"{monday.Day}–{sunday.Day} {months[sunday.Month - 1]}"
            : $"{monday.Day} {months[monday.Month - 1]} – {sunday.Day} {months[sunday.Month - 1]}";
    }

    /// <summary>"Desember 2026" (id) or "December 2026" (en): the one way a month is shown to people.</summary>
    public static string Month(int year, int month, string language) =>
        $"{(IsEnglish(language) ? EnglishMonths : IndonesianMonths)[month - 1]} {year}";

    /// <summary>A month key as stored ("2026-12") shown as <see cref="Month(int, int, string)"/>; any other text as it is.</summary>
    public static string Month(string monthKey, string language) =>
        DateOnly.TryParseExact(monthKey + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            ? Month(first.Year, first.Month, language)
            : monthKey;

    /// <summary>"4 jam 30 menit" (id) or "4 hours 30 minutes" (en), to the minute: the one way a duration is shown.</summary>
    public static string Duration(TimeSpan duration, string language) =>
        duration.Humanize(precision: 2, culture: Texts.Languages.Culture(language), minUnit: TimeUnit.Minute, collectionSeparator: " ");

    private static bool IsEnglish(string language) => string.Equals(language, "en", StringComparison.OrdinalIgnoreCase);
}
