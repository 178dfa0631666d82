using System.Collections;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Storage;

namespace Ikm.Bench;

/// <summary>Calls, items and time per IBotStore method (with --trace), to show where a polling cycle spends its time.</summary>
internal sealed class StoreTiming
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, MethodStats> _byMethod = new(StringComparer.Ordinal);

    /// <summary>Prefix of the pseudo-methods that split one batch's cycle into phases.</summary>
    public const string PhasePrefix = "phase:";

    /// <summary>Prefix of the Bot API calls timed by <see cref="ApiTimingHandler"/>.</summary>
    public const string ApiPrefix = "api:";

    // Guarded by _gate: the pipeline's calls of one batch, in order (one batch at a time).
    private long _batchStart;
    private long _readsEnd;
    private long _lastCommitEnd;

    public IBotStore? Inner { get; set; }

    /// <summary>
    /// What-if diagnostic (--what-if-no-outbox-marks): MarkOutboxAsync writes nothing and GetDueOutboxAsync finds
    /// nothing, so no outbox mark transaction competes with the update commits for the writer. Sends are unchanged.
    /// </summary>
    public bool WithoutOutboxMarks { get; init; }

    /// <summary>
    /// A call begins. The pipeline reads conversations then members, handles the batch, and commits; the time from
    /// a commit's end to the next batch's first read is the channel's share (notify, confirm, getUpdates, mapping).
    /// </summary>
    public void Started(string method, long at)
    {
        lock (_gate)
        {
            switch (method)
            {
                case "GetConversationsAsync":
                    if (_lastCommitEnd != 0)
                        AddLocked(PhasePrefix + "1 fetch (commit end → next batch's first read)", at - _lastCommitEnd, 1);
                    _batchStart = at;
                    _readsEnd = 0;
                    break;
                case "CommitAsync" when _readsEnd != 0:
                    AddLocked(PhasePrefix + "3 handle (reads done → commit called)", at - _readsEnd, 1);
                    break;
            }
        }
    }

    public void Add(string method, long started, long ended, int items)
    {
        lock (_gate)
        {
            AddLocked(method, ended - started, items);
            switch (method)
            {
                case "GetMembersAsync" when _batchStart != 0:
                    _readsEnd = ended;
                    AddLocked(PhasePrefix + "2 read (conversations + members)", ended - _batchStart, 1);
                    break;
                case "CommitAsync":
                    _lastCommitEnd = ended;
                    AddLocked(PhasePrefix + "4 commit (incl. wait for the writer)", ended - started, 1);
                    break;
            }
        }
    }

    public void AddApiCall(string method, long elapsedTicks)
    {
        lock (_gate)
            AddLocked(ApiPrefix + method, elapsedTicks, 1);
    }

    private void AddLocked(string method, long elapsedTicks, int items)
    {
        if (!_byMethod.TryGetValue(method, out var stats))
            _byMethod[method] = stats = new MethodStats();
        stats.Calls++;
        stats.Items += items;
        stats.Ticks += elapsedTicks;
    }

    public IReadOnlyDictionary<string, (long Calls, long Items, double Milliseconds)> Snapshot()
    {
        lock (_gate)
        {
            return _byMethod.ToDictionary(
                pair => pair.Key,
                pair => (pair.Value.Calls, pair.Value.Items, pair.Value.Ticks * 1000.0 / Stopwatch.Frequency),
                StringComparer.Ordinal);
        }
    }

    private sealed class MethodStats
    {
        public long Calls { get; set; }
        public long Items { get; set; }
        public long Ticks { get; set; }
    }
}

/// <summary>
/// Forwards every IBotStore call and times it up to the completion of its task. A proxy rather than a decorator
/// class so the bench keeps compiling while the interface grows.
/// </summary>
public class StoreTimingProxy : DispatchProxy
{
    private IBotStore? _inner;
    private StoreTiming? _timing;

    internal static IBotStore Wrap(IBotStore inner, StoreTiming timing)
    {
        var proxy = Create<IBotStore, StoreTimingProxy>();
        var self = (StoreTimingProxy)(object)proxy;
        self._inner = inner;
        self._timing = timing;
        timing.Inner = inner;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var started = Stopwatch.GetTimestamp();
        var items = args?.FirstOrDefault() is ICollection collection ? collection.Count : 1;
        _timing!.Started(targetMethod.Name, started);
        object? result;
        try
        {
            if (_timing.WithoutOutboxMarks && targetMethod.Name == nameof(IBotStore.MarkOutboxAsync))
                return Task.CompletedTask;
            if (_timing.WithoutOutboxMarks && targetMethod.Name == nameof(IBotStore.GetDueOutboxAsync))
                return Task.FromResult<IReadOnlyList<OutboxEntry>>([]);

            result = targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }

        var name = targetMethod.Name;
        if (result is Task task)
        {
            task.ContinueWith(
                _ => _timing!.Add(name, started, Stopwatch.GetTimestamp(), items),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
        else
        {
            _timing!.Add(name, started, Stopwatch.GetTimestamp(), items);
        }

        return result;
    }
}
