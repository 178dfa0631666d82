namespace Ikm.Workflow.Messaging;

public enum SendStatus
{
    Sent,
    /// <summary>The channel asked to wait (Telegram 429); <see cref="SendResult.RetryAfter"/> says how long.</summary>
    RetryAfter,
    /// <summary>Network error, timeout or 5xx: retried with backoff.</summary>
    Transient,
    /// <summary>The user blocked the bot (Telegram 403): stop sending to this chat.</summary>
    Blocked,
    /// <summary>The channel refused this message for good (400): dropped and logged.</summary>
    Rejected,
}
