namespace Ikm.Bot.Hosting;

/// <summary>
/// Hands what the native allocations freed back to the system every <see cref="Interval"/> (<see cref="NativeHeap"/>):
/// glibc would keep it in its arenas, and the resident memory would climb with every report and burst of traffic.
/// On the machine's own clock, not the program's TimeProvider: memory is physical, and a test clock moved on by months
/// would otherwise fire the timer once per 10 s of them (a million trims).
/// </summary>
internal sealed class NativeHeapTrimmer : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            NativeHeap.Trim();
    }
}
