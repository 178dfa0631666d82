using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Flows.Evaluations;

public static class EvaluationTexts
{
    public static readonly Text ChooseIkm = new("📊 Evaluasi bulan {0}. Pilih IKM:", "📊 Evaluation for {0}. Choose the IKM:");
    public static readonly Text ChooseIkmOfSeveralMonths = new(
        "📊 Evaluasi bulanan. Pilih IKM (bulan yang dievaluasi tampil setelah memilih):",
        "📊 Monthly evaluation. Choose the IKM (the month evaluated is shown once chosen):");
    public static readonly Text NoAreas = new(
        "IKM ini belum punya rencana pembinaan (diagnosis belum selesai) dan belum ada logbook bulan ini. Evaluasi belum bisa dibuat.",
        "This IKM has no mentoring plan yet (no completed diagnosis) and no logbook this month. The evaluation cannot be made yet.");
    public static readonly Text AreaHeader = new(
        "📊 Evaluasi {0} · Bidang {1} dari {2}: {3}\nSkor diagnosis: {4} · bulan lalu: {5}",
        "📊 Evaluation {0} · Area {1} of {2}: {3}\nDiagnosis score: {4} · last month: {5}");
    public static readonly Text NotesCard = new(
        "📝 Catatan {0} (skor {1}), dari logbook bulan ini:\n• Masalah: {2}\n• Didampingkan: {3}\n• Hasil: {4}",
        "📝 Notes on {0} (score {1}), from this month's logbook:\n• Problem: {2}\n• Mentored: {3}\n• Result: {4}");
    public static readonly Text NotesCardKept = new(
        "📝 Catatan {0} (skor {1}):\n• Masalah: {2}\n• Didampingkan: {3}\n• Hasil: {4}",
        "📝 Notes on {0} (score {1}):\n• Problem: {2}\n• Mentored: {3}\n• Result: {4}");
    public static readonly Text NoLogbookNotes = new(
        "📝 Catatan {0} (skor {1}): belum ada logbook bulan ini untuk bidang ini. Tulis catatan, atau lanjut tanpa catatan.",
        "📝 Notes on {0} (score {1}): no logbook this month for this area. Write notes, or go on without.");
    public static readonly Text UseNotes = new("✅ Pakai catatan ini", "✅ Use these notes");
    public static readonly Text WriteNotes = new("✏️ Tulis catatan", "✏️ Write notes");
    public static readonly Text NoNotes = new("⏭ Tanpa catatan", "⏭ No notes");
    public static readonly Text Summary = new(
        "📋 Ringkasan evaluasi {0} · {1}. Belum disimpan: periksa, lalu tekan 💾 Simpan.",
        "📋 Summary of the evaluation of {0} · {1}. Not saved yet: check it, then press 💾 Save.");
    public static readonly Text SelfSummary = new(
        "📋 Penilaian diri {0}. Belum disimpan: periksa, lalu tekan 💾 Simpan.",
        "📋 Self-assessment for {0}. Not saved yet: check it, then press 💾 Save.");
    public static readonly Text SummaryNothingScored = new(
        "Belum ada bidang yang diberi skor, jadi belum ada yang bisa disimpan. Pilih bidang untuk diberi skor, atau /batal.",
        "No area has a score yet, so there is nothing to save. Choose an area to score, or /batal.");
    public static readonly Text SelfSummaryLine = new("• {0}: {1}", "• {0}: {1}");
    public static readonly Text SummaryNotes = new("   Masalah: {0} · Didampingkan: {1} · Hasil: {2}", "   Problem: {0} · Mentored: {1} · Result: {2}");
    public static readonly Text SkippedLine = new("• {0}: dilewati", "• {0}: skipped");
    public static readonly Text Save = new("💾 Simpan", "💾 Save");
    public static readonly Text EditArea = new("✏️ {0}", "✏️ {0}");
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
