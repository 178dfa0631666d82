using Ikm.Workflow.Conversations;
using Ikm.Workflow.Members;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Storage;

namespace Ikm.Bot.Tests.Support;

/// <summary>
/// Wraps the real store; while <see cref="Down"/> is set every call fails as an outage would. A member set as
/// <see cref="UnreadableMember"/> fails every read that includes it, as a record the code cannot deserialize would.
/// </summary>
public sealed class SwitchableStore(IBotStore inner) : IBotStore
{
    public volatile bool Down;

    private int _refusedBatches;

    /// <summary>Batch reads (the pipeline's first call for a batch) refused while <see cref="Down"/> was set.</summary>
    public int RefusedBatches => Volatile.Read(ref _refusedBatches);

    public long? UnreadableMember { get; set; }

    public IBotStore Inner => inner;

    private void Check()
    {
        if (Down) throw new StoreUnavailableException("store switched off by the test");
    }

    public Task InitializeAsync(CancellationToken ct) => inner.InitializeAsync(ct);

    public async Task<bool> PingAsync(CancellationToken ct) => !Down && await inner.PingAsync(ct);

    public Task<Conversation?> GetConversationAsync(long chatId, CancellationToken ct) { Check(); return inner.GetConversationAsync(chatId, ct); }

    public Task<IReadOnlyDictionary<long, Conversation>> GetConversationsAsync(IReadOnlyCollection<long> chatIds, CancellationToken ct)
    {
        if (Down) Interlocked.Increment(ref _refusedBatches);
        Check();
        return inner.GetConversationsAsync(chatIds, ct);
    }

    public Task<Member?> GetMemberAsync(long userId, CancellationToken ct) { Check(); CheckReadable([userId]); return inner.GetMemberAsync(userId, ct); }

    public Task<IReadOnlyDictionary<long, Member>> GetMembersAsync(IReadOnlyCollection<long> userIds, CancellationToken ct) { Check(); CheckReadable(userIds); return inner.GetMembersAsync(userIds, ct); }

    private void CheckReadable(IReadOnlyCollection<long> userIds)
    {
        if (UnreadableMember is { } poison && userIds.Contains(poison))
            throw new InvalidDataException("a stored member the test made unreadable");
    }

    public Task CommitAsync(IReadOnlyList<ChangeSet> changes, CancellationToken ct) { Check(); return inner.CommitAsync(changes, ct); }

    public Task<IReadOnlyList<OutboxEntry>> GetDueOutboxAsync(DateTimeOffset now, int max, int maxPerChat, CancellationToken ct) { Check(); return inner.GetDueOutboxAsync(now, max, maxPerChat, ct); }

    public Task<int> PurgeDeliveredOutboxAsync(DateTimeOffset createdBefore, CancellationToken ct) { Check(); return inner.PurgeDeliveredOutboxAsync(createdBefore, ct); }

    public Task MarkOutboxAsync(IReadOnlyList<OutboxUpdate> updates, CancellationToken ct) { Check(); return inner.MarkOutboxAsync(updates, ct); }

    public Task<OutboxEntry?> GetOutboxEntryAsync(string id, CancellationToken ct) { Check(); return inner.GetOutboxEntryAsync(id, ct); }

    public Task<IReadOnlyList<FailedUpdate>> GetFailedUpdatesAsync(CancellationToken ct) { Check(); return inner.GetFailedUpdatesAsync(ct); }

    public Task MarkUnreachableAsync(long chatId, CancellationToken ct) { Check(); return inner.MarkUnreachableAsync(chatId, ct); }
}
