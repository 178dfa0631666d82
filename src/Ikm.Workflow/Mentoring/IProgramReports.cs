namespace Ikm.Workflow.Mentoring;

/// <summary>A coordinator report: text, and the files written for it (chart, workbook — several parts when one would be too big to send).</summary>
public sealed record ProgramReport(string Text, IReadOnlyList<ReportFile>? Files = null)
{
    public IReadOnlyList<ReportFile> Files { get; init; } = Files ?? [];
}

/// <summary>A file written to the outbox's folder (<see cref="Messaging.IOutboxFiles"/>): sent as a photo or a document, with an optional caption.</summary>
public sealed record ReportFile(Messaging.OutgoingKind Kind, string FileName, string Path, string? Caption = null)
{
    /// <summary>The message that sends this file to <paramref name="chatId"/> (its id is the caller's).</summary>
    public Messaging.OutgoingMessage ToMessage(long chatId) =>
        new() { Id = "", ChatId = chatId, Kind = Kind, FileName = FileName, FilePath = Path, Text = Caption ?? "" };
}

/// <summary>The coordinator's reports of a cohort (built by the scheduler's digest builder; a port, so flows need no spreadsheet library).</summary>
public interface IProgramReports
{
    /// <summary>/ringkasan: this week's digest so far.</summary>
    Task<ProgramReport> WeeklyAsync(string cohortId, string language, CancellationToken ct);

    /// <summary>/ekspor: everything of the cohort as a workbook.</summary>
    Task<ProgramReport> ExportAsync(string cohortId, string language, CancellationToken ct);

    /// <summary>/terlambat: IKMs and mentors behind the rules.</summary>
    Task<ProgramReport> LateAsync(string cohortId, string language, CancellationToken ct);

    /// <summary>/peringkat: the shortlist ranking by progress.</summary>
    Task<ProgramReport> RankingAsync(string cohortId, string language, CancellationToken ct);
}
