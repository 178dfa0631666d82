using Ikm.Workflow.Messaging;

namespace Ikm.Workflow.Storage;

/// <summary>
/// A queued outgoing message. Written in the same write as the conversation state that produced it,
/// then sent by the dispatcher and marked. Separate from the conversation document so that marking it sent
/// never races with the chat's next update.
/// </summary>
public sealed record OutboxEntry
{
    public required OutgoingMessage Message { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>Order of creation, so one chat's messages leave in the order they were written.</summary>
    public long Sequence { get; init; }
    public OutboxStatus Status { get; init; } = OutboxStatus.Pending;
    public int Attempts { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public long? ChannelMessageId { get; init; }

    public string Id => Message.Id;
    public long ChatId => Message.ChatId;

    /// <summary>Sent or dropped: nothing more will be sent from this entry.</summary>
    public static bool IsDelivered(OutboxStatus status) => status != OutboxStatus.Pending;

    /// <summary>
    /// The entry after a send attempt. A delivered entry keeps only ids, status and times: the text, buttons and file
    /// leave the store with the delivery (UU PDP: nothing is kept that its purpose no longer needs). The id stays until
    /// the retention purge, because a replayed update is recognised by its messages' ids.
    /// </summary>
    public OutboxEntry After(OutboxUpdate update) => this with
    {
        Message = IsDelivered(update.Status) ? new OutgoingMessage { Id = Id, ChatId = ChatId, Kind = Message.Kind } : Message,
        Status = update.Status,
        Attempts = update.Attempts,
        DueAt = update.DueAt,
        SentAt = update.SentAt,
        ChannelMessageId = update.ChannelMessageId,
    };
}
