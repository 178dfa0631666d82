namespace Ikm.Workflow.Messaging;

/// <summary>What a user sent, in a form no flow has to know the channel of.</summary>
public enum IncomingKind
{
    Text,
    Command,
    Button,
    Location,
    Photo,
    Contact,
    /// <summary>Something the bot cannot read (a sticker, a voice note…); answered with help.</summary>
    Unsupported,
}

/// <summary>The kind of chat an update came from. The bot serves private chats only (see <c>PrivateChatGate</c>).</summary>
public enum ChatKind
{
    Private,
    Group,
    Supergroup,
    Channel,
}

public sealed record GeoPoint(double Latitude, double Longitude);

public sealed record ContactCard(string PhoneNumber, long? UserId);

/// <summary>One update from a channel. <see cref="UpdateId"/> is the channel's own id, used for dedupe.</summary>
public sealed record IncomingMessage
{
    public required long UpdateId { get; init; }
    public required long ChatId { get; init; }
    public required long UserId { get; init; }
    public required IncomingKind Kind { get; init; }
    /// <summary>Text as typed; for a command the whole line ("/start abc").</summary>
    public string? Text { get; init; }
    /// <summary>Callback data of a pressed inline button.</summary>
    public string? ButtonData { get; init; }
    /// <summary>Channel id of the button press, answered by the channel (answerCallbackQuery).</summary>
    public string? CallbackId { get; init; }
    /// <summary>The message the pressed button was attached to, so a flow can edit it.</summary>
    public long? ButtonMessageId { get; init; }
    public GeoPoint? Location { get; init; }
    public string? PhotoFileId { get; init; }
    public ContactCard? Contact { get; init; }
    /// <summary>The user's client language ("id", "en"), a hint for the first greeting only.</summary>
    public string? LanguageCode { get; init; }
    /// <summary>Where it was sent; private unless the channel says otherwise (the local chat and WhatsApp have no groups).</summary>
    public ChatKind Chat { get; init; } = ChatKind.Private;
    /// <summary>
    /// What the channel it came through can show, so a long list of choices is paged to fit a reply
    /// (<see cref="ChoicePages"/>); Telegram unless the channel says otherwise.
    /// </summary>
    public ChannelCapabilities Capabilities { get; init; } = ChannelCapabilities.Telegram;
    /// <summary>Sent by another bot (Telegram's from.is_bot): ignored.</summary>
    public bool FromBot { get; init; }
    /// <summary>
    /// Set by a channel whose update ids only ever grow (Telegram getUpdates): an id older than everything in a full
    /// dedupe window was processed long ago. Webhook deliveries may come out of order, so they never set it.
    /// </summary>
    public bool UpdateIdsRise { get; init; }

    /// <summary>The command word without slash and bot suffix, lower case ("start" for "/start@IkmBot x").</summary>
    public string? Command => Kind == IncomingKind.Command && Text is { } t ? ParseCommand(t).Name : null;

    /// <summary>Everything after the command word ("abc" for "/start abc").</summary>
    public string? CommandArgument => Kind == IncomingKind.Command && Text is { } t ? ParseCommand(t).Argument : null;

    private static (string Name, string? Argument) ParseCommand(string text)
    {
        var trimmed = text.Trim();
        var space = trimmed.IndexOf(' ');
        var word = space < 0 ? trimmed[1..] : trimmed[1..space];
        var at = word.IndexOf('@');
        if (at >= 0) word = word[..at];
        var argument = space < 0 ? null : trimmed[(space + 1)..].Trim();
        return (word.ToLowerInvariant(), string.IsNullOrEmpty(argument) ? null : argument);
    }
}

/// <summary>Which chat ids are a person's own private chat.</summary>
public static class ChatIds
{
    /// <summary>
    /// Telegram gives a private chat the user's own (positive) id and every group, supergroup and channel a negative
    /// one; the local terminal chat and WhatsApp use the user's id too. The sender's guard relies on this alone, so it
    /// holds even for a message whose flow got the chat wrong.
    /// </summary>
    public static bool IsPrivate(long chatId) => chatId > 0;
}
