using Ikm.Workflow.Ports;

namespace Ikm.Workflow.Tests.Support;

public sealed class NoReports : IProgramReports
{
    private static Task<Ikm.Workflow.Mentoring.ProgramReport> None() => Task.FromResult(new Ikm.Workflow.Mentoring.ProgramReport("-"));

    public Task<Ikm.Workflow.Mentoring.ProgramReport> WeeklyAsync(string cohortId, string language, CancellationToken ct) => None();

    public Task<Ikm.Workflow.Mentoring.ProgramReport> ExportAsync(string cohortId, string language, CancellationToken ct) => None();

    public Task<Ikm.Workflow.Mentoring.ProgramReport> ExportCsvAsync(string cohortId, string language, CancellationToken ct) => None();

    public Task<Ikm.Workflow.Mentoring.ProgramReport> LateAsync(string cohortId, string language, CancellationToken ct) => None();

    public Task<Ikm.Workflow.Mentoring.ProgramReport> RankingAsync(string cohortId, string language, CancellationToken ct) => None();
}
