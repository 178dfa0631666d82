namespace Ikm.Workflow.Messaging;

public sealed record SendResult(SendStatus Status, long? ChannelMessageId = null, TimeSpan? RetryAfter = null, string? Error = null)
{
    public static SendResult Ok(long? messageId) => new(SendStatus.Sent, messageId);
}
