namespace Ikm.Workflow.Parsing;

/// <summary>
/// The vocabulary the parsers accept: how people in the programs actually type yes/no, month names and money
/// units in chat (Indonesian first, English second). Data, kept apart from the parsing logic.
/// </summary>
internal static class IndonesianWords
{
    public static readonly IReadOnlySet<string> Yes = new HashSet<string>(StringComparer.Ordinal)
    {
        "ya", "iya", "iyaa", "iye", "y", "yes", "yup", "yep", "betul", "benar", "bener", "ok", "oke", "okay", "okey",
        "sudah", "udah", "sdh", "ada", "punya", "pernah", "tentu", "boleh", "ya sudah", "iya sudah", "sudah ada",
        "sudah punya", "sudah pernah", "ada dong", "true",
    };

    public static readonly IReadOnlySet<string> No = new HashSet<string>(StringComparer.Ordinal)
    {
        "tidak", "tdk", "tak", "nggak", "ngga", "nggk", "gak", "ga", "gk", "enggak", "engga", "ndak", "no", "n",
        "nope", "bukan", "belum", "blm", "blum", "tidak ada", "tdk ada", "gak ada", "ga ada", "nggak ada",
        "enggak ada", "belum ada", "tidak punya", "belum punya", "tidak pernah", "belum pernah", "false",
    };

    /// <summary>Month names and the abbreviations seen in practice ("Agt", "Agu", "Ags", "Nop"), Indonesian and English.</summary>
    public static readonly IReadOnlyDictionary<string, int> Months = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["januari"] = 1, ["january"] = 1, ["jan"] = 1,
        ["februari"] = 2, ["pebruari"] = 2, ["february"] = 2, ["feb"] = 2, ["peb"] = 2,
        ["maret"] = 3, ["march"] = 3, ["mar"] = 3, ["mrt"] = 3,
        ["april"] = 4, ["apr"] = 4,
        ["mei"] = 5, ["may"] = 5,
        ["juni"] = 6, ["june"] = 6, ["jun"] = 6,
        ["juli"] = 7, ["july"] = 7, ["jul"] = 7,
        ["agustus"] = 8, ["august"] = 8, ["agu"] = 8, ["agt"] = 8, ["ags"] = 8, ["agus"] = 8, ["aug"] = 8,
        ["september"] = 9, ["sep"] = 9, ["sept"] = 9,
        ["oktober"] = 10, ["october"] = 10, ["okt"] = 10, ["oct"] = 10,
        ["november"] = 11, ["nopember"] = 11, ["nov"] = 11, ["nop"] = 11,
        ["desember"] = 12, ["december"] = 12, ["des"] = 12, ["dec"] = 12,
    };

    /// <summary>Day names people put before a date ("Senin, 17 Agustus 2025"); ignored.</summary>
    public static readonly IReadOnlySet<string> DayNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    };

    /// <summary>
    /// Money units and their multipliers. "M" is miliar, as on Indonesian price tags and reports — not the English
    /// "million", which is written "jt"/"juta" here.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, decimal> MoneyUnits = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        [""] = 1m,
        ["rb"] = 1_000m, ["ribu"] = 1_000m, ["rbu"] = 1_000m, ["rebu"] = 1_000m, ["k"] = 1_000m, ["thousand"] = 1_000m,
        ["jt"] = 1_000_000m, ["juta"] = 1_000_000m, ["jta"] = 1_000_000m, ["jeti"] = 1_000_000m, ["million"] = 1_000_000m,
        ["m"] = 1_000_000_000m, ["miliar"] = 1_000_000_000m, ["milyar"] = 1_000_000_000m, ["mlyr"] = 1_000_000_000m,
        ["billion"] = 1_000_000_000m,
        ["t"] = 1_000_000_000_000m, ["triliun"] = 1_000_000_000_000m, ["trilyun"] = 1_000_000_000_000m,
    };

    /// <summary>Currency words before or after the amount ("Rp", "Rp.", "IDR", "rupiah").</summary>
    public static readonly IReadOnlyList<string> CurrencyPrefixes = ["rp.", "rp", "idr"];

    public static readonly IReadOnlyList<string> CurrencySuffixes = ["rupiah", "rp", "idr"];

    /// <summary>Period words some people add after a turnover ("5 jt per bulan"); the question already says the period.</summary>
    public static readonly IReadOnlyList<string> PeriodSuffixes = ["per bulan", "perbulan", "/bulan", "/bln", "sebulan", "per month", "/month"];
}
