namespace Ikm.Workflow.Texts;

/// <summary>Texts the engine itself says, whatever flow is open.</summary>
public static class CommonTexts
{
    public static readonly Text Cancelled = new(
        "Baik, dibatalkan. Jawaban yang sudah Anda isi tetap tersimpan.",
        "All right, cancelled. The answers you already gave are kept.");

    public static readonly Text NothingToCancel = new(
        "Tidak ada yang sedang berjalan untuk dibatalkan.",
        "Nothing is in progress to cancel.");

    public static readonly Text NothingToGoBack = new(
        "Tidak ada pertanyaan sebelumnya untuk diulang.",
        "There is no earlier question to go back to.");

    public static readonly Text StaleButton = new(
        "Tombol itu sudah tidak berlaku. Silakan pakai tombol pada pesan terakhir, atau ketik /menu.",
        "That button is no longer valid. Please use the buttons on the latest message, or type /menu.");

    public static readonly Text PreviousPage = new("◀ Sebelumnya", "◀ Previous");
    public static readonly Text NextPage = new("Berikutnya ▶", "Next ▶");
    public static readonly Text PageOf = new("Halaman {0} dari {1}.", "Page {0} of {1}.");

    public static readonly Text EmptyText = new(
        "Pesan Anda kosong. Silakan ketik jawaban Anda, contoh: Tenun Ikat Sumba. Ketik /bantuan untuk panduan.",
        "Your message is empty. Please type your answer, for example: Sumba Ikat Weaving. Type /help for guidance.");

    public static readonly Text TooLong = new(
        "Pesan terlalu panjang ({0} karakter). Batasnya {1} karakter — mohon diringkas.",
        "The message is too long ({0} characters). The limit is {1} characters — please shorten it.");

    public static readonly Text Unsupported = new(
        "Maaf, saya belum bisa membaca jenis pesan itu (stiker, suara, atau video). Silakan ketik teks atau pilih tombol. Ketik /bantuan untuk panduan.",
        "Sorry, I can't read that kind of message yet (sticker, voice or video). Please type text or press a button. Type /help for guidance.");

    public static readonly Text NoLetters = new(
        "Saya belum mengerti pesan itu. Silakan ketik dengan huruf atau angka, atau pilih tombol. Ketik /bantuan untuk panduan.",
        "I didn't understand that. Please type letters or numbers, or press a button. Type /help for guidance.");

    public static readonly Text UnknownCommand = new(
        "Perintah tidak dikenal: /{0}. Ketik /bantuan untuk daftar perintah Anda.",
        "Unknown command: /{0}. Type /help for your list of commands.");

    public static readonly Text Flooded = new(
        "⏳ Pesan Anda banyak sekali — tunggu sebentar, lalu kirim lagi.",
        "⏳ That is a lot of messages at once — please wait a moment, then send again.");

    public static readonly Text Apology = new(
        "Maaf, terjadi kesalahan di sistem kami saat memproses pesan Anda. Tim kami sudah tercatat untuk memeriksanya. Silakan coba lagi atau ketik /menu.",
        "Sorry, something went wrong on our side while handling your message. It has been recorded for our team. Please try again or type /menu.");

    /// <summary>The engine's own commands, at the end of every role's /bantuan and the help of a step that has none.</summary>
    public static readonly Text EngineCommands = new(
        "/menu — menu utama\n/batal — batalkan langkah yang sedang berjalan (jawaban tetap tersimpan)\n/kembali — kembali satu pertanyaan\n/bantuan — panduan perintah Anda",
        "/menu — main menu\n/cancel — cancel what is in progress (answers are kept)\n/back — back one question\n/help — your guide to the commands");

    public static readonly Text CoordinatorsOnly = new(
        "Perintah itu hanya untuk koordinator program.",
        "That command is for program coordinators only.");

    public static readonly Text QuestionnaireUsage = new(
        "Diagnosis memakai kuesioner {0} versi {1}. Untuk mengganti: /kuesioner namaberkas.yaml (berkas di folder questionnaires).",
        "The diagnosis uses questionnaire {0} version {1}. To change it: /questionnaire filename.yaml (a file in the questionnaires folder).");

    public static readonly Text QuestionnaireInUse = new(
        "Diagnosis memakai kuesioner {0} versi {1}. Hanya administrator program yang dapat menggantinya.",
        "The diagnosis uses questionnaire {0} version {1}. Only a program administrator can change it.");

    public static readonly Text QuestionnaireSwitched = new(
        "✅ Diagnosis baru sekarang memakai \"{0}\" ({1} versi {2}, {3} pertanyaan). Diagnosis yang sedang berjalan tetap memakai kuesioner lamanya.",
        "✅ New diagnoses now use \"{0}\" ({1} version {2}, {3} questions). Diagnoses in progress keep their questionnaire.");

    public static readonly Text QuestionnaireRefused = new(
        "❌ Berkas {0} tidak dipakai karena ada kesalahan; diagnosis tetap memakai {1}:",
        "❌ File {0} is not used because it has errors; the diagnosis keeps using {1}:");

    /// <summary>The one reply a group, supergroup or channel gets; the only text the sender lets into such a chat.</summary>
    public static readonly Text PrivateChatsOnly = new(
        "Ikm.Bot hanya melayani chat pribadi — buka t.me/{0}",
        "Ikm.Bot only works in private chats — open t.me/{0}");

    public const int MaxTextLength = 1000;

    public static readonly Text QuestionnaireHelp = new("kuesioner diagnosis yang dipakai (administrator dapat menggantinya)", "the diagnosis questionnaire in use (an administrator can switch it)");
}
