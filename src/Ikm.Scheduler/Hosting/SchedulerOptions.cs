namespace Ikm.Scheduler.Hosting;

/// <summary>Scheduler and dashboard settings (configuration section "Scheduler").</summary>
public sealed class SchedulerOptions
{
    /// <summary>Hangfire worker threads; jobs here are short and I/O-bound.</summary>
    public int WorkerCount { get; init; } = 2;

    /// <summary>
    /// Basic-auth credentials for /hangfire (Scheduler__DashboardUser / __DashboardPassword). Outside Development
    /// every request needs them, and without them the dashboard is not mapped at all.
    /// </summary>
    public string? DashboardUser { get; init; }

    public string? DashboardPassword { get; init; }

    /// <summary>Lets the dashboard trigger, requeue and delete jobs (Scheduler__DashboardWritable); read-only otherwise.</summary>
    public bool DashboardWritable { get; init; }

    public bool HasDashboardCredentials => !string.IsNullOrEmpty(DashboardUser) && !string.IsNullOrEmpty(DashboardPassword);
}
