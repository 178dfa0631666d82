using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Flows.Visits;

public static class VisitTexts
{
    public static readonly Text NoIkms = new("Belum ada IKM yang ditugaskan kepada Anda.", "No IKM is assigned to you yet.");
    public static readonly Text MyIkmsTitle = new("🏭 IKM dampingan Anda:", "🏭 Your IKMs:");
    public static readonly Text LastVisit = new("kunjungan terakhir {0}", "last visit {0}");
    public static readonly Text NeverVisited = new("belum pernah dikunjungi", "not visited yet");
    public static readonly Text VisitedThisWeek = new("✅ minggu ini {0}×", "✅ this week {0}×");
    public static readonly Text NotThisWeek = new("⏳ belum dikunjungi minggu ini", "⏳ not visited this week");
    public static readonly Text RuleNotMetThisWeek = new("⏳ minggu ini belum memenuhi aturan", "⏳ this week's rule not met yet");
    public static readonly Text ShortThisWeek = new(
        "⚠️ {0} kunjungan di bawah {1} jam (tidak memenuhi aturan)", "⚠️ {0} visit(s) under {1} hours (not meeting the rule)");
    public static readonly Text RetroThisWeek = new(
        "📝 {0} susulan (dihitung terpisah, tanpa check-in)", "📝 {0} retro (counted apart, no check-in)");
    public static readonly Text ChooseIkm = new("Pilih IKM yang dikunjungi:", "Choose the IKM you are visiting:");
    public static readonly Text AlreadyCheckedIn = new(
        "Anda masih check-in di {0} sejak {1}. Check-out dulu sebelum check-in baru.",
        "You are still checked in at {0} since {1}. Check out before a new check-in.");
    public static readonly Text AskLocation = new(
        "📍 Kirim lokasi Anda sekarang di rumah produksi {0} (tombol di bawah).",
        "📍 Send your current location at the production house of {0} (button below).");
    public static readonly Text ShareLocation = new("📍 Kirim lokasi saat ini", "📍 Send current location");
    public static readonly Text LocationNeeded = new(
        "Untuk check-in diperlukan lokasi. Tekan tombol \"Kirim lokasi saat ini\".",
        "Check-in needs your location. Press \"Send current location\".");
    public static readonly Text AskHome = new(
        "Lokasi rumah produksi {0} belum tercatat. Jadikan lokasi ini sebagai rumah produksi?",
        "The production house of {0} has no location yet. Use this location as the production house?");
    public static readonly Text Yes = new("✅ Ya", "✅ Yes");
    public static readonly Text No = new("❌ Tidak", "❌ No");
    public static readonly Text AskReason = new(
        "⚠️ Anda berjarak {0} dari rumah produksi (batas {1}). Tuliskan alasannya (contoh: pendampingan di pasar tempat IKM berjualan).",
        "⚠️ You are {0} from the production house (limit {1}). Please write the reason (for example: mentoring at the market where the IKM sells).");
    public static readonly Text CheckedIn = new(
        "✅ Check-in tercatat: {0}, pukul {1}{2}. Tekan Check-out saat kunjungan selesai.",
        "✅ Checked in: {0} at {1}{2}. Press Check out when the visit ends.");
    public static readonly Text Distance = new(", jarak {0} dari rumah produksi", ", {0} from the production house");
    public static readonly Text NoOpenVisit = new("Tidak ada check-in yang terbuka. Mulai dengan 📍 Check-in.", "No check-in is open. Start with 📍 Check in.");
    public static readonly Text AskFinish = new(
        "Selesai kunjungan di {0} sekarang? (mulai {1}, {2})",
        "Finish the visit at {0} now? (started {1}, {2})");
    public static readonly Text Finish = new("✅ Ya, selesai", "✅ Yes, finish");
    public static readonly Text KeepOpen = new("❌ Batal", "❌ Cancel");
    public static readonly Text KeptOpen = new(
        "Check-in tetap terbuka. Tekan ✅ Check-out saat kunjungan selesai.",
        "The check-in stays open. Press ✅ Check out when the visit ends.");
    public static readonly Text CheckedOut = new(
        "Check-out {0}: lama kunjungan {1}.{2}\nSekarang isi logbook pembinaan.",
        "Checked out of {0}: the visit lasted {1}.{2}\nNow fill in the mentoring logbook.");
    public static readonly Text ShortVisit = new(" ⚠️ Di bawah minimal {0} jam per kunjungan.", " ⚠️ Below the minimum of {0} hours a visit.");
    public static readonly Text AskPhotos = new(
        "📷 Kirim foto kegiatan (paling banyak 5), lalu tekan Selesai. Tidak ada foto? Langsung tekan Selesai.",
        "📷 Send photos of the visit (at most 5), then press Done. No photos? Press Done.");
    public static readonly Text PhotoSaved = new("Foto {0} dari 5 tersimpan.", "Photo {0} of 5 saved.");
    public static readonly Text PhotosDone = new("✅ Selesai", "✅ Done");
    public static readonly Text PhotoExpected = new("Kirim foto, atau tekan Selesai.", "Send a photo, or press Done.");
    public static readonly Text Saved = new(
        "📒 Logbook tersimpan: {0}, {1}, {2} foto.{3}",
        "📒 Logbook saved: {0}, {1}, {2} photos.{3}");
    public static readonly Text FlagsNote = new(" Catatan: {0}.", " Notes: {0}.");
    public static readonly Text FlagFar = new("jauh dari rumah produksi", "far from the production house");
    public static readonly Text FlagShort = new("di bawah jam minimal", "below the minimum hours");
    public static readonly Text FlagRetro = new("kunjungan susulan", "retro visit");
    public static readonly Text AskRetroDate = new(
        "Tanggal kunjungan? (contoh: 17 Agustus 2026 atau 17/8/2026)",
        "Date of the visit? (for example: 17 August 2026 or 17/8/2026)");
    public static readonly Text FutureDate = new("Tanggal kunjungan tidak boleh di masa depan.", "The visit date cannot be in the future.");
    public static readonly Text RetroOutsideCohort = new(
        "Tanggal kunjungan harus di dalam masa kohort ({0} – {1}).", "The visit date must be inside the cohort's period ({0} – {1}).");
    public static readonly Text RetroTooLongAgo = new(
        "Kunjungan susulan paling lama {0} hari yang lalu.", "A retro visit can be at most {0} days ago.");
    public static readonly Text AskRetroReason = new(
        "Mengapa tidak check-in saat kunjungan? (contoh: HP mati, tidak ada sinyal di lokasi)",
        "Why was there no check-in during the visit? (for example: phone battery empty, no signal there)");
    public static readonly Text RetroReasonTooShort = new("Tulis alasannya dalam beberapa kata.", "Please write the reason in a few words.");
    public static readonly Text AskRetroHours = new("Berapa jam kunjungannya? (contoh: 4 atau 4,5)", "How many hours did the visit last? (for example: 4 or 4.5)");
    public static readonly Text BadHours = new("Jumlah jam antara 0,5 dan 12, contoh: 4,5.", "Hours between 0.5 and 12, for example: 4.5.");
    public static readonly Text AskEndTime = new(
        "Check-in di {0} terbuka terlalu lama. Jam berapa kunjungan sebenarnya selesai? (contoh: 15:30)",
        "The check-in at {0} was open too long. At what time did the visit really end? (for example: 15:30)");
    public static readonly Text BadEndTime = new(
        "Tulis jam selesai seperti 15:30 — setelah jam check-in dan tidak di masa depan.",
        "Write the end time like 15:30 — after the check-in time and not in the future.");
    public static readonly Text FlagForgotten = new("check-out terlambat", "late check-out");
    public static readonly Text FinishLogbookFirst = new(
        "Logbook kunjungan di {0} belum selesai. Tekan ✅ Check-out untuk melanjutkannya dulu.",
        "The logbook of the visit at {0} is not finished. Press ✅ Check out to continue it first.");
    public static readonly Text NotYourIkm = new(
        "IKM itu tidak ditugaskan kepada Anda. Pilih dari daftar IKM Anda.",
        "That IKM is not assigned to you. Choose from your list.");

    // The lines of the mentor's /bantuan (EntryRoute.Help).
    public static readonly Text MyIkmsHelp = new(
        "IKM dampingan Anda dan kunjungan minggu ini; 🪪 kartu IKM: nama dan telepon pemilik, peta rumah produksi",
        "your IKMs and this week's visits; 🪪 the IKM card: the owner's name and phone, a map to the production house");
    public static readonly Text CheckInHelp = new("check-in di rumah produksi (kirim lokasi)", "check in at the production house (share your location)");
    public static readonly Text CheckOutHelp = new("check-out dan isi logbook pembinaan", "check out and fill in the mentoring logbook");
    public static readonly Text RetroHelp = new("catat kunjungan yang lupa di-check-in", "record a visit you forgot to check in");
    public static readonly Text EvaluationHelp = new("evaluasi bulanan per IKM", "the monthly evaluation of each IKM");
}
