namespace Ikm.Workflow.Engine;

/// <summary>The bot's own username, for invite deep links; the channel fills it in at start (Telegram getMe).</summary>
public sealed class BotIdentity
{
    public string Username { get; set; } = "IkmBot";

    public string DeepLink(string payload) => $"https://t.me/{Username}?start={payload}";
}
