using System.Text.Json.Nodes;

namespace Ikm.TestKit;

/// <summary>
/// A scripted Telegram user in a private chat with the bot (chat id == user id), or — through <see cref="In"/> — the
/// same user writing in a group, supergroup or channel. Each action delivers one update and returns its id; replies
/// are read with <see cref="NextReplyAsync"/> (a cursor over what the bot sent to this chat).
/// </summary>
public sealed class TestUser
{
    private readonly TelegramEmulator _emulator;
    private readonly Lock _gate = new();
    private int _replyCursor;
    private DeliveryResult? _lastDelivery;

    internal TestUser(TelegramEmulator emulator, long id, string firstName, string languageCode, bool isBot = false, TestChat? chat = null)
    {
        _emulator = emulator;
        Id = id;
        FirstName = firstName;
        LanguageCode = languageCode;
        IsBot = isBot;
        Chat = chat;
    }

    public long Id { get; }

    /// <summary>The chat this user writes in: their private chat (the user id) unless <see cref="In"/> chose another.</summary>
    public long ChatId => Chat?.Id ?? Id;

    /// <summary>The group, supergroup or channel this user writes in; null for the private chat.</summary>
    public TestChat? Chat { get; }

    /// <summary>Another bot (from.is_bot = true), as seen in groups.</summary>
    public bool IsBot { get; }

    public string FirstName { get; }

    public string LanguageCode { get; }

    /// <summary>The same user writing in <paramref name="chat"/> (with its own reply cursor over that chat).</summary>
    public TestUser In(TestChat chat)
    {
        ArgumentNullException.ThrowIfNull(chat);
        return new TestUser(_emulator, Id, FirstName, LanguageCode, IsBot, chat);
    }

    /// <summary>How the last update from this user was delivered (webhook status when a webhook is set).</summary>
    public DeliveryResult? LastDelivery
    {
        get { lock (_gate) return _lastDelivery; }
    }

    /// <summary>A text message; a leading "/command" (optionally "@bot") gets a bot_command entity.</summary>
    public Task<long> SendTextAsync(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return DeliverAsync(_emulator.SubmitUserMessageAsync(this, message =>
        {
            message["text"] = text;
            if (text.StartsWith('/') && text.Length > 1)
            {
                var end = text.IndexOfAny([' ', '\n']);
                var length = end < 0 ? text.Length : end;
                message["entities"] = new JsonArray(new JsonObject { ["offset"] = 0, ["length"] = length, ["type"] = "bot_command" });
            }
        }));
    }

    /// <summary>
    /// Presses an inline button on the newest message in this chat that has it (exact label first, then a
    /// case-insensitive "contains"); throws listing the available buttons when none matches.
    /// </summary>
    public Task<long> PressAsync(string buttonLabel)
    {
        ArgumentNullException.ThrowIfNull(buttonLabel);
        var (message, button) = _emulator.FindButton(ChatId, buttonLabel);
        return PressDataAsync(button.CallbackData, message.MessageId);
    }

    /// <summary>A callback_query with any data on any message id: for forged or stale presses.</summary>
    public Task<long> PressDataAsync(string callbackData, long messageId)
    {
        ArgumentNullException.ThrowIfNull(callbackData);
        return DeliverAsync(_emulator.SubmitCallbackAsync(this, callbackData, messageId));
    }

    public Task<long> ShareLocationAsync(double latitude, double longitude) =>
        DeliverAsync(_emulator.SubmitUserMessageAsync(this, message =>
            message["location"] = new JsonObject { ["latitude"] = latitude, ["longitude"] = longitude }));

    /// <summary>A photo; the largest size carries <paramref name="fileId"/> (register content with AddFile to serve it).</summary>
    public Task<long> SendPhotoAsync(string fileId, string? caption = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileId);
        return DeliverAsync(_emulator.SubmitUserMessageAsync(this, message =>
        {
            message["photo"] = new JsonArray(
                new JsonObject { ["file_id"] = fileId + "-small", ["file_unique_id"] = "u" + fileId + "-small", ["width"] = 90, ["height"] = 90, ["file_size"] = 1024 },
                new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = "u" + fileId, ["width"] = 1280, ["height"] = 960, ["file_size"] = 102400 });
            if (caption is not null)
                message["caption"] = caption;
        }));
    }

    /// <summary>The user's own contact, as shared through a request_contact key.</summary>
    public Task<long> SendContactAsync(string phoneNumber)
    {
        ArgumentException.ThrowIfNullOrEmpty(phoneNumber);
        return DeliverAsync(_emulator.SubmitUserMessageAsync(this, message =>
            message["contact"] = new JsonObject { ["phone_number"] = phoneNumber, ["first_name"] = FirstName, ["user_id"] = Id }));
    }

    public Task<long> SendStickerAsync() =>
        DeliverAsync(_emulator.SubmitUserMessageAsync(this, message =>
            message["sticker"] = new JsonObject
            {
                ["file_id"] = "sticker-1", ["file_unique_id"] = "usticker-1", ["type"] = "regular", ["width"] = 512,
                ["height"] = 512, ["is_animated"] = false, ["is_video"] = false, ["emoji"] = "👍",
            }));

    /// <summary>
    /// The next message (or edit) the bot sent to this chat that no earlier call returned; waits for it (10 s by
    /// default) and throws a <see cref="TimeoutException"/> listing the chat otherwise.
    /// </summary>
    public async Task<SentMessage> NextReplyAsync(TimeSpan? timeout = null)
    {
        int cursor;
        lock (_gate)
            cursor = _replyCursor;
        var effective = timeout ?? TelegramEmulator.DefaultWaitTimeout;
        var reply = await _emulator.WaitForAsync(
            () => _emulator.SentTo(ChatId) is var sent && sent.Count > cursor ? sent[cursor] : null,
            effective,
            () => $"No new reply in chat {ChatId} within {effective.TotalSeconds:0.#} s (already read {cursor}). {_emulator.DescribeChat(ChatId)}");
        lock (_gate)
            _replyCursor = Math.Max(_replyCursor, cursor + 1);
        return reply;
    }

    /// <summary>Marks everything sent so far as read, so <see cref="NextReplyAsync"/> waits for what comes next.</summary>
    public void SkipReplies()
    {
        var count = _emulator.SentTo(ChatId).Count;
        lock (_gate)
            _replyCursor = Math.Max(_replyCursor, count);
    }

    /// <summary>The newest message sent to this chat; waits for the first one if nothing was sent yet.</summary>
    public Task<SentMessage> LastReplyAsync() =>
        _emulator.WaitForAsync(
            () => _emulator.SentTo(ChatId) is { Count: > 0 } sent ? sent[^1] : null,
            TelegramEmulator.DefaultWaitTimeout,
            () => $"Nothing was sent to chat {ChatId} within {TelegramEmulator.DefaultWaitTimeout.TotalSeconds:0} s.");

    internal JsonObject ToJson() => new()
    {
        ["id"] = Id, ["is_bot"] = IsBot, ["first_name"] = FirstName, ["language_code"] = LanguageCode,
    };

    private async Task<long> DeliverAsync(Task<DeliveryResult> delivery)
    {
        var result = await delivery;
        lock (_gate)
            _lastDelivery = result;
        return result.UpdateId;
    }
}
