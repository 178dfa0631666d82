using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Engine;

public static class MenuTexts
{
    public static readonly Text OwnerMenu = new(
        "Menu pemilik IKM 🏭\nPilih di bawah: profil usaha (daftar atau ubah), diagnosis usaha, dan rencana pembinaan.\n\n/datasaya — salinan data Anda · /hapusdata — hapus data Anda · /privasi — privasi data · /bahasa — ganti bahasa",
        "IKM owner menu 🏭\nChoose below: business profile (register or edit), business diagnosis, and the mentoring plan.\n\n/datasaya — a copy of your data · /hapusdata — delete your data · /language — change language");

    public static readonly Text Profile = new("👤 Profil usaha", "👤 Business profile");
    public static readonly Text Diagnosis = new("🩺 Diagnosis", "🩺 Diagnosis");
    public static readonly Text Plan = new("📋 Rencana pembinaan", "📋 Mentoring plan");
    public static readonly Text Help = new("❓ Bantuan", "❓ Help");

    public static readonly Text LeaveOpenFlow = new(
        "Anda sedang mengisi sesuatu yang belum selesai. Tinggalkan dulu (jawaban yang sudah diisi tetap tersimpan) atau lanjutkan?",
        "You are in the middle of something. Leave it for now (your answers so far are kept) or continue?");
    public static readonly Text LeftOpenFlow = new(
        "Anda keluar dari pertanyaan yang sedang diisi. Jawaban yang sudah diisi tetap tersimpan — tekan tombol yang sama untuk melanjutkan.",
        "You left the questions you were answering. The answers you gave are kept — press the same button to continue.");
    public static readonly Text Leave = new("↪️ Tinggalkan", "↪️ Leave it");
    public static readonly Text Continue = new("▶️ Lanjutkan", "▶️ Continue");
    public static readonly Text OwnersOnly = new(
        "Menu itu untuk pemilik IKM. Ketik /menu untuk melihat menu Anda.",
        "That menu is for IKM owners. Type /menu to see your menu.");

    public static readonly Text MentorMenu = new(
        "Menu pendamping 🧑‍🏫\nIKM dampingan Anda, check-in di rumah produksi, check-out dengan logbook pembinaan, dan kunjungan susulan.\n\n/bantuan — panduan · /bahasa — ganti bahasa",
        "Mentor menu 🧑‍🏫\nYour IKMs, check-in at the production house, check-out with the mentoring logbook, and retro visits.\n\n/help — guide · /language — change language");

    public static readonly Text CoordinatorMenu = new(
        "Menu koordinator 📋\nKohort, persetujuan IKM, penugasan pendamping, undangan dan laporan. Undang dengan /undang mentor Nama.\n\n/bantuan — semua perintah koordinator · /bahasa — ganti bahasa",
        "Coordinator menu 📋\nCohorts, IKM approvals, mentor assignment, invites and reports. Invite with /invite mentor Name.\n\n/help — every coordinator command · /language — change language");

    public static readonly Text NewCohort = new("🗂 Buat kohort", "🗂 New cohort");
    public static readonly Text Approvals = new("⏳ Persetujuan", "⏳ Approvals");
    public static readonly Text Assign = new("👥 Penugasan", "👥 Assignment");
    public static readonly Text Invites = new("✉️ Undangan", "✉️ Invites");
    public static readonly Text Summary = new("📈 Ringkasan", "📈 Summary");
    public static readonly Text Late = new("⏰ Terlambat", "⏰ Late");
    public static readonly Text Ranking = new("🏆 Peringkat", "🏆 Ranking");
    public static readonly Text Export = new("📥 Ekspor Excel", "📥 Excel export");
    public static readonly Text MyIkms = new("🏭 IKM saya", "🏭 My IKMs");
    public static readonly Text CheckIn = new("📍 Check-in", "📍 Check in");
    public static readonly Text CheckOut = new("✅ Check-out", "✅ Check out");
    public static readonly Text Evaluation = new("📊 Evaluasi bulanan", "📊 Monthly evaluation");
    public static readonly Text Visits = new("🗓 Kunjungan", "🗓 Visits");
    public static readonly Text SelfAssessment = new("📝 Penilaian diri", "📝 Self-assessment");
    public static readonly Text Retro = new("📝 Kunjungan susulan", "📝 Retro visit");

    public static readonly Text NotJoined = new(
        "Anda belum bergabung. Ketik /start untuk memulai.",
        "You have not joined yet. Type /start to begin.");

    public static readonly Text WelcomeBack = new(
        "Selamat datang kembali 👋",
        "Welcome back 👋");
}
