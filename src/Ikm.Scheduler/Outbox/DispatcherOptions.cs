namespace Ikm.Scheduler.Outbox;

/// <summary>Outbound pacing, bound from the "Telegram" section (Telegram__MaxMessagesPerSecond…).</summary>
public sealed class DispatcherOptions
{
    /// <summary>Telegram's bulk limit over all chats; higher only with paid broadcast.</summary>
    public double MaxMessagesPerSecond { get; init; } = 30;

    public double MaxMessagesPerChatPerSecond { get; init; } = 1;

    /// <summary>How many sends may be on the wire at once.</summary>
    public int MaxConcurrentSends { get; init; } = 64;

    /// <summary>How often the store is scanned for pending messages the in-memory queue does not know (restart, scheduled).</summary>
    public TimeSpan ScanInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Pending messages of one chat a scan takes at most. Small, so a chat with a long backlog (paced at 1/s) never fills
    /// the scan; its next messages are fetched as soon as these are sent.
    /// </summary>
    public int ScanPerChat { get; init; } = 5;

    /// <summary>
    /// After a 403 (the chat blocked the bot) its messages are dropped without a send for this long; then one is tried
    /// again. A reply to the chat's own update is always tried (the chat wrote to the bot, so it unblocked it).
    /// </summary>
    public TimeSpan BlockedRecheckAfter { get; init; } = TimeSpan.FromHours(24);
}
