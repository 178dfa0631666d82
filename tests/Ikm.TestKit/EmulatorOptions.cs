namespace Ikm.TestKit;

/// <summary>Settings of a <see cref="TelegramEmulator"/>; the defaults are Telegram's published limits.</summary>
public sealed class EmulatorOptions
{
    public string Token { get; init; } = "123456:TEST-TOKEN";

    public string BotUsername { get; init; } = "IkmTestBot";

    public string BotFirstName { get; init; } = "Ikm Test Bot";

    /// <summary>Sends over all chats within a sliding 1-second window.</summary>
    public int GlobalMessagesPerSecond { get; init; } = 30;

    /// <summary>Sends to one chat within a sliding 1-second window.</summary>
    public int PerChatMessagesPerSecond { get; init; } = 1;

    /// <summary>
    /// Clock for the <c>date</c> fields and <see cref="SentMessage.At"/>, so tests using a fake clock get
    /// matching dates. Rate limits always use real elapsed time: a frozen fake clock would otherwise block every send.
    /// </summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// The largest upload (the whole multipart request of a sendDocument or sendPhoto) accepted; above it Telegram answers
    /// 413 "Request Entity Too Large". 50 MB for bots on the public Bot API.
    /// </summary>
    public long MaxUploadBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>Timeout of the emulator's own POSTs to the bot's webhook.</summary>
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
