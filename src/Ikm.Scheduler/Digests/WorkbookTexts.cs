using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Texts;

namespace Ikm.Scheduler.Digests;

/// <summary>The coordinator workbook's sheet names and status words, Bahasa Indonesia first (headers: <see cref="DigestWorkbook"/>).</summary>
public static class WorkbookTexts
{
    public static readonly Text IkmSheet = new("IKM", "IKMs");
    public static readonly Text VisitSheet = new("Kunjungan", "Visits");
    public static readonly Text EvaluationSheet = new("Evaluasi", "Evaluations");
    public static readonly Text MentorSheet = new("Pendamping", "Mentors");
    public static readonly Text AuditSheet = new("Audit", "Audit");

    private static readonly Text CheckedIn = new("Sedang berkunjung", "Checked in");
    private static readonly Text Logging = new("Logbook belum selesai", "Logbook pending");
    private static readonly Text Completed = new("Selesai", "Completed");

    private static readonly (VisitFlags Flag, Text Word)[] FlagWords =
    [
        (VisitFlags.FarFromProductionHouse, new("Jauh", "Far")),
        (VisitFlags.Short, new("Singkat", "Short")),
        (VisitFlags.Retro, new("Susulan", "Retro")),
        (VisitFlags.ForgottenCheckOut, new("Lupa check-out", "Forgotten check-out")),
    ];

    public static string Status(VisitStatus status, string lang) => (status switch
    {
        VisitStatus.CheckedIn => CheckedIn,
        VisitStatus.Logging => Logging,
        _ => Completed,
    }).In(lang);

    /// <summary>The visit's flags as words, in the order of <see cref="VisitFlags"/>.</summary>
    public static string Flags(VisitFlags flags, string lang) =>
        string.Join(", ", FlagWords.Where(f => flags.HasFlag(f.Flag)).Select(f => f.Word.In(lang)));
}
