using System.Diagnostics;
using System.Threading.Channels;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ikm.Scheduler.Outbox;

/// <summary>
/// Sends the outbox: messages handed over right after their commit, plus whatever a periodic store scan finds
/// (after a restart, or scheduled for later). Keeps each chat's messages in order, one in flight per chat,
/// paced to the global and per-chat caps; waits out 429s (all chats when the bot's limit was hit), retries
/// 5xx/timeouts with backoff, stops sending to a chat that blocked the bot (403), and makes each send's mark durable
/// right after the send returns (marks that arrive together share one write), so a crash resends at most what was
/// on the wire. The scan takes a few messages per chat, so one chat's backlog never delays the others.
/// Nothing is sent without the dispatch lease (<see cref="IDispatchLease"/>): one sender per bot token.
/// </summary>
public sealed class OutboxDispatcher(
    IBotStore store,
    IMessageSender sender,
    IOutboxFiles files,
    IDispatchLease lease,
    TimeProvider time,
    IOptions<DispatcherOptions> options,
    ILogger<OutboxDispatcher> log) : BackgroundService, IOutboxNotifier
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);
    /// <summary>Telegram's per-chat limit is counted over one second: a 429 to a chat not sent to for longer is the bot's limit.</summary>
    private static readonly long ChatLimitWindow = Stopwatch.Frequency;
    private const int MaxScan = 1000;
    private static readonly TimeSpan LeaseRetry = TimeSpan.FromSeconds(1);

    private readonly SendWindow _global = new(options.Value.MaxMessagesPerSecond);
    /// <summary>Counted from the previous send's completion, so the server sees at least this much between a chat's messages.</summary>
    private readonly TimeSpan _perChatSpacing = TimeSpan.FromSeconds(1.0 / options.Value.MaxMessagesPerChatPerSecond);
    private readonly Channel<long> _ready = Channel.CreateUnbounded<long>();
    private readonly Channel<OutboxUpdate> _marks = Channel.CreateUnbounded<OutboxUpdate>();
    /// <summary>Asks the scan loop for a scan now (a backlogged chat's queue ran dry).</summary>
    private readonly Channel<bool> _rescan = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Dictionary<long, Lane> _lanes = [];
    /// <summary>Ids queued, in flight, or sent but not yet marked in the store: a scan must not queue them again.</summary>
    private readonly HashSet<string> _known = [];
    /// <summary>
    /// Ids marked in the store recently. A scan that read the outbox just before a mark committed still sees the entry
    /// as pending; remembering these ids for a while keeps that stale row from being sent a second time.
    /// </summary>
    private readonly Dictionary<string, long> _recentlyMarked = [];
    /// <summary>
    /// Chats that answered 403 (blocked the bot), with the Stopwatch timestamp after which one message may probe again.
    /// Until then their messages are dropped without a send; a reply to the chat's own update clears the entry at once
    /// (a user who blocked the bot cannot write to it, so an update from the chat means it was unblocked).
    /// </summary>
    private readonly Dictionary<long, long> _blocked = [];
    /// <summary>Generated files of the queued messages, by message id: deleted once the message's delivery mark is durable.</summary>
    private readonly Dictionary<string, string> _files = [];
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _inFlight = new(options.Value.MaxConcurrentSends);
    private readonly CancellationTokenSource _sends = new();
    private long _sent;
    private long _scans;
    /// <summary>Stopwatch timestamp before which nothing is sent to any chat (a 429 for the bot's own limit).</summary>
    private long _pausedUntil;
    /// <summary>Until the first scan, committed messages are left to it: it knows which chats have older ones pending.</summary>
    private volatile bool _scanned;

    /// <summary>Messages delivered since start (for benchmarks and tests).</summary>
    public long SentCount => Interlocked.Read(ref _sent);

    public void Notify(IReadOnlyList<OutgoingMessage> committed)
    {
        if (!_scanned)
            return;
        var now = time.GetUtcNow();
        foreach (var message in committed)
        {
            if (message.NotBefore is { } notBefore && notBefore > now)
                continue; // the scan picks it up when due
            Enqueue(message, attempts: 0, fromScan: false);
        }
    }

    /// <summary>
    /// Completes once <paramref name="count"/> store scans have finished after the call and nothing is queued or in
    /// flight: then anything due in the store has been seen and sent (tests assert that nothing more was sent).
    /// </summary>
    public async Task WaitForScansAsync(int count, TimeSpan timeout)
    {
        var target = Interlocked.Read(ref _scans) + count;
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Interlocked.Read(ref _scans) < target)
        {
            if (Stopwatch.GetTimestamp() > deadline) throw new TimeoutException($"The outbox scan did not run {count} times.");
            _rescan.Writer.TryWrite(true);
            await Task.Delay(10);
        }

        await WaitIdleAsync(timeout);
    }

    /// <summary>Completes when nothing is queued or in flight (tests).</summary>
    public async Task WaitIdleAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            lock (_gate)
            {
                if (_scanned && _known.Count == 0 && !_lanes.Values.Any(l => l.Backlogged)) return;
            }

            if (Stopwatch.GetTimestamp() > deadline) throw new TimeoutException("Outbox still busy.");
            await Task.Delay(10);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var scan = ScanLoopAsync(stoppingToken);
        var marks = MarkLoopAsync(stoppingToken);
        try
        {
            await foreach (var chatId in _ready.Reader.ReadAllAsync(stoppingToken))
            {
                Lane lane;
                OutboxItem item;
                lock (_gate)
                {
                    if (!_lanes.TryGetValue(chatId, out lane!) || lane.InFlight || lane.Items.Count == 0)
                        continue;
                    var early = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), lane.NextAllowed);
                    if (early > TimeSpan.Zero)
                    {
                        ScheduleLane(chatId, early);
                        continue;
                    }

                    lane.InFlight = true;
                    item = lane.Items.Peek();
                }

                await WaitForLeaseAsync(stoppingToken);
                await WaitOutPauseAsync(stoppingToken);
                await _global.WaitAsync(stoppingToken);
                await _inFlight.WaitAsync(stoppingToken);
                // Sends are not cancelled by shutdown: a send cut off mid-request may have been delivered, and without
                // its mark it would go out again after the restart. Shutdown waits for them instead (below).
                _ = SendAsync(lane, item, _sends.Token);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Let the sends on the wire finish and their marks be written, within a grace period.
        var grace = Stopwatch.GetTimestamp() + 5 * Stopwatch.Frequency;
        while (_inFlight.CurrentCount < options.Value.MaxConcurrentSends && Stopwatch.GetTimestamp() < grace)
            await Task.Delay(10, CancellationToken.None);
        await _sends.CancelAsync();
        _marks.Writer.TryComplete();
        await Task.WhenAll(scan, marks);
    }

    /// <summary>While another instance holds the dispatch lease, this one sends nothing (Telegram's limits are per token).</summary>
    private async Task WaitForLeaseAsync(CancellationToken ct)
    {
        var waiting = false;
        while (!await lease.HoldsAsync(ct))
        {
            if (!waiting)
                log.LogInformation("Another instance holds the dispatch lease; sends wait for it");
            waiting = true;
            await Task.Delay(LeaseRetry, ct);
        }
    }

    /// <summary>While a 429 for the bot's own limit holds, no chat gets anything.</summary>
    private async Task WaitOutPauseAsync(CancellationToken ct)
    {
        while (true)
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), Interlocked.Read(ref _pausedUntil));
            if (wait <= TimeSpan.Zero) return;
            await Task.Delay(wait, ct);
        }
    }

    private void Enqueue(OutgoingMessage message, int attempts, bool fromScan)
    {
        bool schedule;
        TimeSpan delay;
        lock (_gate)
        {
            // A chat with more pending in the store than the scan took gets its messages from the scan only, in order.
            if (!fromScan && _lanes.TryGetValue(message.ChatId, out var backlogged) && backlogged.Backlogged) return;
            if (_recentlyMarked.ContainsKey(message.Id) || !_known.Add(message.Id)) return;
            if (message.FilePath is { } path)
                _files[message.Id] = path;
            if (_blocked.TryGetValue(message.ChatId, out var recheckAt))
            {
                if (IsReplyToChat(message) || Stopwatch.GetTimestamp() >= recheckAt)
                {
                    _blocked.Remove(message.ChatId);
                }
                else
                {
                    // Not attempted: the chat blocked the bot. Marked dropped like the messages queued when it answered 403.
                    _marks.Writer.TryWrite(new OutboxUpdate(message.Id, OutboxStatus.Dropped, attempts, null, null, null));
                    return;
                }
            }

            if (!_lanes.TryGetValue(message.ChatId, out var lane))
                _lanes[message.ChatId] = lane = new Lane(message.ChatId);
            lane.Items.Enqueue(new OutboxItem(message, attempts));
            schedule = !lane.InFlight && lane.Items.Count == 1;
            delay = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), lane.NextAllowed);
        }

        if (schedule) ScheduleLane(message.ChatId, delay);
    }

    private async Task SendAsync(Lane lane, OutboxItem item, CancellationToken ct)
    {
        var startedAt = Stopwatch.GetTimestamp();
        SendResult result;
        try
        {
            result = await sender.SendAsync(item.Message, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            log.LogWarning("Send of {MessageId} failed with {ErrorType}", item.Message.Id, ex.GetType().Name);
            result = new SendResult(SendStatus.Transient, Error: ex.GetType().Name);
        }
        finally
        {
            _global.Complete();
            _inFlight.Release();
        }

        var now = time.GetUtcNow();
        TimeSpan? next = null;
        lock (_gate)
        {
            lane.InFlight = false;
            lane.NextAllowed = Stopwatch.GetTimestamp() + (long)(_perChatSpacing.TotalSeconds * Stopwatch.Frequency);
            switch (result.Status)
            {
                case SendStatus.Sent:
                    lane.Items.Dequeue();
                    lane.LastSentAt = Stopwatch.GetTimestamp();
                    Interlocked.Increment(ref _sent);
                    _marks.Writer.TryWrite(new OutboxUpdate(item.Message.Id, OutboxStatus.Sent, item.Attempts + 1, null, now, result.ChannelMessageId));
                    next = lane.Items.Count > 0 ? _perChatSpacing : null;
                    break;
                case SendStatus.RetryAfter:
                    var retryAfter = result.RetryAfter ?? TimeSpan.FromSeconds(1);
                    // Telegram says 429 for its per-chat limit and for the bot's overall one alike. A chat last sent to
                    // over a second before this send began cannot be over its own limit: the bot is, and every chat waits.
                    if (lane.LastSentAt == 0 || startedAt - lane.LastSentAt >= ChatLimitWindow)
                    {
                        log.LogInformation("Bot rate-limited by the channel (chat {ChatId}); pausing all sends for {RetryAfter}", lane.ChatId, retryAfter);
                        PauseAll(retryAfter);
                    }
                    else
                    {
                        log.LogInformation("Chat {ChatId} rate-limited by the channel; waiting {RetryAfter}", lane.ChatId, retryAfter);
                    }
                    next = retryAfter + _perChatSpacing;
                    lane.NextAllowed = Stopwatch.GetTimestamp() + (long)(next.Value.TotalSeconds * Stopwatch.Frequency);
                    break;
                case SendStatus.Transient:
                    item.Attempts++;
                    next = Backoff(item.Attempts);
                    break;
                case SendStatus.Blocked:
                    log.LogInformation("Chat {ChatId} blocked the bot; {Count} queued messages dropped", lane.ChatId, lane.Items.Count);
                    _blocked[lane.ChatId] = Stopwatch.GetTimestamp() + (long)(options.Value.BlockedRecheckAfter.TotalSeconds * Stopwatch.Frequency);
                    while (lane.Items.TryDequeue(out var dropped))
                        _marks.Writer.TryWrite(new OutboxUpdate(dropped.Message.Id, OutboxStatus.Dropped, dropped.Attempts + 1, null, null, null));
                    _ = MarkUnreachableAsync(lane.ChatId, ct);
                    break;
                case SendStatus.Rejected:
                    log.LogWarning("Message {MessageId} rejected by the channel: {Error}", item.Message.Id, result.Error);
                    lane.Items.Dequeue();
                    _marks.Writer.TryWrite(new OutboxUpdate(item.Message.Id, OutboxStatus.Dropped, item.Attempts + 1, null, null, null));
                    next = lane.Items.Count > 0 ? TimeSpan.Zero : null;
                    break;
            }
        }

        if (next is { } delay) ScheduleLane(lane.ChatId, delay);
    }

    private void PauseAll(TimeSpan retryAfter)
    {
        var until = Stopwatch.GetTimestamp() + (long)(retryAfter.TotalSeconds * Stopwatch.Frequency);
        long current;
        do
        {
            current = Interlocked.Read(ref _pausedUntil);
            if (current >= until) return;
        }
        while (Interlocked.CompareExchange(ref _pausedUntil, until, current) != current);
    }

    /// <summary>A reply to an update from the same chat ("u:{chat}:{update}:{n}", see TurnContext): proof the chat talks to the bot.</summary>
    private static bool IsReplyToChat(OutgoingMessage message) =>
        message.Id.StartsWith(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"u:{message.ChatId}:"), StringComparison.Ordinal);

    private static TimeSpan Backoff(int attempts)
    {
        var seconds = Math.Min(MaxBackoff.TotalSeconds, 0.2 * Math.Pow(2, attempts - 1));
        return TimeSpan.FromSeconds(seconds * (0.8 + Random.Shared.NextDouble() * 0.4));
    }

    private void ScheduleLane(long chatId, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            _ready.Writer.TryWrite(chatId);
            return;
        }

        _ = Task.Delay(delay).ContinueWith(_ => _ready.Writer.TryWrite(chatId), TaskScheduler.Default);
    }

    private async Task MarkUnreachableAsync(long chatId, CancellationToken ct)
    {
        try
        {
            await store.MarkUnreachableAsync(chatId, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning("Could not mark chat {ChatId} unreachable: {ErrorType}", chatId, ex.GetType().Name);
        }
    }

    /// <summary>
    /// Writes each send result as soon as it arrives; results that arrive while a write is under way share the next
    /// one (group commit without a pause: a sent message stays unmarked only for one write's time).
    /// </summary>
    private async Task MarkLoopAsync(CancellationToken ct)
    {
        var batch = new List<OutboxUpdate>();
        while (await _marks.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < 500 && _marks.Reader.TryRead(out var update))
                batch.Add(update);
            try
            {
                await store.MarkOutboxAsync(batch, CancellationToken.None);
                var now = Stopwatch.GetTimestamp();
                bool refill;
                var delivered = new List<string>();
                lock (_gate)
                {
                    foreach (var update in batch)
                    {
                        _known.Remove(update.Id);
                        _recentlyMarked[update.Id] = now;
                        // Only after the mark: a crash before it resends the message, which needs its file.
                        if (OutboxEntry.IsDelivered(update.Status) && _files.Remove(update.Id, out var path))
                            delivered.Add(path);
                    }

                    refill = _lanes.Values.Any(l => l.Backlogged && l.Items.Count == 0 && !l.InFlight);
                }

                foreach (var path in delivered)
                    files.Delete(path);

                // A backlogged chat ran dry and its sends are marked: the next scan finds its next messages.
                if (refill)
                    _rescan.Writer.TryWrite(true);
            }
            catch (Exception ex)
            {
                // The messages went out; if the mark is lost they may be sent again after a restart (at-least-once out).
                log.LogWarning("Could not mark {Count} outbox entries: {ErrorType}", batch.Count, ex.GetType().Name);
                foreach (var update in batch) _marks.Writer.TryWrite(update);
                if (ct.IsCancellationRequested) return;
                await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
            }
        }
    }

    private void ForgetIdleLanes()
    {
        var now = Stopwatch.GetTimestamp();
        var markHorizon = now - (long)((options.Value.ScanInterval.TotalSeconds * 3 + 5) * Stopwatch.Frequency);
        lock (_gate)
        {
            foreach (var (id, markedAt) in _recentlyMarked)
            {
                if (markedAt < markHorizon) _recentlyMarked.Remove(id);
            }

            foreach (var (chatId, lane) in _lanes)
            {
                if (lane.Items.Count == 0 && !lane.InFlight && !lane.Backlogged && lane.NextAllowed < now)
                    _lanes.Remove(chatId);
            }

            // Past its recheck time an entry means what no entry means: the next message is tried.
            foreach (var (chatId, recheckAt) in _blocked)
            {
                if (recheckAt <= now) _blocked.Remove(chatId);
            }
        }
    }

    private async Task ScanLoopAsync(CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    ForgetIdleLanes();
                    var perChat = options.Value.ScanPerChat;
                    var due = await store.GetDueOutboxAsync(time.GetUtcNow(), MaxScan, perChat, ct);
                    lock (_gate)
                    {
                        // A chat that filled its share may have more pending: until a scan shows its end, its newly
                        // committed messages wait for the scan (behind the older ones) instead of jumping the queue.
                        var full = due.GroupBy(e => e.ChatId).Where(g => g.Count() >= perChat).Select(g => g.Key).ToHashSet();
                        foreach (var lane in _lanes.Values)
                            lane.Backlogged = full.Contains(lane.ChatId);
                        foreach (var chatId in full.Where(c => !_lanes.ContainsKey(c)))
                            _lanes[chatId] = new Lane(chatId) { Backlogged = true };
                    }

                    foreach (var entry in due)
                        Enqueue(entry.Message, entry.Attempts, fromScan: true);
                    _scanned = true;
                    Interlocked.Increment(ref _scans);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogWarning("Outbox scan failed: {ErrorType}", ex.GetType().Name);
                }

                using var interval = CancellationTokenSource.CreateLinkedTokenSource(ct);
                interval.CancelAfter(options.Value.ScanInterval);
                try
                {
                    await _rescan.Reader.ReadAsync(interval.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    // The interval passed: the regular scan.
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private sealed class Lane(long chatId)
    {
        public long ChatId { get; } = chatId;
        public Queue<OutboxItem> Items { get; } = new();
        public bool InFlight { get; set; }
        /// <summary>The last scan took this chat's full share: more may be pending in the store.</summary>
        public bool Backlogged { get; set; }
        /// <summary>Stopwatch timestamp of the last delivered send; 0 = none since start.</summary>
        public long LastSentAt { get; set; }
        /// <summary>Stopwatch timestamp before which this chat gets nothing (per-chat cap, retry_after).</summary>
        public long NextAllowed { get; set; }
    }

    private sealed class OutboxItem(OutgoingMessage message, int attempts)
    {
        public OutgoingMessage Message { get; } = message;
        public int Attempts { get; set; } = attempts;
    }
}
