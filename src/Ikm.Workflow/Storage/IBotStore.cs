using Ikm.Workflow.Conversations;
using Ikm.Workflow.Members;

namespace Ikm.Workflow.Storage;

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

/// <summary>A change to one outbox entry after a send attempt.</summary>
public sealed record OutboxUpdate(string Id, OutboxStatus Status, int Attempts, DateTimeOffset? DueAt, DateTimeOffset? SentAt, long? ChannelMessageId);

/// <summary>
/// Some change sets of a commit were not written because something they change moved on since it was read: a
/// conversation's or a document's stored version, or an earlier change set of the same commit that changes the same
/// document from the same snapshot (two chats of one batch). <see cref="ChangeSets"/> are their indexes in the list
/// given to <see cref="IBotStore.CommitAsync"/>; the caller redoes them with fresh reads.
/// <see cref="OthersCommitted"/> tells whether the other change sets were written (standalone MongoDB, no
/// transaction) or nothing was (a transaction: the caller commits the others again without the conflicting ones).
/// </summary>
public sealed class ConcurrencyException(IReadOnlyList<int> changeSets, long chatId, bool othersCommitted)
    : Exception($"{changeSets.Count} change set(s) of the commit conflicted with a newer stored version (first chat {chatId}).")
{
    /// <summary>The chat of the first conflicting change set; 0 when it carries no conversation (a job's write).</summary>
    public long ChatId { get; } = chatId;

    public IReadOnlyList<int> ChangeSets { get; } = changeSets;

    public bool OthersCommitted { get; } = othersCommitted;

    /// <summary>The exception for these conflicting change sets of <paramref name="changes"/>.</summary>
    public static ConcurrencyException For(IReadOnlyList<ChangeSet> changes, IEnumerable<int> conflicting, bool othersCommitted)
    {
        var indexes = conflicting.Distinct().Order().ToList();
        return new ConcurrencyException(indexes, changes[indexes[0]].Conversation?.ChatId ?? 0, othersCommitted);
    }
}

/// <summary>The store cannot be reached (disk, network, server down): an outage, retried, never a user's fault.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
