using Hangfire;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Mentoring.Rules;
using Ikm.Workflow.Ports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ikm.Scheduler.Jobs;

/// <summary>
/// Keeps Hangfire's recurring jobs in line with the cohorts: one hourly notifications job per cohort, in the cohort's
/// time zone (so "Monday 07:00" is local), registered idempotently by id at start and by a sync job every few minutes
/// (new cohorts). At start every cohort's job also runs once at once: in-memory storage forgets its schedule on restart,
/// and this run sends what was missed — once, late.
/// </summary>
public sealed class RecurringJobsRegistration(
    IRecurringJobManager recurring, IBackgroundJobClient background, CohortJobSync sync, IEnumerable<IStoreBackup> backups) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<OpenCheckInScanJob>(OpenCheckInScanJob.RecurringId, job => job.RunAsync(CancellationToken.None), "*/10 * * * *");
        recurring.AddOrUpdate<PhotoCopyJob>(PhotoCopyJob.RecurringId, job => job.RunAsync(CancellationToken.None), "*/5 * * * *");
        recurring.AddOrUpdate<DraftRetentionJob>(DraftRetentionJob.RecurringId, job => job.RunAsync(CancellationToken.None), "30 2 * * *");
        recurring.AddOrUpdate<OutboxRetentionJob>(OutboxRetentionJob.RecurringId, job => job.RunAsync(CancellationToken.None), "45 2 * * *");
        recurring.AddOrUpdate<ReportJob>(ReportJob.RecurringId, job => job.RunPendingAsync(CancellationToken.None), "* * * * *");
        if (backups.Any())
            recurring.AddOrUpdate<BackupJob>(BackupJob.RecurringId, job => job.RunAsync(CancellationToken.None), "0 2 * * *");
        else
            recurring.RemoveIfExists(BackupJob.RecurringId);
        recurring.AddOrUpdate<CohortJobSync>(CohortJobSync.RecurringId, job => job.RunAsync(CancellationToken.None), "*/5 * * * *");
        foreach (var cohortId in await sync.SyncAsync(cancellationToken))
            background.Enqueue<ProgramNotificationsJob>(job => job.RunAsync(cohortId, CancellationToken.None));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Registers (or updates) each cohort's recurring notifications job.</summary>
public sealed class CohortJobSync(IRecurringJobManager recurring, IDocumentStore documents, ILogger<CohortJobSync> log)
{
    public const string RecurringId = "cohort-sync";

    public Task RunAsync(CancellationToken ct) => SyncAsync(ct);

    public async Task<IReadOnlyList<string>> SyncAsync(CancellationToken ct)
    {
        var cohorts = await documents.AllAsync<Cohort>(ct);
        foreach (var cohort in cohorts)
        {
            recurring.AddOrUpdate<ProgramNotificationsJob>(
                ProgramNotificationsJob.RecurringId(cohort.Id),
                job => job.RunAsync(cohort.Id, CancellationToken.None),
                "0 * * * *",
                new RecurringJobOptions { TimeZone = ProgramCalendar.ResolveTimeZone(cohort.TimeZoneId) });
        }

        log.LogInformation("Recurring jobs registered for {Count} cohorts", cohorts.Count);
        return [.. cohorts.Select(c => c.Id)];
    }
}
