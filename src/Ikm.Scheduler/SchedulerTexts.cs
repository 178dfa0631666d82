using Ikm.Workflow.Texts;

namespace Ikm.Scheduler;

public static class SchedulerTexts
{
    public static readonly Text OpenCheckIn = new(
        "⏰ Check-in di {0} sejak {1} belum ditutup. Tekan tombol di bawah dan tuliskan jam kunjungan sebenarnya selesai.",
        "⏰ Your check-in at {0} since {1} is still open. Press the button below and give the time the visit really ended.");
    public static readonly Text CloseCheckIn = new("✅ Tutup check-in", "✅ Close the check-in");

    public static readonly Text WeeklyReminder = new(
        "📅 Pengingat kunjungan minggu ini ({0}). IKM yang belum dikunjungi:",
        "📅 This week's visit reminder ({0}). IKMs not visited yet:");
    public static readonly Text WeeklyReminderLate = new(
        "📅 Pengingat minggu ini (terkirim terlambat, {0}). IKM yang belum dikunjungi:",
        "📅 This week's reminder (sent late, {0}). IKMs not visited yet:");
    public static readonly Text AllVisited = new(
        "📅 Minggu ini ({0}): semua IKM Anda sudah dikunjungi. Terima kasih!",
        "📅 This week ({0}): all your IKMs have been visited. Thank you!");
    public static readonly Text Nudge = new(
        "👋 Sudah Kamis. IKM ini belum dikunjungi minggu ini:",
        "👋 It is Thursday. These IKMs have not been visited this week:");
    public static readonly Text IkmLine = new("• {0} — {1}", "• {0} — {1}");
    public static readonly Text LastVisit = new("kunjungan terakhir {0}", "last visit {0}");
    public static readonly Text NeverVisited = new("belum pernah dikunjungi", "not visited yet");
    public static readonly Text CheckInButton = new("📍 Check-in", "📍 Check in");
    public static readonly Text EvaluationPrompt = new(
        "📊 Hari kerja terakhir bulan {0}: waktunya evaluasi bulanan untuk {1} IKM Anda.",
        "📊 Last working day of {0}: time for the monthly evaluation of your {1} IKMs.");
    public static readonly Text EvaluationReminder = new(
        "📊 Evaluasi bulan {0} belum lengkap: {1} IKM belum dievaluasi.",
        "📊 The evaluation for {0} is not complete: {1} IKMs not evaluated yet.");
    public static readonly Text EvaluationButton = new("📊 Evaluasi bulanan", "📊 Monthly evaluation");
    public static readonly Text SelfAssessmentPrompt = new(
        "📝 Bagaimana perkembangan usaha Anda bulan {0}? Beri penilaian diri singkat (tidak wajib).",
        "📝 How did your business do in {0}? Give a short self-assessment (optional).");
    public static readonly Text SelfAssessmentButton = new("📝 Penilaian diri", "📝 Self-assessment");
    public static readonly Text EscalationMentor = new(
        "⚠️ {0} belum dikunjungi selama {1}. Mohon jadwalkan kunjungan minggu ini.",
        "⚠️ {0} has not been visited for {1}. Please plan a visit this week.");
    public static readonly Text EscalationCoordinator = new(
        "🚨 {0} (pendamping: {1}) belum dikunjungi selama {2}, meski sudah diingatkan.",
        "🚨 {0} (mentor: {1}) has not been visited for {2}, despite a reminder.");
    public static readonly Text EvaluationEscalationMentor = new(
        "⚠️ Evaluasi bulan {0} untuk {1} masih kosong 5 hari setelah pengingat.",
        "⚠️ The {0} evaluation of {1} is still missing 5 days after the prompt.");
    public static readonly Text EvaluationEscalationCoordinator = new(
        "🚨 Evaluasi bulan {0} untuk {1} (pendamping: {2}) belum diisi 7 hari setelah pengingat.",
        "🚨 The {0} evaluation of {1} (mentor: {2}) is still missing 7 days after the prompt.");
}
