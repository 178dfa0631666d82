namespace Ikm.Workflow.Parsing;

/// <summary>
/// What the bot says when an input is refused: the reason, then what is expected with an example.
/// Bahasa Indonesia first, English second; any other language falls back to Indonesian.
/// </summary>
public static class ParsingTexts
{
    private static readonly Dictionary<InputKind, (string Id, string En)> Expected = new()
    {
        [InputKind.Money] = (
            "Tulis jumlahnya dalam rupiah, misalnya: 1,5 jt, 750 rb atau Rp 2.000.000.",
            "Write the amount in rupiah, for example: 1,5 jt (1.5 million), 750 rb or Rp 2.000.000."),
        [InputKind.Phone] = (
            "Tulis nomor HP, misalnya: 0812-3456-7890.",
            "Write a phone number, for example: 0812-3456-7890."),
        [InputKind.Date] = (
            "Tulis tanggalnya, misalnya: 17 Agustus 2025 atau 17/8/2025.",
            "Write the date, for example: 17 August 2025 or 17/8/2025."),
        [InputKind.YesNo] = (
            "Jawab ya atau tidak, misalnya: ya.",
            "Answer yes or no, for example: yes."),
        [InputKind.Integer] = (
            // Small examples: the same text serves questions whose maximum is a few hundred (workers: 500).
            "Tulis angka bulat, misalnya: 4 atau 12.",
            "Write a whole number, for example: 4 or 12."),
        [InputKind.Decimal] = (
            "Tulis angka, misalnya: 2,5 atau 1.250.",
            "Write a number, for example: 2.5 or 1,250."),
    };

    private static readonly Dictionary<ParseErrorKind, (string Id, string En)> Reasons = new()
    {
        [ParseErrorKind.Empty] = ("Jawabannya masih kosong.", "The answer is empty."),
        [ParseErrorKind.Invalid] = ("Maaf, jawaban itu belum bisa saya baca.", "Sorry, I could not read that answer."),
        [ParseErrorKind.Negative] = ("Jumlahnya tidak boleh minus.", "The amount cannot be negative."),
        [ParseErrorKind.NotWhole] = ("Angkanya harus bulat, tanpa pecahan.", "The number must be whole, without a fraction."),
        [ParseErrorKind.TooShort] = ("Nomor itu terlalu pendek.", "That number is too short."),
        [ParseErrorKind.TooLong] = ("Nomor itu terlalu panjang.", "That number is too long."),
        [ParseErrorKind.NotIndonesian] = ("Nomornya harus nomor Indonesia (+62).", "It must be an Indonesian number (+62)."),
        [ParseErrorKind.InvalidDate] = ("Tanggal itu tidak ada di kalender.", "That date is not on the calendar."),
        [ParseErrorKind.OutOfRange] = ("Angkanya harus antara {0} dan {1}.", "The number must be between {0} and {1}."),
    };

    /// <summary>The expectation with an example, e.g. "Tulis nomor HP, misalnya: 0812-3456-7890."</summary>
    public static string ExpectedWithExample(InputKind kind, string language) => Pick(Expected[kind], language);

    /// <summary>The whole reply for a refused input: reason, then expectation with example.</summary>
    public static string Describe(ParseError error, string language) =>
        Reason(error, language) + " " + ExpectedWithExample(error.Expected, language);

    /// <summary>Only why the input was refused, e.g. "Nomor itu terlalu pendek."</summary>
    public static string Reason(ParseError error, string language)
    {
        var reason = Pick(Reasons[error.Kind], language);
        return error.Kind != ParseErrorKind.OutOfRange
            ? reason
            : string.Format(
                System.Globalization.CultureInfo.InvariantCulture,
                reason,
                FormatBound(error.Min, error.Expected, language),
                FormatBound(error.Max, error.Expected, language));
    }

    private static string FormatBound(decimal? bound, InputKind kind, string language) => bound switch
    {
        null => "",
        { } b when kind == InputKind.Money => IndonesianFormat.Money(b),
        { } b => IndonesianFormat.Number(b, language),
    };

    private static string Pick((string Id, string En) text, string language) =>
        string.Equals(language, "en", StringComparison.OrdinalIgnoreCase) ? text.En : text.Id;
}
