namespace Ikm.Bot.Hosting;

/// <summary>
/// Hands what the native allocations freed back to the system every <see cref="Interval"/> (<see cref="NativeHeap"/>):
/// glibc would keep it in its arenas, and the resident memory would climb with every report and burst of traffic.
/// </summary>
internal sealed class NativeHeapTrimmer(TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            NativeHeap.Trim();
    }
}
