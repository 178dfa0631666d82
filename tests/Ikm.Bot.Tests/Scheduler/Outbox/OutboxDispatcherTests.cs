using System.Collections.Concurrent;
using System.Diagnostics;
using Ikm.Scheduler.Outbox;
using Ikm.Storage.Sqlite;
using Ikm.Workflow.Conversations;
using Ikm.Workflow.Members;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Ikm.Bot.Tests.Scheduler.Outbox;

public sealed class OutboxDispatcherTests
{
    [Fact]
    public async Task Scan_DoesNotResend_WhenItReadsAnEntryThatWasJustMarkedSent()
    {
        var message = new OutgoingMessage { Id = "u:1:1:0", ChatId = 1, Text = "halo" };
        // The store keeps answering with the entry as pending, as a scan that read just before the mark would.
        var store = new StaleScanStore(new OutboxEntry { Message = message, CreatedAt = DateTimeOffset.UnixEpoch, Sequence = 1 });
        var sender = new CountingSender();
        var dispatcher = new OutboxDispatcher(store, sender, NoFiles, new SwitchableLease(held: true), TimeProvider.System,
            Options.Create(new DispatcherOptions { ScanInterval = TimeSpan.FromMilliseconds(20), MaxMessagesPerSecond = 1000, MaxMessagesPerChatPerSecond = 1000 }),
            NullLogger<OutboxDispatcher>.Instance);

        await dispatcher.StartAsync(CancellationToken.None);
        await dispatcher.WaitForScansAsync(20, TimeSpan.FromSeconds(10)); // every one of them read the stale row
        await dispatcher.StopAsync(CancellationToken.None);

        Assert.Equal(1, sender.Count(message.Id));
        Assert.True(store.Marks >= 1);
    }

    [Fact]
    public async Task Scan_SendsAnotherChatsMessageAtOnce_WhenOneChatHasFifteenHundredPendingAfterARestart()
    {
        await using var store = await StoreWithAsync(
            [.. Enumerable.Range(0, 1500).Select(i => Message($"a:{i:D4}", 1))],
            [Message("b:0", 2)]);
        var sender = new RecordingSender(_ => SendResult.Ok(1));
        // Telegram's default caps: chat 1 alone would take 25 minutes.
        var dispatcher = Dispatcher(store, sender, new DispatcherOptions());

        await RunAsync(dispatcher, () => sender.WaitForAsync("b:0", TimeSpan.FromSeconds(15)));

        var order = sender.Calls.Select(c => c.Id).ToList();
        Assert.True(order.IndexOf("b:0") <= 1, $"b:0 went out as send #{order.IndexOf("b:0") + 1}: {string.Join(", ", order.Take(5))}");
        Assert.Equal("a:0000", order.First(id => id.StartsWith("a:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Notify_DoesNotLetANewMessageJumpAheadOfTheChatsBacklog()
    {
        await using var store = await StoreWithAsync([.. Enumerable.Range(0, 23).Select(i => Message($"a:{i:D2}", 1))]);
        var sender = new RecordingSender(_ => SendResult.Ok(1));
        var dispatcher = Dispatcher(store, sender, Fast());

        await RunAsync(dispatcher, async () =>
        {
            await sender.WaitForAsync("a:00", TimeSpan.FromSeconds(10));
            // A reply committed while the backlog is still being sent, handed over right after its commit.
            var reply = Message("a:99", 1);
            await store.CommitAsync([new ChangeSet { Outgoing = [reply] }], CancellationToken.None);
            dispatcher.Notify([reply]);
            await sender.WaitForAsync("a:99", TimeSpan.FromSeconds(15));
            await dispatcher.WaitIdleAsync(TimeSpan.FromSeconds(10));
        });

        var sent = sender.Calls.Select(c => c.Id).ToList();
        Assert.Equal([.. Enumerable.Range(0, 23).Select(i => $"a:{i:D2}"), "a:99"], sent);
    }

    [Fact]
    public async Task TooManyRequests_ForTheBotsOwnLimit_PausesEveryChatForRetryAfter()
    {
        var retryAfter = TimeSpan.FromSeconds(2);
        await using var store = await StoreWithAsync([Message("a:0", 1)], [Message("b:0", 2), Message("b:1", 2), Message("b:2", 2)]);
        var refused = 0;
        // The first send to chat 1 (not sent to before, so not its own limit) meets the bot's overall limit.
        var sender = new RecordingSender(m => m.Id == "a:0" && Interlocked.Exchange(ref refused, 1) == 0
            ? new SendResult(SendStatus.RetryAfter, RetryAfter: retryAfter)
            : SendResult.Ok(1));
        var dispatcher = Dispatcher(store, sender, Fast(perChat: 1000));

        await RunAsync(dispatcher, () => sender.WaitForAsync("b:2", TimeSpan.FromSeconds(10)));

        var calls = sender.Calls.ToList();
        var tooMany = calls.First(c => c.Id == "a:0");
        var after = calls.SkipWhile(c => c != tooMany).Skip(1).Where(c => c.ChatId == 2).ToList();
        Assert.NotEmpty(after);
        var gap = Stopwatch.GetElapsedTime(tooMany.EndedAt, after[0].StartedAt);
        Assert.True(gap >= retryAfter * 0.9, $"chat 2 was sent to {gap.TotalMilliseconds:0} ms after the 429 (retry_after {retryAfter.TotalSeconds} s)");
    }

    [Fact]
    public async Task TooManyRequests_ForAChatSentToWithinTheSecond_PausesOnlyThatChat()
    {
        var retryAfter = TimeSpan.FromSeconds(3);
        await using var store = await StoreWithAsync(
            [Message("a:0", 1), Message("a:1", 1)],
            [.. Enumerable.Range(0, 20).Select(i => Message($"b:{i:D2}", 2))]);
        var refused = 0;
        // Chat 1's second message, 250 ms after its first: the chat's own limit.
        var sender = new RecordingSender(m => m.Id == "a:1" && Interlocked.Exchange(ref refused, 1) == 0
            ? new SendResult(SendStatus.RetryAfter, RetryAfter: retryAfter)
            : SendResult.Ok(1));
        var dispatcher = Dispatcher(store, sender, Fast(perChat: 4));

        await RunAsync(dispatcher, () => sender.WaitForAsync("b:19", TimeSpan.FromSeconds(15)));

        var calls = sender.Calls.ToList();
        var tooMany = calls.First(c => c.Id == "a:1");
        var retried = calls.Last(c => c.Id == "a:1");
        var meanwhile = calls.Count(c => c.ChatId == 2 && c.StartedAt > tooMany.EndedAt && c.StartedAt < retried.StartedAt);
        // Unpaused at 4/s, chat 2 gets about 12 sends in those 3 s; paused with chat 1 it would get none or one.
        Assert.True(meanwhile >= 4, $"chat 2 got {meanwhile} sends while chat 1 waited out its 429");
    }

    [Fact]
    public async Task Dispatcher_SendsNothing_UntilItHoldsTheDispatchLease()
    {
        await using var store = await StoreWithAsync([Message("a:0", 1), Message("a:1", 1)]);
        var sender = new RecordingSender(_ => SendResult.Ok(1));
        var lease = new SwitchableLease(held: false);
        var dispatcher = Dispatcher(store, sender, Fast(), lease);

        await RunAsync(dispatcher, async () =>
        {
            // Asked again after a refusal: the dispatcher had a message ready and waited for the lease.
            await lease.WaitUntilAskedAsync(times: 2, TimeSpan.FromSeconds(10));
            Assert.Empty(sender.Calls);

            lease.Held = true;
            await sender.WaitForAsync("a:1", TimeSpan.FromSeconds(10));
        });

        Assert.Equal(["a:0", "a:1"], sender.Calls.Select(c => c.Id));
    }

    private static OutgoingMessage Message(string id, long chatId) => new() { Id = id, ChatId = chatId, Text = id };

    private static DispatcherOptions Fast(double perChat = 1000) => new()
    {
        MaxMessagesPerSecond = 1000,
        MaxMessagesPerChatPerSecond = perChat,
        ScanInterval = TimeSpan.FromSeconds(30), // only the first scan and the refills: nothing relies on the interval
    };

    /// <summary>These tests send texts only: no generated file is ever written there.</summary>
    private static readonly Ikm.Storage.DiskOutboxFiles NoFiles = new(Path.Combine(Path.GetTempPath(), "ikm-no-outbox-files"));

    private static OutboxDispatcher Dispatcher(IBotStore store, IMessageSender sender, DispatcherOptions options, IDispatchLease? lease = null) =>
        new(store, sender, NoFiles, lease ?? new SwitchableLease(held: true), TimeProvider.System, Options.Create(options), NullLogger<OutboxDispatcher>.Instance);

    private static async Task RunAsync(OutboxDispatcher dispatcher, Func<Task> whileRunning)
    {
        await dispatcher.StartAsync(CancellationToken.None);
        try
        {
            await whileRunning();
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>A SQLite store in a temp folder holding these messages as pending, one commit per group (in order).</summary>
    private static async Task<TempStore> StoreWithAsync(params OutgoingMessage[][] commits)
    {
        var directory = Directory.CreateTempSubdirectory("ikm-outbox-").FullName;
        var store = new TempStore(directory);
        await store.InitializeAsync(CancellationToken.None);
        foreach (var messages in commits)
            await store.CommitAsync([new ChangeSet { Outgoing = messages }], CancellationToken.None);
        return store;
    }

    private sealed class TempStore(string directory) : IBotStore, IAsyncDisposable
    {
        private readonly SqliteBotStore _inner = new(Path.Combine(directory, "ikm.db"));

        public async ValueTask DisposeAsync()
        {
            await _inner.DisposeAsync();
            Directory.Delete(directory, recursive: true);
        }

        public Task InitializeAsync(CancellationToken ct) => _inner.InitializeAsync(ct);
        public Task<bool> PingAsync(CancellationToken ct) => _inner.PingAsync(ct);
        public Task<Conversation?> GetConversationAsync(long chatId, CancellationToken ct) => _inner.GetConversationAsync(chatId, ct);
        public Task<IReadOnlyDictionary<long, Conversation>> GetConversationsAsync(IReadOnlyCollection<long> chatIds, CancellationToken ct) => _inner.GetConversationsAsync(chatIds, ct);
        public Task<Member?> GetMemberAsync(long userId, CancellationToken ct) => _inner.GetMemberAsync(userId, ct);
        public Task<IReadOnlyDictionary<long, Member>> GetMembersAsync(IReadOnlyCollection<long> userIds, CancellationToken ct) => _inner.GetMembersAsync(userIds, ct);
        public Task CommitAsync(IReadOnlyList<ChangeSet> changes, CancellationToken ct) => _inner.CommitAsync(changes, ct);
        public Task<IReadOnlyList<OutboxEntry>> GetDueOutboxAsync(DateTimeOffset now, int max, int maxPerChat, CancellationToken ct) => _inner.GetDueOutboxAsync(now, max, maxPerChat, ct);
        public Task MarkOutboxAsync(IReadOnlyList<OutboxUpdate> updates, CancellationToken ct) => _inner.MarkOutboxAsync(updates, ct);
        public Task<int> PurgeDeliveredOutboxAsync(DateTimeOffset createdBefore, CancellationToken ct) => _inner.PurgeDeliveredOutboxAsync(createdBefore, ct);
        public Task<OutboxEntry?> GetOutboxEntryAsync(string id, CancellationToken ct) => _inner.GetOutboxEntryAsync(id, ct);
        public Task<IReadOnlyList<FailedUpdate>> GetFailedUpdatesAsync(CancellationToken ct) => _inner.GetFailedUpdatesAsync(ct);
        public Task MarkUnreachableAsync(long chatId, CancellationToken ct) => _inner.MarkUnreachableAsync(chatId, ct);
    }

    private sealed record Call(string Id, long ChatId, long StartedAt, long EndedAt);

    /// <summary>Answers each send by <paramref name="answer"/> and records when it started and returned (Stopwatch timestamps).</summary>
    private sealed class RecordingSender(Func<OutgoingMessage, SendResult> answer) : IMessageSender
    {
        private readonly ConcurrentQueue<Call> _calls = new();

        public IEnumerable<Call> Calls => _calls;

        public Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken ct)
        {
            var started = Stopwatch.GetTimestamp();
            var result = answer(message);
            _calls.Enqueue(new Call(message.Id, message.ChatId, started, Stopwatch.GetTimestamp()));
            return Task.FromResult(result);
        }

        public async Task WaitForAsync(string id, TimeSpan timeout)
        {
            var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
            while (!_calls.Any(c => c.Id == id))
            {
                if (Stopwatch.GetTimestamp() > deadline)
                    throw new TimeoutException($"{id} was not sent within {timeout.TotalSeconds:0} s; sent: {string.Join(", ", _calls.Take(10).Select(c => c.Id))}");
                await Task.Delay(10);
            }
        }
    }

    /// <summary>A lease another instance holds until the test hands it over; counts how often it was asked.</summary>
    private sealed class SwitchableLease(bool held) : IDispatchLease
    {
        private int _asked;

        public volatile bool Held = held;

        public ValueTask<bool> HoldsAsync(CancellationToken ct)
        {
            Interlocked.Increment(ref _asked);
            return ValueTask.FromResult(Held);
        }

        public async Task WaitUntilAskedAsync(int times, TimeSpan timeout)
        {
            var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
            while (Volatile.Read(ref _asked) < times)
            {
                if (Stopwatch.GetTimestamp() > deadline)
                    throw new TimeoutException($"The lease was asked {_asked} times, not {times}.");
                await Task.Delay(10);
            }
        }
    }

    private sealed class CountingSender : IMessageSender
    {
        private readonly ConcurrentDictionary<string, int> _sent = new();

        public int Count(string id) => _sent.GetValueOrDefault(id);

        public Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken ct)
        {
            _sent.AddOrUpdate(message.Id, 1, (_, n) => n + 1);
            return Task.FromResult(SendResult.Ok(1));
        }
    }

    private sealed class StaleScanStore(OutboxEntry entry) : IBotStore
    {
        public int Marks;

        public Task<IReadOnlyList<OutboxEntry>> GetDueOutboxAsync(DateTimeOffset now, int max, int maxPerChat, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<OutboxEntry>>([entry]);

        public Task<int> PurgeDeliveredOutboxAsync(DateTimeOffset createdBefore, CancellationToken ct) => Task.FromResult(0);

        public Task MarkOutboxAsync(IReadOnlyList<OutboxUpdate> updates, CancellationToken ct)
        {
            Interlocked.Add(ref Marks, updates.Count);
            return Task.CompletedTask;
        }

        public Task InitializeAsync(CancellationToken ct) => Task.CompletedTask;
        public Task<bool> PingAsync(CancellationToken ct) => Task.FromResult(true);
        public Task<Conversation?> GetConversationAsync(long chatId, CancellationToken ct) => Task.FromResult<Conversation?>(null);
        public Task<IReadOnlyDictionary<long, Conversation>> GetConversationsAsync(IReadOnlyCollection<long> chatIds, CancellationToken ct) =>
            Task.FromResult<IReadOnlyDictionary<long, Conversation>>(new Dictionary<long, Conversation>());
        public Task<Member?> GetMemberAsync(long userId, CancellationToken ct) => Task.FromResult<Member?>(null);
        public Task<IReadOnlyDictionary<long, Member>> GetMembersAsync(IReadOnlyCollection<long> userIds, CancellationToken ct) =>
            Task.FromResult<IReadOnlyDictionary<long, Member>>(new Dictionary<long, Member>());
        public Task CommitAsync(IReadOnlyList<ChangeSet> changes, CancellationToken ct) => Task.CompletedTask;
        public Task<OutboxEntry?> GetOutboxEntryAsync(string id, CancellationToken ct) => Task.FromResult<OutboxEntry?>(entry);
        public Task<IReadOnlyList<FailedUpdate>> GetFailedUpdatesAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<FailedUpdate>>([]);
        public Task MarkUnreachableAsync(long chatId, CancellationToken ct) => Task.CompletedTask;
    }
}
