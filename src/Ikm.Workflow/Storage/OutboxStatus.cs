namespace Ikm.Workflow.Storage;

public enum OutboxStatus
{
    Pending,
    Sent,
    /// <summary>Given up: the chat blocked the bot, or the channel refused the message for good.</summary>
    Dropped,
}
