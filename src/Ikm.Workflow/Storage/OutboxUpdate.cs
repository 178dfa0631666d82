using Ikm.Workflow.Members;

namespace Ikm.Workflow.Storage;

/// <summary>A change to one outbox entry after a send attempt.</summary>
public sealed record OutboxUpdate(string Id, OutboxStatus Status, int Attempts, DateTimeOffset? DueAt, DateTimeOffset? SentAt, long? ChannelMessageId);
