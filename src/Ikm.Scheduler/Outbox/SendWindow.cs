using System.Diagnostics;

namespace Ikm.Scheduler.Outbox;

/// <summary>
/// At most <c>limit</c> sends in any one-second window as the server sees them. We cannot see when a request arrives,
/// only that it arrives between its start and its completion; so a send occupies the window from its start until one
/// second after its completion. A new send starts only while fewer than <c>limit</c> sends occupy it — that can never
/// exceed a sliding one-second window at the server, whatever the network jitter. Real clock: this paces against
/// Telegram, not program time.
/// Starts are also spread out (a token bucket: a few back to back, then one every 1/limit seconds) instead of a
/// whole window's worth at once: chats paced at 1/s otherwise fall into step and fire 30 sends together every second,
/// and every send on the wire is one a kill -9 can double (its mark cannot be written). Spread, at most one or two
/// are ever on the wire.
/// </summary>
internal sealed class SendWindow(double perSecond)
{
    private static readonly long Second = Stopwatch.Frequency;

    private readonly int _limit = Math.Max(1, (int)Math.Floor(perSecond));
    private readonly double _ticksPerToken = Second / perSecond;
    /// <summary>Back-to-back starts allowed: 2, or 20 ms worth at high caps (timers are not finer than a millisecond or so).</summary>
    private readonly double _burst = Math.Max(2, Math.Ceiling(perSecond * 0.02));
    private readonly Queue<long> _completions = new();
    private readonly Lock _gate = new();
    private int _inFlight;
    private double _tokens = double.PositiveInfinity; // a full bucket: clipped to the burst on first use
    private long _refilledAt;

    /// <summary>Waits for a free place in the window; call <see cref="Complete"/> when the send has its answer.</summary>
    public async ValueTask WaitAsync(CancellationToken ct)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = Stopwatch.GetTimestamp();
                while (_completions.Count > 0 && _completions.Peek() <= now - Second)
                    _completions.Dequeue();
                _tokens = Math.Min(_burst, _tokens + (now - _refilledAt) / _ticksPerToken);
                _refilledAt = now;
                var windowFree = _inFlight + _completions.Count < _limit;
                if (windowFree && _tokens >= 1)
                {
                    _tokens--;
                    _inFlight++;
                    return;
                }

                if (!windowFree)
                {
                    // Full: the earliest place frees one second after the oldest completion; with only sends in flight, poll.
                    wait = _completions.Count > 0
                        ? Stopwatch.GetElapsedTime(now, _completions.Peek() + Second) + TimeSpan.FromMilliseconds(1)
                        : TimeSpan.FromMilliseconds(5);
                }
                else
                {
                    wait = TimeSpan.FromSeconds((1 - _tokens) * _ticksPerToken / Second);
                }
            }

            await Task.Delay(wait, ct);
        }
    }

    public void Complete()
    {
        lock (_gate)
        {
            _inFlight--;
            _completions.Enqueue(Stopwatch.GetTimestamp());
        }
    }
}
