using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Flows.Visits.Correction;

public static class VisitCorrectionTexts
{
    public static readonly Text Correct = new("✏️ Koreksi waktu", "✏️ Correct the times");
    public static readonly Text AskStart = new(
        "Jam mulai kunjungan di {0} yang benar? (tercatat {1}; contoh: 08:00)",
        "The right start time of the visit to {0}? (recorded {1}; for example: 08:00)");
    public static readonly Text AskEnd = new(
        "Jam selesai yang benar? (tercatat {0}; contoh: 12:30)",
        "The right end time? (recorded {0}; for example: 12:30)");
    public static readonly Text BadTime = new("Tulis jam seperti 08:00.", "Write the time like 08:00.");
    public static readonly Text FutureTime = new("Jam itu belum lewat.", "That time has not come yet.");
    public static readonly Text EndBeforeStart = new("Jam selesai harus setelah jam mulai ({0}).", "The end must be after the start ({0}).");
    public static readonly Text Confirm = new(
        "Ubah kunjungan di {0} menjadi {1}–{2} ({3})?",
        "Change the visit to {0} to {1}–{2} ({3})?");
    public static readonly Text Save = new("✅ Simpan", "✅ Save");
    public static readonly Text Cancel = new("❌ Batal", "❌ Cancel");
    public static readonly Text Saved = new("✏️ Waktu kunjungan diubah: {0}–{1} ({2}).{3}", "✏️ Visit times changed: {0}–{1} ({2}).{3}");
    public static readonly Text Unchanged = new("Waktu kunjungan tidak diubah.", "The visit times were not changed.");
    public static readonly Text Erased = new(
        "Pemilik IKM ini sudah menghapus datanya, jadi kunjungannya tidak bisa dikoreksi lagi.",
        "This IKM's owner erased their data, so its visits can no longer be corrected.");
    public static readonly Text TooLate = new(
        "Waktu kunjungan hanya bisa dikoreksi sampai {0} jam setelah kunjungan selesai, dan bukan kunjungan susulan.",
        "A visit's times can be corrected only until {0} hours after it ended, and not for a retro visit.");
}
