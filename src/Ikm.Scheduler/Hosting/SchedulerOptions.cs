namespace Ikm.Scheduler.Hosting;

/// <summary>Scheduler and dashboard settings (configuration section "Scheduler").</summary>
public sealed class SchedulerOptions
{
    /// <summary>Hangfire worker threads; jobs here are short and I/O-bound.</summary>
    public int WorkerCount { get; init; } = 2;

    /// <summary>
    /// False: this process runs no Hangfire server and registers no recurring jobs (Scheduler__RunsJobs) — whoever
    /// hosts it calls the jobs itself, as the demo does on its simulated clock. Jobs can still be enqueued.
    /// </summary>
    public bool RunsJobs { get; init; } = true;

    /// <summary>
    /// Basic-auth credentials for /hangfire (Scheduler__DashboardUser / __DashboardPassword). Outside Development
    /// every request needs them, and without them the dashboard is not mapped at all.
    /// </summary>
    public string? DashboardUser { get; init; }

    public string? DashboardPassword { get; init; }

    /// <summary>Lets the dashboard trigger, requeue and delete jobs (Scheduler__DashboardWritable); read-only otherwise.</summary>
    public bool DashboardWritable { get; init; }

    /// <summary>
    /// With the in-memory job storage (no MongoDB): how long a finished background job (a report, a /datasaya, a
    /// recurring run) stays in memory for the dashboard (Scheduler__JobHistoryMinutes). Every report is a job, so the
    /// history grows with the traffic for this long; Hangfire.InMemory's own cap is 2 hours.
    /// </summary>
    public int JobHistoryMinutes { get; init; } = 15;

    public TimeSpan JobHistory => TimeSpan.FromMinutes(Math.Max(1, JobHistoryMinutes));

    public bool HasDashboardCredentials => !string.IsNullOrEmpty(DashboardUser) && !string.IsNullOrEmpty(DashboardPassword);
}
