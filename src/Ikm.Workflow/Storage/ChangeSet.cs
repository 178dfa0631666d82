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
}
