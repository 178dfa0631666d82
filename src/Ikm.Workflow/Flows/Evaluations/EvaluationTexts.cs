using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Flows.Evaluations;

public static class EvaluationTexts
{
    public static readonly Text ChooseIkm = new("📊 Evaluasi bulan {0}. Pilih IKM:", "📊 Evaluation for {0}. Choose the IKM:");
    public static readonly Text NoAreas = new(
        "IKM ini belum punya rencana pembinaan (diagnosis belum selesai) dan belum ada logbook bulan ini. Evaluasi belum bisa dibuat.",
        "This IKM has no mentoring plan yet (no completed diagnosis) and no logbook this month. The evaluation cannot be made yet.");
    public static readonly Text AreaHeader = new(
        "Bidang {0} dari {1}: {2}\nSkor diagnosis: {3} · bulan lalu: {4}",
        "Area {0} of {1}: {2}\nDiagnosis score: {3} · last month: {4}");
    public static readonly Text Logbook = new("Logbook bulan ini untuk bidang ini:", "This month's logbook for this area:");
    public static readonly Text NoLogbook = new("(belum ada logbook bulan ini untuk bidang ini)", "(no logbook this month for this area)");
    public static readonly Text Saved = new("✅ Evaluasi {0} bulan {1} tersimpan:", "✅ Evaluation of {0} for {1} saved:");
    public static readonly Text Line = new("• {0}: {1} (diagnosis {2}, bulan lalu {3})", "• {0}: {1} (diagnosis {2}, last month {3})");
    public static readonly Text SelfIntro = new(
        "📝 Penilaian diri bulan {0}: beri skor 1–5 untuk bidang-bidang rencana pembinaan Anda. Tidak wajib.",
        "📝 Self-assessment for {0}: score 1–5 the areas of your mentoring plan. Optional.");
    public static readonly Text SelfSaved = new("✅ Terima kasih, penilaian diri bulan {0} tersimpan.", "✅ Thank you, your self-assessment for {0} is saved.");
    public static readonly Text NoPlan = new(
        "Penilaian diri memakai bidang dari rencana pembinaan. Selesaikan diagnosis usaha dulu.",
        "The self-assessment uses the areas of your mentoring plan. Please complete the business diagnosis first.");
}
