namespace Ikm.Storage.Sqlite;

/// <summary>
/// Mutual exclusion in which urgent waiters go before ordinary ones (each kind in arrival order); shaped like the
/// <see cref="SemaphoreSlim"/>(1, 1) it replaces. The store's one writer connection is shared by update commits and
/// delivery marks; a mark is a few rows and must be durable right after its send, so it waits for the commit in
/// progress at most, never behind the update batches queued after it (bench -- marks measures the layouts).
/// </summary>
internal sealed class PriorityGate
{
    private readonly Lock _lock = new();
    private readonly Queue<TaskCompletionSource> _urgent = new();
    private readonly Queue<TaskCompletionSource> _ordinary = new();
    private bool _held;

    public Task WaitAsync(CancellationToken ct, bool urgent = false)
    {
        TaskCompletionSource waiter;
        lock (_lock)
        {
            ct.ThrowIfCancellationRequested();
            if (!_held)
            {
                _held = true;
                return Task.CompletedTask;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            (urgent ? _urgent : _ordinary).Enqueue(waiter);
        }

        if (!ct.CanBeCanceled)
            return waiter.Task;
        // A cancelled waiter stays queued, completed: Release skips it.
        var registration = ct.Register(() => waiter.TrySetCanceled(ct));
        return waiter.Task.ContinueWith(
            t =>
            {
                registration.Dispose();
                return t;
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).Unwrap();
    }

    /// <summary>Blocking entry, for Dispose.</summary>
    public void Wait() => WaitAsync(CancellationToken.None).GetAwaiter().GetResult();

    public void Release()
    {
        lock (_lock)
        {
            while (_urgent.TryDequeue(out var next) || _ordinary.TryDequeue(out next))
            {
                if (next.TrySetResult())
                    return;
            }

            _held = false;
        }
    }
}
