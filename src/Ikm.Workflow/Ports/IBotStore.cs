using Ikm.Workflow.Conversations;
using Ikm.Workflow.Members;
using Ikm.Workflow.Storage;

namespace Ikm.Workflow.Ports;

/// <summary>The store the conversation engine needs. Implemented for SQLite (embedded) and MongoDB.</summary>
public interface IBotStore
{
    Task InitializeAsync(CancellationToken ct);

    /// <summary>True when the store answers; used by /health.</summary>
    Task<bool> PingAsync(CancellationToken ct);

    Task<Conversation?> GetConversationAsync(long chatId, CancellationToken ct);

    /// <summary>Loads many conversations in one round trip (a getUpdates batch).</summary>
    Task<IReadOnlyDictionary<long, Conversation>> GetConversationsAsync(IReadOnlyCollection<long> chatIds, CancellationToken ct);

    Task<Member?> GetMemberAsync(long userId, CancellationToken ct);

    Task<IReadOnlyDictionary<long, Member>> GetMembersAsync(IReadOnlyCollection<long> userIds, CancellationToken ct);

    /// <summary>
    /// Writes all change sets in one transaction (SQLite; MongoDB on a replica set or mongos), or on a standalone
    /// MongoDB with every version check of a change set before any other write of it; each conversation is stored
    /// with Version + 1 and the caller's objects are updated to the new version on success.
    /// Every conversation and document write is conditional on the version the caller read (0 = must not exist yet).
    /// Throws <see cref="ConcurrencyException"/> naming the change sets whose versions moved on (nothing written in a transaction).
    /// Throws <see cref="StoreUnavailableException"/> when the store cannot be reached.
    /// </summary>
    Task CommitAsync(IReadOnlyList<ChangeSet> changes, CancellationToken ct);

    /// <summary>
    /// Pending outbox entries due at <paramref name="now"/>, oldest first: at most <paramref name="maxPerChat"/> of each
    /// chat (each chat's oldest), so one chat's backlog never fills the scan and delays the others.
    /// </summary>
    Task<IReadOnlyList<OutboxEntry>> GetDueOutboxAsync(DateTimeOffset now, int max, int maxPerChat, CancellationToken ct);

    /// <summary>Stores send results; a delivered (sent or dropped) entry keeps only ids, status and times (<see cref="OutboxEntry.After"/>).</summary>
    Task MarkOutboxAsync(IReadOnlyList<OutboxUpdate> updates, CancellationToken ct);

    /// <summary>Deletes delivered (sent or dropped) entries created before <paramref name="createdBefore"/>; pending ones stay. Returns how many.</summary>
    Task<int> PurgeDeliveredOutboxAsync(DateTimeOffset createdBefore, CancellationToken ct);

    Task<OutboxEntry?> GetOutboxEntryAsync(string id, CancellationToken ct);

    Task<IReadOnlyList<FailedUpdate>> GetFailedUpdatesAsync(CancellationToken ct);

    /// <summary>Marks a member unreachable (the chat blocked the bot).</summary>
    Task MarkUnreachableAsync(long chatId, CancellationToken ct);
}
