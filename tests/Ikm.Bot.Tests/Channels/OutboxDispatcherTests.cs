using System.Collections.Concurrent;
using Ikm.Scheduler.Outbox;
using Ikm.Workflow.Conversations;
using Ikm.Workflow.Members;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Ikm.Bot.Tests.Channels;

public sealed class OutboxDispatcherTests
{
    [Fact]
    public async Task Scan_DoesNotResend_WhenItReadsAnEntryThatWasJustMarkedSent()
    {
        var message = new OutgoingMessage { Id = "u:1:1:0", ChatId = 1, Text = "halo" };
        // The store keeps answering with the entry as pending, as a scan that read just before the mark would.
        var store = new StaleScanStore(new OutboxEntry { Message = message, CreatedAt = DateTimeOffset.UnixEpoch, Sequence = 1 });
        var sender = new CountingSender();
        var dispatcher = new OutboxDispatcher(store, sender, TimeProvider.System,
            Options.Create(new DispatcherOptions { ScanInterval = TimeSpan.FromMilliseconds(20), MaxMessagesPerSecond = 1000, MaxMessagesPerChatPerSecond = 1000 }),
            NullLogger<OutboxDispatcher>.Instance);

        await dispatcher.StartAsync(CancellationToken.None);
        await Task.Delay(800);
        await dispatcher.StopAsync(CancellationToken.None);

        Assert.Equal(1, sender.Count(message.Id));
        Assert.True(store.Marks >= 1);
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
