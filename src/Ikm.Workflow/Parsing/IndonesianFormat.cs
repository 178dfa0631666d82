using System.Globalization;

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

    /// <summary>"1.250,5" (id) or "1,250.5" (en); no decimals when whole.</summary>
    public static string Number(decimal value, string language) =>
        value.ToString("#,0.######", IsEnglish(language) ? EnglishNumbers : IndonesianNumbers);

    /// <summary>"Rp 1.500.000" in both languages: rupiah amounts are written the Indonesian way everywhere.</summary>
    public static string Money(decimal rupiah) => "Rp " + rupiah.ToString("#,0.##", IndonesianNumbers);

    /// <summary>"17 Agustus 2025" (id) or "17 August 2025" (en).</summary>
    public static string Date(DateOnly date, string language) =>
        $"{date.Day} {(IsEnglish(language) ? EnglishMonths : IndonesianMonths)[date.Month - 1]} {date.Year}";

    private static bool IsEnglish(string language) => string.Equals(language, "en", StringComparison.OrdinalIgnoreCase);
}
