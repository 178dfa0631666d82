using Ikm.Workflow.Messaging;

namespace Ikm.Bot.Demo;

/// <summary>
/// The messages committed to the outbox and due now that the recording sender has not received yet. The replay moves
/// the clock on only when this is empty, so every message is delivered at the simulated instant it was written for,
/// whatever the machine's speed: an idle signal, never a sleep.
/// </summary>
public sealed class DeliveryLedger(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _pending = [];
    private TaskCompletionSource _settled = Settled();

    public void Committed(IEnumerable<OutgoingMessage> messages)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            foreach (var message in messages)
            {
                // The dispatcher leaves a message held for later (quiet hours) to its store scan.
                if (message.NotBefore is { } notBefore && notBefore > now) continue;
                if (_pending.Add(message.Id) && _pending.Count == 1) _settled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    public void Delivered(string messageId)
    {
        lock (_gate)
        {
            if (_pending.Remove(messageId) && _pending.Count == 0) _settled.TrySetResult();
        }
    }

    /// <summary>Completes when every committed message due now was delivered; throws naming them after <paramref name="timeout"/>.</summary>
    public async Task WhenSettledAsync(TimeSpan timeout)
    {
        Task settled;
        lock (_gate)
            settled = _settled.Task;
        try
        {
            await settled.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            lock (_gate)
                throw new TimeoutException($"Not delivered within {timeout.TotalSeconds:0} s: {string.Join(", ", _pending.Take(5))}");
        }
    }

    private static TaskCompletionSource Settled()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }
}
