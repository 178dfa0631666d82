using System.Text.Json.Nodes;

namespace Ikm.TestKit;

public sealed partial class TelegramEmulator
{
    private DateTimeOffset Now => _options.TimeProvider.GetUtcNow();

    private long UnixNow() => Now.ToUnixTimeSeconds();

    private JsonObject BotUserJson(bool withCapabilities = false)
    {
        var user = new JsonObject
        {
            ["id"] = BotId, ["is_bot"] = true, ["first_name"] = _options.BotFirstName, ["username"] = _options.BotUsername,
        };
        if (withCapabilities)
        {
            user["can_join_groups"] = true;
            user["can_read_all_group_messages"] = false;
            user["supports_inline_queries"] = false;
        }

        return user;
    }

    /// <summary>Under the lock (reads the user list).</summary>
    private JsonObject ChatJsonLocked(long chatId)
    {
        if (_chats.TryGetValue(chatId, out var chat))
            return new JsonObject { ["id"] = chatId, ["type"] = chat.Type, ["title"] = chat.Title };
        if (chatId < 0)
            return new JsonObject { ["id"] = chatId, ["type"] = chatId <= -1_000_000_000_000 ? "supergroup" : "group", ["title"] = $"Chat {chatId}" };
        var firstName = _users.TryGetValue(chatId, out var user) ? user.FirstName : "User";
        return new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = firstName };
    }

    /// <summary>Message ids count up per chat, shared by the user's and the bot's messages. Under the lock.</summary>
    private long NextMessageIdLocked(long chatId)
    {
        var next = _lastMessageIdByChat.GetValueOrDefault(chatId) + 1;
        _lastMessageIdByChat[chatId] = next;
        return next;
    }

    private JsonObject NewBotMessageJson(long chatId, long messageId) => new()
    {
        ["message_id"] = messageId, ["from"] = BotUserJson(), ["chat"] = ChatJsonLocked(chatId), ["date"] = UnixNow(),
    };

    /// <summary>Builds a message from the user (filled in by <paramref name="fill"/>) and delivers it as an update.</summary>
    internal Task<DeliveryResult> SubmitUserMessageAsync(TestUser user, Action<JsonObject> fill) =>
        DeliverAsync(() =>
        {
            var messageId = NextMessageIdLocked(user.ChatId);
            var message = new JsonObject
            {
                ["message_id"] = messageId, ["from"] = user.ToJson(), ["chat"] = ChatJsonLocked(user.ChatId), ["date"] = UnixNow(),
            };
            fill(message);
            _messages[(user.ChatId, messageId)] = new StoredMessage(message, UserSentMessage(user.ChatId, messageId), FromBot: false);
            return new JsonObject { ["update_id"] = ++_lastUpdateId, ["message"] = message.DeepClone() };
        });

    /// <summary>A callback_query for a button press on the given message (its latest version, if the emulator knows it).</summary>
    internal Task<DeliveryResult> SubmitCallbackAsync(TestUser user, string data, long messageId) =>
        DeliverAsync(() =>
        {
            var id = $"cbq-{user.Id}-{++_callbackSequence}";
            _issuedCallbackIds.Add(id);
            var message = _messages.TryGetValue((user.ChatId, messageId), out var stored)
                ? (JsonObject)stored.Json.DeepClone()
                : new JsonObject { ["message_id"] = messageId, ["from"] = BotUserJson(), ["chat"] = ChatJsonLocked(user.ChatId), ["date"] = UnixNow() };
            return new JsonObject
            {
                ["update_id"] = ++_lastUpdateId,
                ["callback_query"] = new JsonObject
                {
                    ["id"] = id, ["from"] = user.ToJson(), ["message"] = message,
                    ["chat_instance"] = $"ci{user.Id}", ["data"] = data,
                },
            };
        });

    /// <summary>A post in a channel the bot administers: a channel_post update, with sender_chat and no from.</summary>
    public Task<DeliveryResult> PostToChannelAsync(TestChat channel, string text)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(text);
        return DeliverAsync(() =>
        {
            var messageId = NextMessageIdLocked(channel.Id);
            var post = new JsonObject
            {
                ["message_id"] = messageId, ["sender_chat"] = ChatJsonLocked(channel.Id), ["chat"] = ChatJsonLocked(channel.Id),
                ["date"] = UnixNow(), ["text"] = text,
            };
            _messages[(channel.Id, messageId)] = new StoredMessage(post, UserSentMessage(channel.Id, messageId), FromBot: false);
            return new JsonObject { ["update_id"] = ++_lastUpdateId, ["channel_post"] = post };
        });
    }

    private SentMessage UserSentMessage(long chatId, long messageId) =>
        new(messageId, chatId, "user", null, [], [], false, null, null, null, Now);
}
