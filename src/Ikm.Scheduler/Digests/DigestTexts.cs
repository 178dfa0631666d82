using Ikm.Workflow.Texts;

namespace Ikm.Scheduler.Digests;

/// <summary>The coordinator digests' wording, Bahasa Indonesia first. Numbers arrive already formatted.</summary>
public static class DigestTexts
{
    public static readonly Text More = new("…dan {0} lainnya", "…and {0} more");
    public static readonly Text None = new("tidak ada", "none");
    public static readonly Text EmptyList = new("• belum ada", "• none yet");
    public static readonly Text NothingLate = new("Tidak ada yang terlambat ✅", "Nothing is late ✅");
    public static readonly Text NothingRanked = new("Belum ada IKM yang didampingi untuk diperingkat.", "No mentored IKM to rank yet.");
    public static readonly Text Yes = new("Ya", "Yes");
    public static readonly Text No = new("Tidak", "No");

    // Weekly
    public static readonly Text WeeklyTitle = new("📊 Ringkasan mingguan — {0}", "📊 Weekly digest — {0}");
    public static readonly Text WeekPeriod = new("Minggu {0} {1} ({2})", "Week of {0} {1} ({2})");
    public static readonly Text WeekSoFar = new(", sampai {0}", ", up to {0}");
    public static readonly Text VisitsVsRequired = new(
        "🚶 Kunjungan: {0} dari {1} yang diwajibkan · {2} jam · {3} dari {4} IKM memenuhi aturan (≥{5} kunjungan ≥{6} jam)",
        "🚶 Visits: {0} of {1} required · {2} hours · {3} of {4} IKMs met the rule (≥{5} visit(s) of ≥{6} hours)");
    public static readonly Text RetroApart = new(
        "📝 {0} kunjungan susulan (tanpa check-in) dicatat terpisah: tidak dihitung memenuhi aturan.",
        "📝 {0} retro visit(s) (no check-in) counted apart: they do not meet the rule.");
    public static readonly Text MentorRetro = new(" · {0} susulan", " · {0} retro");
    public static readonly Text MentorCompliance = new("👥 Kepatuhan per pendamping:", "👥 Compliance per mentor:");
    public static readonly Text MentorComplianceLine = new(
        "• {0}: {1}/{2} IKM dikunjungi, {3} kunjungan, {4} jam, kepatuhan {5}%{6}",
        "• {0}: {1}/{2} IKMs visited, {3} visits, {4} hours, compliance {5}%{6}");
    public static readonly Text MissedRate = new(" · minggu tanpa kunjungan sejak awal: {0}%", " · weeks without a visit since the start: {0}%");
    public static readonly Text OverCapacity = new(" ⚠️ lebih dari {0} IKM", " ⚠️ more than {0} IKMs");
    public static readonly Text WithoutVisit = new("⏳ IKM tanpa kunjungan {0} minggu atau lebih: {1}", "⏳ IKMs without a visit for {0}+ weeks: {1}");
    public static readonly Text WithoutVisitLine = new("• {0} — {1}, kunjungan terakhir {2}", "• {0} — {1}, last visit {2}");
    public static readonly Text NeverVisitedLine = new("• {0} — {1}, belum pernah dikunjungi (ditugaskan {2})", "• {0} — {1}, never visited (assigned {2})");
    public static readonly Text Flagged = new("🚩 Kunjungan bertanda: {0}", "🚩 Flagged visits: {0}");
    public static readonly Text FlaggedSummary = new(
        "{0} jauh dari rumah produksi, {1} terlalu singkat, {2} dicatat belakangan, {3} terlambat check-out",
        "{0} far from the production house, {1} too short, {2} logged afterwards, {3} late check-out");
    public static readonly Text FlaggedLine = new("• {0} — {1}, {2}: {3}", "• {0} — {1}, {2}: {3}");
    public static readonly Text FlagFar = new("jauh {0} m", "far {0} m");
    public static readonly Text FlagFarReason = new("jauh {0} m ({1})", "far {0} m ({1})");
    public static readonly Text FlagShort = new("singkat {0} jam", "short {0} hours");
    public static readonly Text FlagRetro = new("dicatat belakangan", "logged afterwards");
    public static readonly Text FlagRetroReason = new("dicatat belakangan: {0}", "logged afterwards: {0}");
    public static readonly Text FlagLate = new("terlambat check-out", "late check-out");
    public static readonly Text NewRegistrations = new("🆕 Pendaftaran baru: {0}", "🆕 New registrations: {0}");
    public static readonly Text RegistrationLine = new("• {0} ({1}, {2})", "• {0} ({1}, {2})");
    public static readonly Text DiagnosisCompletion = new(
        "🩺 Diagnosis selesai: {0} dari {1} IKM ({2}%)",
        "🩺 Diagnosis completed: {0} of {1} IKMs ({2}%)");
    public static readonly Text Unreachable = new(
        "📵 Anggota tidak bisa dihubungi (memblokir bot): {0}",
        "📵 Members unreachable (blocked the bot): {0}");
    public static readonly Text UnreachableLine = new("• {0}", "• {0}");
    public static readonly Text UnknownMember = new("pengguna {0}", "user {0}");

    // Monthly
    public static readonly Text MonthlyTitle = new("📈 Ringkasan bulanan — {0} · {1}", "📈 Monthly digest — {0} · {1}");
    public static readonly Text Funnel = new(
        "IKM: {0} terdaftar · {1} didampingi · {2} sudah dievaluasi",
        "IKMs: {0} registered · {1} mentored · {2} evaluated");
    public static readonly Text AreaHeader = new(
        "🎯 Skor rata-rata per bidang, diagnosis → sekarang:",
        "🎯 Average score per area, diagnosis → now:");
    public static readonly Text AreaLine = new("• {0}: {1} → {2} ({3}; {4} IKM)", "• {0}: {1} → {2} ({3}; {4} IKMs)");
    public static readonly Text AreaNotEvaluated = new("• {0}: {1} → belum dievaluasi", "• {0}: {1} → not evaluated yet");
    public static readonly Text MentorComparison = new("👥 Perbandingan pendamping ({0}):", "👥 Mentor comparison ({0}):");
    public static readonly Text MentorComparisonLine = new(
        "• {0}: {1} IKM, {2} kunjungan, {3} jam, perubahan skor rata-rata {4}",
        "• {0}: {1} IKMs, {2} visits, {3} hours, average score change {4}");
    public static readonly Text Shortlist = new(
        "🏆 Daftar pendek: {0} teratas dari {1} IKM yang didampingi (urut perubahan skor, lalu kunjungan):",
        "🏆 Shortlist: top {0} of {1} mentored IKMs (by score change, then visits):");
    public static readonly Text RankLine = new(
        "{0}. {1} ({2}) — {3} (skor {4} → {5}), {6} kunjungan, {7}",
        "{0}. {1} ({2}) — {3} (score {4} → {5}), {6} visits, {7}");
    public static readonly Text RankLineNoScore = new(
        "{0}. {1} ({2}) — belum dievaluasi, {3} kunjungan, {4}",
        "{0}. {1} ({2}) — not evaluated yet, {3} visits, {4}");
    public static readonly Text PerIkm = new("📋 Perubahan skor per IKM sejak diagnosis (selanjutnya):", "📋 Score change per IKM since diagnosis (the rest):");
    public static readonly Text Attachments = new(
        "📎 Terlampir: grafik skor per bidang dan berkas Excel (IKM, kunjungan, evaluasi, pendamping).",
        "📎 Attached: a chart of scores per area and an Excel file (IKMs, visits, evaluations, mentors).");
    public static readonly Text RankingTitle = new("Peringkat IKM — {0} · {1}", "IKM ranking — {0} · {1}");
    public static readonly Text NoMentor = new("tanpa pendamping", "no mentor");

    // Chart
    public static readonly Text ChartTitle = new("Skor rata-rata per bidang: diagnosis vs sekarang", "Average score per area: diagnosis vs now");
    public static readonly Text ChartDiagnosis = new("Diagnosis", "Diagnosis");
    public static readonly Text ChartNow = new("Sekarang", "Now");
    public static readonly Text ChartScore = new("Skor (1–5)", "Score (1–5)");

    // A workbook too big for one upload, sent in parts
    public static readonly Text WorkbookPart = new(
        "📎 Bagian {0} dari {1}: lembar {2}, baris {3}–{4} dari {5} (berkas dibagi karena lebih dari batas 50 MB Telegram).",
        "📎 Part {0} of {1}: sheet {2}, rows {3}–{4} of {5} (split because it is over Telegram's 50 MB limit).");
}
