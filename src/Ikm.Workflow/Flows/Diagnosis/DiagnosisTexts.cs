using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Flows.Diagnosis;

public static class DiagnosisTexts
{
    public static readonly Text RegisterFirst = new(
        "Sebelum diagnosis, daftarkan usaha Anda dulu (profil usaha).",
        "Before the diagnosis, please register your business (business profile) first.");
    public static readonly Text Register = new("📝 Daftarkan usaha", "📝 Register the business");
    public static readonly Text Intro = new(
        "🩺 {0}\n{1} pertanyaan tentang {2} bidang usaha, ±{3} menit. Sebagian besar cukup pilih tombol. Jawaban tersimpan setiap pertanyaan — bisa berhenti (/batal) dan lanjut kapan saja.",
        "🩺 {0}\n{1} questions on {2} areas of the business, about {3} minutes. Most are answered with a button. Every answer is saved — you can stop (/cancel) and continue at any time.");
    public static readonly Text IntroRange = new(
        "🩺 {0}\nSekitar {1}–{2} pertanyaan tentang {3} bidang usaha (tergantung jawaban Anda), ±{4} menit. Sebagian besar cukup pilih tombol. Jawaban tersimpan setiap pertanyaan — bisa berhenti (/batal) dan lanjut kapan saja.",
        "🩺 {0}\nSome {1}–{2} questions on {3} areas of the business (depending on your answers), about {4} minutes. Most are answered with a button. Every answer is saved — you can stop (/cancel) and continue at any time.");
    public static readonly Text FromProfile = new(
        "✅ {0} pertanyaan sudah terjawab di profil usaha Anda (pendaftaran), jadi tidak ditanyakan lagi. Kalau ada yang berubah, perbarui lewat 👤 Profil usaha.",
        "✅ {0} questions are already answered in your business profile (registration), so they are not asked again. If something changed, update it in 👤 Business profile.");
    public static readonly Text Begin = new("▶️ Mulai", "▶️ Start");
    public static readonly Text ResumePrompt = new(
        "Lanjutkan diagnosis? {0} dari {1} terjawab, terakhir {2}.",
        "Continue the diagnosis? {0} of {1} answered, last {2}.");
    public static readonly Text Resume = new("▶️ Lanjutkan", "▶️ Continue");
    public static readonly Text Restart = new("🔄 Mulai dari awal", "🔄 Start over");
    public static readonly Text LastResult = new("📊 Lihat hasil terakhir", "📊 See the last result");
    public static readonly Text Retake = new("🔄 Ulangi diagnosis", "🔄 Take it again");
    public static readonly Text CompletedBefore = new(
        "Diagnosis terakhir selesai {0}. Ulangi diagnosis untuk melihat perkembangan? Hasil lama tetap disimpan.",
        "The last diagnosis was completed {0}. Take it again to see progress? The old result is kept.");
    public static readonly Text ResultTitle = new("📊 Hasil diagnosis usaha ({0})", "📊 Business diagnosis result ({0})");
    public static readonly Text Weakest = new("Tiga bidang terlemah:", "The three weakest areas:");
    public static readonly Text Plan = new("📋 Rencana pembinaan:", "📋 Mentoring plan:");
    public static readonly Text NotScored = new("belum dinilai", "not scored");
    public static readonly Text NoPlanYet = new(
        "Rencana pembinaan dibuat dari diagnosis usaha. Selesaikan diagnosis dulu.",
        "The mentoring plan comes from the business diagnosis. Please complete the diagnosis first.");
    public static readonly Text IntroHelp = new(
        "Tekan salah satu tombol di atas untuk memulai atau melanjutkan diagnosis.",
        "Press one of the buttons above to start or continue the diagnosis.");
}
