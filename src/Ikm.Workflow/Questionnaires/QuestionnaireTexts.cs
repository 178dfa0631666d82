using System.Globalization;
using Ikm.Workflow.Parsing;

namespace Ikm.Workflow.Questionnaires;

/// <summary>
/// The questionnaire engine's own words: default yes/no labels, replies to invalid answers (what is expected plus
/// an example), and the messages for errors in a questionnaire file. Bahasa Indonesia first, English second.
/// </summary>
public static class QuestionnaireTexts
{
    public static readonly LocalizedText Yes = LocalizedText.Of("Ya", "Yes");
    public static readonly LocalizedText No = LocalizedText.Of("Tidak", "No");

    /// <summary>Typed to leave out an optional question.</summary>
    public static readonly IReadOnlySet<string> SkipWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "lewati", "lewat", "skip", "-", "lewati saja",
    };

    public static readonly LocalizedText Skipped = LocalizedText.Of("(dilewati)", "(skipped)");
    public static readonly LocalizedText PhotoReceived = LocalizedText.Of("(foto)", "(photo)");

    internal static readonly LocalizedText Required = LocalizedText.Of(
        "Pertanyaan ini wajib dijawab.",
        "This question needs an answer.");

    internal static readonly LocalizedText TooLong = LocalizedText.Of(
        "Jawabannya terlalu panjang ({0} karakter); batasnya {1} karakter.",
        "The answer is too long ({0} characters); the limit is {1} characters.");

    internal static readonly LocalizedText UnknownChoice = LocalizedText.Of(
        "Pilihan itu tidak ada di daftar.",
        "That is not one of the options.");

    internal static readonly LocalizedText ConstraintFailed = LocalizedText.Of(
        "Jawaban itu di luar batas yang diterima.",
        "That answer is outside the accepted range.");

    internal static readonly LocalizedText LocationNotExpected = LocalizedText.Of(
        "Pertanyaan ini tidak meminta lokasi.",
        "This question does not ask for a location.");

    internal static readonly LocalizedText PhotoNotExpected = LocalizedText.Of(
        "Pertanyaan ini tidak meminta foto.",
        "This question does not ask for a photo.");

    internal static readonly LocalizedText InvalidLocation = LocalizedText.Of(
        "Lokasi itu tidak bisa dipakai.",
        "That location cannot be used.");

    internal static readonly LocalizedText TextNotExpected = LocalizedText.Of(
        "Untuk pertanyaan ini, tulisan saja belum cukup.",
        "For this question, text alone is not enough.");

    private static readonly Dictionary<QuestionType, LocalizedText> Expected = new()
    {
        [QuestionType.Text] = LocalizedText.Of(
            "Tulis jawabannya dengan kata-kata sendiri, misalnya: Bahan baku ikan sering kosong saat musim angin barat.",
            "Write the answer in your own words, for example: Fish is often unavailable in the west-wind season."),
        [QuestionType.SelectOne] = LocalizedText.Of(
            "Tekan salah satu tombol, atau ketik nomor pilihannya (1–{0}), misalnya: 2.",
            "Press one of the buttons, or type the option's number (1–{0}), for example: 2."),
        [QuestionType.SelectMultiple] = LocalizedText.Of(
            "Pilih satu atau lebih dengan tombol, atau ketik nomor-nomor pilihannya (1–{0}) dipisah koma, misalnya: 1, 3.",
            "Choose one or more with the buttons, or type the options' numbers (1–{0}) separated by commas, for example: 1, 3."),
        [QuestionType.YesNo] = LocalizedText.Of(
            "Tekan tombol {0} atau {1}, atau ketik ya / tidak, misalnya: ya.",
            "Press {0} or {1}, or type yes / no, for example: yes."),
        [QuestionType.Location] = LocalizedText.Of(
            "Kirim lokasi lewat tombol 📎 (lampiran) → Lokasi, saat berada di tempat produksi.",
            "Send a location with the 📎 (attach) button → Location, while at the production site."),
        [QuestionType.Photo] = LocalizedText.Of(
            "Kirim foto lewat tombol 📎 (lampiran) → Kamera atau Galeri.",
            "Send a photo with the 📎 (attach) button → Camera or Gallery."),
    };

    private static readonly LocalizedText OptionalSuffix = LocalizedText.Of(
        "Ketik lewati kalau tidak ingin menjawab.",
        "Type skip to leave it out.");

    /// <summary>What an answer to <paramref name="question"/> should look like, with an example.</summary>
    public static string ExpectedAnswer(Question question, string language)
    {
        var text = question.Type switch
        {
            QuestionType.Integer => ParsingTexts.ExpectedWithExample(InputKind.Integer, language),
            QuestionType.Decimal => ParsingTexts.ExpectedWithExample(InputKind.Decimal, language),
            QuestionType.Money => ParsingTexts.ExpectedWithExample(InputKind.Money, language),
            QuestionType.Date => ParsingTexts.ExpectedWithExample(InputKind.Date, language),
            QuestionType.Phone => ParsingTexts.ExpectedWithExample(InputKind.Phone, language),
            QuestionType.YesNo => Format(Expected[QuestionType.YesNo].Get(language),
                question.Choices.Count == 2 ? question.Choices[0].Label.Get(language) : Yes.Get(language),
                question.Choices.Count == 2 ? question.Choices[1].Label.Get(language) : No.Get(language)),
            QuestionType.SelectOne or QuestionType.SelectMultiple => Format(Expected[question.Type].Get(language), question.Choices.Count),
            _ => Expected[question.Type].Get(language),
        };
        return question.Required ? text : text + " " + OptionalSuffix.Get(language);
    }

    internal static string Format(string template, params object[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, template, arguments);

    private static readonly Dictionary<QuestionnaireErrorKind, LocalizedText> LoaderErrors = new()
    {
        [QuestionnaireErrorKind.FileNotFound] = LocalizedText.Of("berkas tidak ditemukan: {0}", "file not found: {0}"),
        [QuestionnaireErrorKind.YamlSyntax] = LocalizedText.Of("YAML tidak valid: {0}", "invalid YAML: {0}"),
        [QuestionnaireErrorKind.InvalidStructure] = LocalizedText.Of("bentuk tidak sesuai: {0}", "unexpected structure: {0}"),
        [QuestionnaireErrorKind.UnknownField] = LocalizedText.Of("kolom tidak dikenal '{0}'", "unknown field '{0}'"),
        [QuestionnaireErrorKind.UnknownLanguage] = LocalizedText.Of(
            "'{0}' bukan kode bahasa (id, en); teks yang berisi koma di dalam {{ … }} harus diberi tanda kutip",
            "'{0}' is not a language code (id, en); inside {{ … }} put a text containing a comma in quotes"),
        [QuestionnaireErrorKind.MissingField] = LocalizedText.Of("kolom '{0}' wajib diisi", "missing field '{0}'"),
        [QuestionnaireErrorKind.InvalidValue] = LocalizedText.Of("nilai tidak valid: {0}", "invalid value: {0}"),
        [QuestionnaireErrorKind.InvalidId] = LocalizedText.Of(
            "id '{0}' tidak valid: pakai huruf kecil, angka dan _ (maksimal 24 karakter, diawali huruf)",
            "invalid id '{0}': use lower-case letters, digits and _ (at most 24 characters, starting with a letter)"),
        [QuestionnaireErrorKind.UnknownType] = LocalizedText.Of(
            "jenis pertanyaan tidak dikenal '{0}' (pilihan: text, integer, decimal, money, select_one, select_multiple, yes_no, date, location, photo, phone)",
            "unknown question type '{0}' (known: text, integer, decimal, money, select_one, select_multiple, yes_no, date, location, photo, phone)"),
        [QuestionnaireErrorKind.DuplicateId] = LocalizedText.Of("id pertanyaan '{0}' sudah dipakai", "duplicate question id '{0}'"),
        [QuestionnaireErrorKind.DuplicateArea] = LocalizedText.Of("id area '{0}' sudah dipakai", "duplicate area id '{0}'"),
        [QuestionnaireErrorKind.DuplicateChoice] = LocalizedText.Of("nilai pilihan '{0}' muncul dua kali", "duplicate choice value '{0}'"),
        [QuestionnaireErrorKind.UndeclaredArea] = LocalizedText.Of("area '{0}' tidak dideklarasikan di 'areas'", "area '{0}' is not declared under 'areas'"),
        [QuestionnaireErrorKind.SelectWithoutChoices] = LocalizedText.Of("pertanyaan pilihan '{0}' tidak punya 'choices'", "select question '{0}' has no choices"),
        [QuestionnaireErrorKind.ChoiceWithoutValue] = LocalizedText.Of("pilihan tanpa 'value' di pertanyaan '{0}'", "choice without a value in question '{0}'"),
        [QuestionnaireErrorKind.ChoiceWithoutLabel] = LocalizedText.Of("pilihan '{0}' tidak punya 'label'", "choice '{0}' has no label"),
        [QuestionnaireErrorKind.InvalidChoiceValue] = LocalizedText.Of(
            "nilai pilihan '{0}' tidak valid: pakai huruf kecil ASCII, angka, _ atau - (maksimal 24 karakter)",
            "invalid choice value '{0}': use lower-case ASCII letters, digits, _ or - (at most 24 characters)"),
        [QuestionnaireErrorKind.ChoicesNotAllowed] = LocalizedText.Of("'choices' tidak berlaku untuk pertanyaan '{0}'", "'choices' do not apply to question '{0}'"),
        [QuestionnaireErrorKind.InvalidScore] = LocalizedText.Of("skor '{0}' harus bilangan bulat 1–5", "score '{0}' must be a whole number 1–5"),
        [QuestionnaireErrorKind.ScoreNotAllowed] = LocalizedText.Of("'{0}' tidak berlaku untuk jenis pertanyaan ini", "'{0}' does not apply to this question type"),
        [QuestionnaireErrorKind.ScoreWithoutArea] = LocalizedText.Of("pertanyaan '{0}' punya skor tapi tidak punya 'area'", "question '{0}' has scores but no area"),
        [QuestionnaireErrorKind.ExpressionSyntax] = LocalizedText.Of("ekspresi tidak valid '{0}': {1}", "invalid expression '{0}': {1}"),
        [QuestionnaireErrorKind.UnknownQuestionReference] = LocalizedText.Of("ekspresi menyebut pertanyaan yang tidak ada '{0}'", "expression names unknown question '{0}'"),
        [QuestionnaireErrorKind.LaterQuestionReference] = LocalizedText.Of(
            "ekspresi menyebut pertanyaan '{0}' yang baru ditanyakan sesudahnya",
            "expression names question '{0}', which is asked later"),
        [QuestionnaireErrorKind.SelfReference] = LocalizedText.Of(
            "ekspresi menyebut pertanyaannya sendiri '{0}' (pakai '.' di constraint)",
            "expression names its own question '{0}' (use '.' in a constraint)"),
        [QuestionnaireErrorKind.SelfValueNotAllowed] = LocalizedText.Of(
            "'.' hanya boleh dipakai di constraint, bukan di relevant ({0})",
            "'.' may only be used in a constraint, not in relevant ({0})"),
        [QuestionnaireErrorKind.UnknownChoiceValue] = LocalizedText.Of("nilai pilihan tidak dikenal {0}", "unknown choice value {0}"),
        [QuestionnaireErrorKind.NoQuestions] = LocalizedText.Of("kuesioner tidak punya pertanyaan", "the questionnaire has no questions"),
        [QuestionnaireErrorKind.UnknownProfileField] = LocalizedText.Of(
            "prefill menyebut data profil yang tidak ada '{0}'",
            "prefill names no profile field '{0}'"),
        [QuestionnaireErrorKind.PrefillTypeMismatch] = LocalizedText.Of(
            "prefill '{0}' tidak cocok dengan jenis pertanyaan ini",
            "prefill '{0}' does not fit this question's type"),
        [QuestionnaireErrorKind.SkipOnRequired] = LocalizedText.Of(
            "skip hanya untuk pertanyaan yang boleh dilewati (required: false): '{0}'",
            "skip is only for a question that may be skipped (required: false): '{0}'"),
    };

    private static readonly Dictionary<ExpressionErrorKind, LocalizedText> ExpressionErrors = new()
    {
        [ExpressionErrorKind.Empty] = LocalizedText.Of("ekspresi kosong", "empty expression"),
        [ExpressionErrorKind.UnexpectedCharacter] = LocalizedText.Of("karakter tidak terduga '{0}'", "unexpected character '{0}'"),
        [ExpressionErrorKind.UnterminatedText] = LocalizedText.Of("tanda kutip tidak ditutup: {0}", "unterminated quote: {0}"),
        [ExpressionErrorKind.BadReference] = LocalizedText.Of("rujukan pertanyaan tidak valid '{0}' (tulis ${{id}})", "invalid question reference '{0}' (write ${{id}})"),
        [ExpressionErrorKind.UnknownWord] = LocalizedText.Of("kata tidak dikenal '{0}' (rujuk pertanyaan dengan ${{id}})", "unknown word '{0}' (refer to a question as ${{id}})"),
        [ExpressionErrorKind.UnknownFunction] = LocalizedText.Of("fungsi tidak dikenal '{0}'", "unknown function '{0}'"),
        [ExpressionErrorKind.WrongArgumentCount] = LocalizedText.Of("jumlah argumen '{0}' salah", "wrong number of arguments to '{0}'"),
        [ExpressionErrorKind.UnexpectedToken] = LocalizedText.Of("tidak terduga '{0}'", "unexpected '{0}'"),
        [ExpressionErrorKind.UnexpectedEnd] = LocalizedText.Of("ekspresi berhenti di tengah", "expression ends too early"),
    };

    internal static string LoaderError(QuestionnaireError error, string language) =>
        error.ExpressionError is { } expressionError
            ? Format(LoaderErrors[error.Kind].Get(language), error.Detail, ExpressionError(expressionError, language))
            : Format(LoaderErrors[error.Kind].Get(language), error.Detail);

    internal static string ExpressionError(ExpressionError error, string language) =>
        Format(ExpressionErrors[error.Kind].Get(language), error.Detail);
}
