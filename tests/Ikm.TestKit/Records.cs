using System.Net;

namespace Ikm.TestKit;

/// <summary>What happened to an update handed to the emulator: queued for polling (status null) or posted to the webhook.</summary>
public sealed record DeliveryResult(long UpdateId, HttpStatusCode? WebhookStatus);

/// <summary>
/// One message the bot sent, or one edit of it (same <see cref="MessageId"/>, <see cref="Method"/> names the edit).
/// <see cref="Text"/> is what the user sees: for <c>parse_mode=HTML</c> the tags are removed and entities decoded,
/// as in the message Telegram returns; <see cref="RawText"/> is the text exactly as the bot sent it.
/// </summary>
public sealed record SentMessage(
    long MessageId,
    long ChatId,
    string Method,
    string? Text,
    IReadOnlyList<IReadOnlyList<InlineButton>> InlineButtons,
    IReadOnlyList<IReadOnlyList<ReplyKey>> ReplyKeyboard,
    bool RemoveKeyboard,
    string? FileName,
    byte[]? FileContent,
    string? Caption,
    DateTimeOffset At)
{
    public string? RawText { get; init; }

    public string? ParseMode { get; init; }

    /// <summary>The file id the emulator gave a sent document or photo (usable with getFile).</summary>
    public string? FileId { get; init; }

    public IEnumerable<InlineButton> AllInlineButtons => InlineButtons.SelectMany(row => row);

    /// <summary>True when an inline button has exactly this label.</summary>
    public bool HasButton(string label) => AllInlineButtons.Any(b => b.Text == label);

    /// <summary>True when the reply keyboard has a key with exactly this label.</summary>
    public bool HasReplyKey(string label) => ReplyKeyboard.SelectMany(row => row).Any(k => k.Text == label);

    /// <summary>Text or caption, whichever the message has.</summary>
    public string? Body => Text ?? Caption;

    public override string ToString()
    {
        var buttons = AllInlineButtons.Select(b => $"[{b.Text}]")
            .Concat(ReplyKeyboard.SelectMany(r => r).Select(k => $"<{k.Text}>"));
        var file = FileName is null ? "" : $" file={FileName}";
        return $"#{MessageId} {Method}{file}: {Body} {string.Join(' ', buttons)}".TrimEnd();
    }
}

/// <summary>An inline keyboard button; <see cref="CallbackData"/> is empty for URL and other non-callback buttons.</summary>
public sealed record InlineButton(string Text, string CallbackData)
{
    public string? Url { get; init; }
}

public sealed record ReplyKey(string Text, bool RequestLocation, bool RequestContact);

/// <summary>One answerCallbackQuery call.</summary>
public sealed record CallbackAnswer(string CallbackQueryId, string? Text, bool ShowAlert);

/// <summary>A chat that is not private: Telegram's <c>type</c> "group", "supergroup" or "channel".</summary>
public sealed record TestChat(long Id, string Type, string Title);
