namespace Ikm.Bot.Channels.Telegram;

public enum TelegramMode
{
    Polling,
    Webhook,
}

/// <summary>The "Telegram" configuration section (Telegram__BotToken, Telegram__ApiBaseUrl, …).</summary>
public sealed class TelegramOptions
{
    /// <summary>Absent → the local terminal chat channel.</summary>
    public string? BotToken { get; init; }

    public string ApiBaseUrl { get; init; } = "https://api.telegram.org";

    public TelegramMode Mode { get; init; } = TelegramMode.Polling;

    /// <summary>Checked on every webhook call (X-Telegram-Bot-Api-Secret-Token).</summary>
    public string? WebhookSecret { get; init; }

    /// <summary>Public HTTPS address of /telegram/webhook; when set in webhook mode, registered with setWebhook at start.</summary>
    public string? WebhookUrl { get; init; }

    /// <summary>getUpdates long-poll timeout in seconds.</summary>
    public int PollingTimeoutSeconds { get; init; } = 25;

    public bool HasToken => !string.IsNullOrWhiteSpace(BotToken);
}
