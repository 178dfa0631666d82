using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Flows.OwnerData;

public static class OwnerDataTexts
{
    public static readonly Text ExportCaption = new(
        "Salinan data Anda ({0}): profil usaha, persetujuan, diagnosis, keanggotaan program, kunjungan pendamping, evaluasi, penilaian diri, dan jawaban yang belum selesai. Berkas JSON untuk komputer, XLSX untuk dibuka di Excel.",
        "A copy of your data ({0}): business profile, consent, diagnoses, program memberships, mentor visits, evaluations, self-assessments and unfinished answers. The JSON file is for computers, the XLSX opens in Excel.");
    public static readonly Text NothingStored = new(
        "Belum ada data usaha atas nama Anda. Yang tersimpan hanya akun bot Anda (peran dan bahasa).",
        "No business data is stored for you. Only your bot account (role and language) is stored.");
    public static readonly Text AskErase = new(
        "⚠️ Hapus data pribadi Anda?\nYang dihapus: nama, nama dan produk usaha, kelurahan, lokasi, nomor HP, persetujuan, jawaban isian teks diagnosis, catatan dan foto kunjungan, pesan bot yang tersimpan, dan akun bot Anda. Anda keluar dari program; pendamping dan koordinator diberi tahu tanpa nama Anda.\nYang tetap disimpan tanpa nama (untuk angka program): komoditas, kecamatan, jumlah tenaga kerja, omzet, izin, skor diagnosis dan evaluasi, serta tanggal dan jam kunjungan.\nTindakan ini tidak bisa dibatalkan.",
        "⚠️ Delete your personal data?\nDeleted: your name, the business name and products, village, location, phone number, consent, free-text diagnosis answers, visit notes and photos, the bot's stored messages, and your bot account. You leave the program; your mentor and the coordinators are told, without your name.\nKept without any name (for the program's figures): commodity, district, number of workers, turnover, licences, diagnosis and evaluation scores, and visit dates and hours.\nThis cannot be undone.");
    public static readonly Text ConfirmErase = new("🗑 Ya, hapus data saya", "🗑 Yes, delete my data");
    public static readonly Text KeepData = new("↩️ Tidak, simpan", "↩️ No, keep it");
    public static readonly Text Erased = new(
        "Data pribadi Anda sudah dihapus: {0}. Yang tersisa hanya angka tanpa nama untuk laporan program. Terima kasih telah ikut program. Ketik /start bila ingin bergabung lagi.",
        "Your personal data is deleted: {0}. Only anonymous figures remain for the program's reports. Thank you for taking part. Type /start to join again.");
    public static readonly Text ErasedProfile = new("profil usaha", "business profile");
    public static readonly Text ErasedDiagnoses = new("{0} diagnosis", "{0} diagnoses");
    public static readonly Text ErasedVisits = new("{0} catatan kunjungan dan {1} evaluasi (kini tanpa nama, teks, lokasi, dan foto)", "{0} visit records and {1} evaluations (now without names, texts, location and photos)");
    public static readonly Text IkmLeft = new(
        "ℹ️ Salah satu IKM ({0}) keluar dari program dan menghapus data pribadinya. Pendampingannya berakhir. Kunjungan dan evaluasi yang sudah tercatat tetap dihitung, tanpa nama.",
        "ℹ️ One IKM ({0}) left the program and erased its personal data. Its mentoring has ended. The visits and evaluations already logged still count, without names.");
    public static readonly Text ErasedAccount = new("akun bot", "bot account");
    public static readonly Text ErasedMessages = new("salinan pesan bot yang tersimpan", "stored copies of the bot's messages");
    public static readonly Text ErasedConversation = new("jawaban yang belum selesai", "unfinished answers");
    public static readonly Text Privacy = new(
        """
        🔒 Privasi data Anda di Ikm.Bot

        Yang disimpan: profil usaha yang Anda isi (nama, nama usaha, alamat, lokasi rumah produksi, nomor HP, tenaga kerja, omzet, izin), persetujuan Anda, jawaban diagnosis, catatan dan foto kunjungan pendamping, evaluasi bulanan, penilaian diri, dan jawaban yang belum selesai.

        Untuk apa: menjalankan program pendampingan IKM — menyusun rencana pendampingan, mencatat kunjungan, dan menyusun laporan program untuk Dinas.

        Siapa yang melihat: koordinator program di kohort Anda dan pendamping yang ditugaskan ke usaha Anda. Data tidak dibagikan ke pihak lain.

        Berapa lama:
        • selama Anda ikut program;
        • pesan yang dikirim bot: isinya dihapus begitu terkirim, catatannya dihapus setelah {0} hari;
        • jawaban yang belum selesai dan tidak disentuh: dihapus setelah {1} hari.

        Hak Anda: /datasaya — salinan semua data Anda; /hapusdata — hapus data pribadi Anda (yang tersisa hanya angka tanpa nama untuk laporan program).
        """,
        """
        🔒 Your data's privacy on Ikm.Bot

        What is kept: the business profile you filled in (name, business name, address, production house location, phone number, workers, turnover, licences), your consent, your diagnosis answers, your mentor's visit notes and photos, monthly evaluations, self-assessments, and unfinished answers.

        Why: to run the IKM mentoring program — to draw up the mentoring plan, log visits, and write the program's reports for the Dinas.

        Who sees it: the program's coordinators of your cohort and the mentor assigned to your business. It is not shared with anyone else.

        How long:
        • while you take part in the program;
        • messages the bot sent: their content is deleted once delivered, the record of them after {0} days;
        • unfinished answers left untouched: deleted after {1} days.

        Your rights: /mydata — a copy of all your data; /deletemydata — delete your personal data (only anonymous figures remain for the program's reports).
        """);
    public static readonly Text Kept = new("Baik, data Anda tidak dihapus.", "All right, your data is kept.");
    public static readonly Text EraseHelp = new(
        "Tekan \"Ya, hapus data saya\" untuk menghapus, atau \"Tidak, simpan\".",
        "Press \"Yes, delete my data\" to delete, or \"No, keep it\".");

    // Lines of /bantuan (EntryRoute.Help).
    public static readonly Text PrivacyHelp = new("data apa yang disimpan dan siapa yang melihatnya", "what data is kept and who sees it");
    public static readonly Text MyDataHelp = new("salinan semua data Anda", "a copy of all your data");
    public static readonly Text EraseCommandHelp = new("hapus data Anda", "delete your data");
}
