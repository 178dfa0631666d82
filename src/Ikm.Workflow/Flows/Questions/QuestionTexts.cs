using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Flows.Questions;

public static class QuestionTexts
{
    public static readonly Text Progress = new("Pertanyaan {0} dari {1}", "Question {0} of {1}");
    public static readonly Text Skip = new("⏭ Lewati", "⏭ Skip");
    public static readonly Text Done = new("✅ Selesai memilih", "✅ Done");
    public static readonly Text ShareLocation = new("📍 Kirim lokasi saat ini", "📍 Send current location");
    public static readonly Text ShareContact = new("📱 Kirim nomor HP saya", "📱 Send my phone number");
    public static readonly Text MultiHint = new(
        "Pilih satu atau lebih, lalu tekan \"Selesai memilih\".",
        "Choose one or more, then press \"Done\".");
    public static readonly Text NothingSelected = new("Belum ada yang dipilih. Pilih minimal satu.", "Nothing is selected yet. Choose at least one.");
    public static readonly Text NothingSelectedOrNone = new(
        "Belum ada yang dipilih. Pilih minimal satu, atau \"{0}\" bila memang belum ada.",
        "Nothing is selected yet. Choose at least one, or \"{0}\" if that is the case.");
    public static readonly Text LocationHint = new(
        "Tekan tombol \"Kirim lokasi saat ini\" di bawah (di rumah produksi), atau ketik \"lewati\".",
        "Press \"Send current location\" below (at the production house), or type \"skip\".");
    public static readonly Text PhoneHint = new(
        "Ketik nomor HP (contoh: 0812-3456-7890) atau tekan \"Kirim nomor HP saya\".",
        "Type a phone number (for example 0812-3456-7890) or press \"Send my phone number\".");
    public static readonly Text PhotoHint = new("Kirim foto dari kamera atau galeri.", "Send a photo from the camera or gallery.");
    public static readonly Text StaleQuestion = new(
        "Tombol itu untuk pertanyaan lain. Silakan jawab pertanyaan terakhir di bawah ini.",
        "That button belongs to another question. Please answer the latest question below.");
}
