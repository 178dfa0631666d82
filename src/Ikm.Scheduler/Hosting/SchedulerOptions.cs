namespace Ikm.Scheduler.Hosting;

/// <summary>The "Scheduler" configuration section.</summary>
public sealed class SchedulerOptions
{
    /// <summary>Hangfire worker threads; jobs here are short and I/O-bound.</summary>
    public int WorkerCount { get; init; } = 2;

    /// <summary>Basic-auth credentials for /hangfire from outside localhost (Scheduler__DashboardUser / __DashboardPassword).</summary>
    public string? DashboardUser { get; init; }

    public string? DashboardPassword { get; init; }
}
