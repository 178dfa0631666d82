using System.Diagnostics;

namespace Ikm.Bot.Demo;

/// <summary>
/// The demo's clock, given to the whole system as its <see cref="TimeProvider"/>: moved on step by step by the replay
/// (only forward), then, for the local chat after it, running at real speed from where the replay stopped.
/// </summary>
public sealed class DemoClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = start;
    private long? _runningSince;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
            return _runningSince is { } since ? _now + Stopwatch.GetElapsedTime(since) : _now;
    }

    /// <summary>Moves the clock to <paramref name="instant"/>; never back (a job or a flow would see time run backwards).</summary>
    public void MoveTo(DateTimeOffset instant)
    {
        lock (_gate)
        {
            if (_runningSince is not null) throw new InvalidOperationException("The clock runs on its own now.");
            if (instant > _now) _now = instant;
        }
    }

    /// <summary>From now on the clock runs at real speed.</summary>
    public void Run()
    {
        lock (_gate)
            _runningSince ??= Stopwatch.GetTimestamp();
    }
}
