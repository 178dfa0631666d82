using System.Diagnostics;

namespace Ikm.Scheduler.Outbox;

/// <summary>
/// At most <c>limit</c> sends in any one-second window as the server sees them. We cannot see when a request arrives,
/// only that it arrives between its start and its completion; so a send occupies the window from its start until one
/// second after its completion. A new send starts only while fewer than <c>limit</c> sends occupy it — that can never
/// exceed a sliding one-second window at the server, whatever the network jitter. Real clock: this paces against
/// Telegram, not program time.
/// </summary>
internal sealed class SendWindow(double perSecond)
{
    private static readonly long Second = Stopwatch.Frequency;

    private readonly int _limit = Math.Max(1, (int)Math.Floor(perSecond));
    private readonly Queue<long> _completions = new();
    private readonly Lock _gate = new();
    private int _inFlight;

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
                if (_inFlight + _completions.Count < _limit)
                {
                    _inFlight++;
                    return;
                }

                // Full: the earliest place frees one second after the oldest completion; with only sends in flight, poll.
                wait = _completions.Count > 0
                    ? Stopwatch.GetElapsedTime(now, _completions.Peek() + Second) + TimeSpan.FromMilliseconds(1)
                    : TimeSpan.FromMilliseconds(5);
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
