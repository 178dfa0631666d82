using Ikm.Workflow.Messaging;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Ikm.Bot.Channels.Telegram;

/// <summary>Telegram's Update → our channel-neutral <see cref="IncomingMessage"/>. Null for updates we ignore (edits…).</summary>
public static class TelegramUpdateMapper
{
    public static IncomingMessage? Map(Update update) => update switch
    {
        { Message: { } message } => FromMessage(update.Id, message),
        { CallbackQuery: { } query } => FromCallback(update.Id, query),
        // A channel post has no sender; it is mapped only so the channel gets the "private chats only" notice.
        { ChannelPost: { } post } => new IncomingMessage
        {
            UpdateId = update.Id,
            ChatId = post.Chat.Id,
            UserId = 0,
            Kind = IncomingKind.Unsupported,
            Chat = ChatKind.Channel,
        },
        _ => null,
    };

    private static ChatKind KindOf(Chat chat) => chat.Type switch
    {
        ChatType.Private => ChatKind.Private,
        ChatType.Group => ChatKind.Group,
        ChatType.Supergroup => ChatKind.Supergroup,
        _ => ChatKind.Channel,
    };

    private static IncomingMessage? FromMessage(int updateId, Message message)
    {
        if (message.From is not { } from) return null;
        var common = new IncomingMessage
        {
            UpdateId = updateId,
            ChatId = message.Chat.Id,
            UserId = from.Id,
            Kind = IncomingKind.Unsupported,
            LanguageCode = from.LanguageCode,
            Chat = KindOf(message.Chat),
            FromBot = from.IsBot,
        };

        return message switch
        {
            { Text: { } text } when IsCommand(message, text) => common with { Kind = IncomingKind.Command, Text = text },
            { Text: { } text } => common with { Kind = IncomingKind.Text, Text = text },
            { Location: { } location } => common with { Kind = IncomingKind.Location, Location = new GeoPoint(location.Latitude, location.Longitude) },
            { Photo: { Length: > 0 } photos } => common with
            {
                Kind = IncomingKind.Photo,
                PhotoFileId = photos.MaxBy(p => p.Width * p.Height)!.FileId,
                Text = message.Caption,
            },
            { Contact: { } contact } => common with { Kind = IncomingKind.Contact, Contact = new ContactCard(contact.PhoneNumber, contact.UserId) },
            _ => common,
        };
    }

    private static bool IsCommand(Message message, string text) =>
        text.StartsWith('/') && (message.Entities is null || message.Entities.Any(e => e is { Type: MessageEntityType.BotCommand, Offset: 0 }) || message.Entities.Length == 0);

    private static IncomingMessage? FromCallback(int updateId, CallbackQuery query) => new()
    {
        UpdateId = updateId,
        ChatId = query.Message?.Chat.Id ?? query.From.Id,
        UserId = query.From.Id,
        Kind = IncomingKind.Button,
        ButtonData = query.Data ?? "",
        CallbackId = query.Id,
        ButtonMessageId = query.Message?.Id,
        LanguageCode = query.From.LanguageCode,
        // A button on an inline-mode message has no chat: it is the presser's own, answered in their private chat.
        Chat = query.Message is { } message ? KindOf(message.Chat) : ChatKind.Private,
        FromBot = query.From.IsBot,
    };
}
