using Microsoft.Extensions.Options;

namespace Ikm.Workflow.Engine;

/// <summary>What the pipeline does with one fresh update of a chat, by the chat's recent rate.</summary>
public enum FloodVerdict
{
    /// <summary>Within the chat's limit: the update runs as usual.</summary>
    Serve,
    /// <summary>The first update over the limit in a window: no flow runs, the chat gets the one "wait a moment" notice.</summary>
    Notice,
    /// <summary>Over the limit and already told: no flow runs and nothing is replied.</summary>
    Skip,
}

/// <summary>
/// Inbound flood control per chat (<see cref="BotOptions.FloodLimit"/> updates per
/// <see cref="BotOptions.FloodWindow"/>): one chat pasting thousands of messages would otherwise queue an hour of replies
/// behind its one-per-second lane and fill the store. A sliding window of the updates served, so no window of that
/// length ever serves more than the limit, and at most one notice per window. Kept in memory — a restart forgets a
/// flood, which costs at most one more window's replies — and bounded: a chat holds at most the limit's entries and is
/// forgotten once idle for a window.
/// A verdict is asked again for the same update when its chat is run again (a write conflict, a redelivery after an
/// outage): an update already served is served again without counting twice, and the update that carried the notice
/// carries it again (its outbox id is derived from the update, so it is queued once).
/// </summary>
public sealed class ChatFloodGuard(TimeProvider time, IOptions<BotOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, ChatWindow> _chats = [];
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;

    /// <summary>Chats with an update within the last window (the ones whose rate is still remembered).</summary>
    public int TrackedChats
    {
        get
        {
            lock (_gate)
                return _chats.Count;
        }
    }

    public FloodVerdict Check(long chatId, long updateId)
    {
        var now = time.GetUtcNow();
        var window = options.Value.FloodWindow;
        lock (_gate)
        {
            ForgetIdleChats(now, window);
            if (!_chats.TryGetValue(chatId, out var chat))
                _chats[chatId] = chat = new ChatWindow(options.Value.EffectiveFloodLimit);
            return chat.Check(updateId, now, window);
        }
    }

    /// <summary>At most once a window, so the sweep costs O(chats) per window, not per update.</summary>
    private void ForgetIdleChats(DateTimeOffset now, TimeSpan window)
    {
        if (now - _lastSweep < window)
            return;
        _lastSweep = now;
        var forgotten = 0;
        foreach (var (chatId, chat) in _chats)
        {
            if (now - chat.LastSeen < window)
                continue;
            _chats.Remove(chatId);
            forgotten++;
        }

        // A dictionary keeps the buckets of its peak: give them back once most of a burst's chats are gone.
        if (forgotten > _chats.Count)
            _chats.TrimExcess();
    }

    private sealed class ChatWindow(int limit)
    {
        private readonly Queue<(long UpdateId, DateTimeOffset At)> _served = new();
        private long? _noticeUpdateId;
        private DateTimeOffset _noticeAt;

        public DateTimeOffset LastSeen { get; private set; }

        public FloodVerdict Check(long updateId, DateTimeOffset now, TimeSpan window)
        {
            if (now > LastSeen)
                LastSeen = now;
            while (_served.TryPeek(out var oldest) && now - oldest.At >= window)
                _served.Dequeue();
            if (_noticeUpdateId is not null && now - _noticeAt >= window)
                _noticeUpdateId = null;

            if (_served.Any(s => s.UpdateId == updateId))
                return FloodVerdict.Serve;
            if (_noticeUpdateId == updateId)
                return FloodVerdict.Notice;
            if (_served.Count < limit)
            {
                _served.Enqueue((updateId, now));
                return FloodVerdict.Serve;
            }

            if (_noticeUpdateId is not null)
                return FloodVerdict.Skip;
            _noticeUpdateId = updateId;
            _noticeAt = now;
            return FloodVerdict.Notice;
        }
    }
}
