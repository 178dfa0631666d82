using Ikm.Workflow.Mentoring;

namespace Ikm.Workflow.Ports;

/// <summary>The coordinator's reports of a cohort (built by the scheduler's digest builder; a port, so flows need no spreadsheet library).</summary>
public interface IProgramReports
{
    /// <summary>/ringkasan: this week's digest so far.</summary>
    Task<ProgramReport> WeeklyAsync(string cohortId, string language, CancellationToken ct);

    /// <summary>/ekspor: everything of the cohort as a workbook.</summary>
    Task<ProgramReport> ExportAsync(string cohortId, string language, CancellationToken ct);

    /// <summary>/ekspor csv: the same sheets as /ekspor, one CSV file per sheet, in one ZIP.</summary>
    Task<ProgramReport> ExportCsvAsync(string cohortId, string language, CancellationToken ct);

    /// <summary>/terlambat: IKMs and mentors behind the rules.</summary>
    Task<ProgramReport> LateAsync(string cohortId, string language, CancellationToken ct);

    /// <summary>/peringkat: the shortlist ranking by progress.</summary>
    Task<ProgramReport> RankingAsync(string cohortId, string language, CancellationToken ct);
}
