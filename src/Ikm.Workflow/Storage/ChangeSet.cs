using Ikm.Workflow.Conversations;
using Ikm.Workflow.Members;
using Ikm.Workflow.Messaging;

namespace Ikm.Workflow.Storage;

/// <summary>
/// Everything one update changes, written atomically with the others of its batch.
/// <see cref="Conversation"/> carries the version it was read at; the store writes it as version + 1
/// only if the stored version still matches.
/// </summary>
public sealed record ChangeSet
{
    public Conversation? Conversation { get; init; }
    public IReadOnlyList<Member> Members { get; init; } = [];
    /// <summary>Inserted once: an id already in the outbox is ignored (a replayed update does not send twice).</summary>
    public IReadOnlyList<OutgoingMessage> Outgoing { get; init; } = [];
    public IReadOnlyList<FailedUpdate> Failures { get; init; } = [];
    /// <summary>Members removed (the owner erased their data).</summary>
    public IReadOnlyList<long> DeletedMembers { get; init; } = [];

    /// <summary>
    /// Owners' erasures: their chats' outbox rows and failed updates, and every outbox row naming them, are deleted
    /// before this write's own messages are queued (so the erasure's confirmation and notices still go out).
    /// </summary>
    public IReadOnlyList<OutboxErasure> Erasures { get; init; } = [];

    /// <summary>Every aggregate (businesses, diagnoses, cohorts, invites, assignments, visits, evaluations…), upserted or deleted by id.</summary>
    public IReadOnlyList<Documents.DocumentChange> Documents { get; init; } = [];

    public bool HasDomainChanges => DeletedMembers.Count > 0 || Documents.Count > 0 || Erasures.Count > 0;
}
