using System.Diagnostics;

namespace Ikm.Scheduler.Outbox;

/// <summary>
/// Hands out send slots at a fixed spacing a little wider than 1/rate, so that no one-second window,
/// wherever it starts, ever holds more than the cap — even with some jitter on the wire.
/// Uses the real clock: it paces against Telegram, not against program time.
/// </summary>
internal sealed class Pacer(double perSecond)
{
    /// <summary>3 % headroom: 30/s becomes one slot per ~34.3 ms.</summary>
    private const double Headroom = 1.03;

    private readonly long _spacingTicks = (long)(Stopwatch.Frequency / perSecond * Headroom);
    private readonly Lock _gate = new();
    private long _nextSlot;

    public TimeSpan Spacing => TimeSpan.FromSeconds((double)_spacingTicks / Stopwatch.Frequency);

    public async ValueTask WaitAsync(CancellationToken ct)
    {
        long slot;
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            slot = Math.Max(now, _nextSlot);
            _nextSlot = slot + _spacingTicks;
        }

        var wait = Stopwatch.GetElapsedTime(now, slot);
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait, ct);
    }
}
