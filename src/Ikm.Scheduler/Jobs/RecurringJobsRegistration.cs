using Hangfire;
using Microsoft.Extensions.Hosting;

namespace Ikm.Scheduler.Jobs;

/// <summary>
/// Registers the recurring jobs at every start, idempotently by id (in-memory storage forgets them on restart;
/// with Hangfire.Mongo the same ids are simply updated).
/// </summary>
public sealed class RecurringJobsRegistration(IRecurringJobManager jobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        jobs.AddOrUpdate<OpenCheckInScanJob>(OpenCheckInScanJob.RecurringId, job => job.RunAsync(CancellationToken.None), "*/10 * * * *");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
