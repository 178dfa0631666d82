using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Ikm.TestKit;

public sealed partial class TelegramEmulator
{
    public const int MaxTextLength = 4096;
    public const int MaxCaptionLength = 1024;

    private static readonly JsonSerializerOptions ResponseJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] Methods =
    [
        "getMe", "getUpdates", "sendMessage", "editMessageText", "editMessageReplyMarkup", "deleteMessage",
        "answerCallbackQuery", "sendDocument", "sendPhoto", "getFile", "setWebhook", "deleteWebhook",
        "getWebhookInfo", "setMyCommands", "deleteMyCommands", "getMyCommands", "sendChatAction",
    ];

    private static readonly Dictionary<string, string> CanonicalMethods =
        Methods.ToDictionary(m => m, m => m, StringComparer.OrdinalIgnoreCase);

    private async Task HandleHttpAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        try
        {
            if (path.StartsWith("/file/bot", StringComparison.Ordinal))
            {
                await ServeFileAsync(context, path["/file/bot".Length..]);
                return;
            }

            if (!path.StartsWith("/bot", StringComparison.Ordinal))
                throw new BotApiError(404, "Not Found");

            var rest = path["/bot".Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var token = slash < 0 ? rest : rest[..slash];
            var methodName = slash < 0 ? "" : rest[(slash + 1)..];
            if (token != _options.Token)
                throw new BotApiError(401, "Unauthorized");
            if (!CanonicalMethods.TryGetValue(methodName, out var method))
                throw new BotApiError(404, "Not Found: method not found");

            var result = await InvokeAsync(method, context);
            await WriteAsync(context, 200, new JsonObject { ["ok"] = true, ["result"] = result });
        }
        catch (BotApiError error)
        {
            var body = new JsonObject { ["ok"] = false, ["error_code"] = error.ErrorCode, ["description"] = error.Description };
            if (error.RetryAfter is { } retryAfter)
                body["parameters"] = new JsonObject { ["retry_after"] = retryAfter };
            await WriteAsync(context, error.ErrorCode, body);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested || _disposing.IsCancellationRequested)
        {
            // The client went away or the emulator is stopping: nobody is left to answer.
        }
        catch (Exception bug) when (bug is not OperationCanceledException)
        {
            // A fault in the emulator itself: answer in the Bot API's shape so the test shows the cause
            // instead of a bare 500 the client cannot parse.
            await WriteAsync(context, 500, new JsonObject
            {
                ["ok"] = false, ["error_code"] = 500, ["description"] = $"Internal Server Error: emulator fault {bug.GetType().Name}: {bug.Message}",
            });
        }
    }

    private async Task<JsonNode?> InvokeAsync(string method, HttpContext context)
    {
        FailRule? failure;
        lock (_gate)
        {
            _calls.Add(method);
            failure = _failRules.FirstOrDefault(r => r.Matches(method));
            if (failure is not null)
            {
                if (--failure.Remaining == 0)
                    _failRules.Remove(failure);
                if (failure.StatusCode == 429)
                    _tooManyRequests++;
            }
        }

        if (failure is not null)
        {
            var description = failure.StatusCode switch
            {
                429 => "Too Many Requests: retry after 1",
                403 => "Forbidden: bot was blocked by the user",
                400 => "Bad Request: injected failure",
                _ => ReasonPhrases.GetReasonPhrase(failure.StatusCode) is { Length: > 0 } phrase ? phrase : "Injected failure",
            };
            throw new BotApiError(failure.StatusCode, description, failure.StatusCode == 429 ? 1 : null);
        }

        if (method is "sendDocument" or "sendPhoto" && context.Request.ContentLength > _options.MaxUploadBytes)
        {
            // Read to the end first: a client still sending when the answer comes sees a reset, not the 413.
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            throw new BotApiError(413, "Request Entity Too Large");
        }
        ApiArgs args;
        try
        {
            args = await ApiArgs.ReadAsync(context.Request, context.RequestAborted);
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException tooLarge) when (tooLarge.StatusCode == 413)
        {
            throw new BotApiError(413, "Request Entity Too Large");
        }

        return method switch
        {
            "getMe" => BotUserJson(withCapabilities: true),
            "getUpdates" => await GetUpdatesAsync(args, context.RequestAborted),
            "sendMessage" => SendMessage(args),
            "editMessageText" => EditMessageText(args),
            "editMessageReplyMarkup" => EditMessageReplyMarkup(args),
            "deleteMessage" => DeleteMessage(args),
            "answerCallbackQuery" => AnswerCallbackQuery(args),
            "sendDocument" => SendFile(args, "sendDocument", "document"),
            "sendPhoto" => SendFile(args, "sendPhoto", "photo"),
            "getFile" => GetFile(args),
            "setWebhook" => SetWebhook(args),
            "deleteWebhook" => DeleteWebhook(args),
            "getWebhookInfo" => GetWebhookInfo(),
            "getMyCommands" => new JsonArray(),
            _ => true, // setMyCommands, deleteMyCommands, sendChatAction: accepted, nothing to emulate.
        };
    }

    private async Task<JsonNode> GetUpdatesAsync(ApiArgs args, CancellationToken aborted)
    {
        var offset = args.Long("offset") ?? 0;
        var limit = Math.Clamp(args.Int("limit") ?? 100, 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Max(0, args.Int("timeout") ?? 0));
        var terminated = NewSignal();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted, _disposing.Token);
        lock (_gate)
        {
            if (_webhookUrl is not null)
                throw new BotApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
            // Telegram answers the older of two concurrent long polls with 409: two bot instances are polling.
            _activePoll?.TrySetResult();
            _activePoll = terminated;
            ConfirmUpTo(offset);
        }

        var deadline = DateTime.UtcNow + timeout;
        try
        {
            while (true)
            {
                Task queued;
                lock (_gate)
                {
                    if (_webhookUrl is not null)
                        throw new BotApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
                    if (terminated.Task.IsCompleted)
                        throw new BotApiError(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
                    if (_pendingUpdates.Count > 0)
                        return new JsonArray(_pendingUpdates.Take(limit).Select(u => (JsonNode)u.DeepClone()).ToArray());
                    queued = _updateQueued.Task;
                }

                var remaining = deadline - DateTime.UtcNow;
                if (remaining <= TimeSpan.Zero || _disposing.IsCancellationRequested)
                    return new JsonArray();

                using var nap = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                var delay = Task.Delay(remaining, nap.Token);
                await Task.WhenAny(queued, terminated.Task, delay);
                await nap.CancelAsync();
                aborted.ThrowIfCancellationRequested();
            }
        }
        finally
        {
            lock (_gate)
            {
                if (_activePoll == terminated)
                    _activePoll = null;
            }
        }
    }

    /// <summary>Drops updates below a positive offset; a negative one keeps only the last -offset updates. Under the lock.</summary>
    private void ConfirmUpTo(long offset)
    {
        var before = _pendingUpdates.Count;
        if (offset > 0)
        {
            _pendingUpdates.RemoveAll(u => UpdateIdOf(u) < offset);
            _confirmedOffset = Math.Max(_confirmedOffset, offset);
        }
        else if (offset < 0 && _pendingUpdates.Count > -offset)
        {
            var dropped = _pendingUpdates.Count - (int)Math.Min(-offset, int.MaxValue);
            if (dropped > 0)
            {
                _confirmedOffset = Math.Max(_confirmedOffset, UpdateIdOf(_pendingUpdates[dropped - 1]) + 1);
                _pendingUpdates.RemoveRange(0, dropped);
            }
        }

        if (_pendingUpdates.Count != before)
            Pulse(ref _stateChanged);
    }

    private static long UpdateIdOf(JsonObject update) => update["update_id"]!.GetValue<long>();

    private JsonNode SendMessage(ApiArgs args)
    {
        var chatId = RequireChatId(args);
        var parseMode = args.String("parse_mode");
        var rawText = args.String("text");
        var text = ValidateText(rawText, parseMode);
        var markup = ReplyMarkup.Parse(args.Json("reply_markup", "can't parse reply keyboard markup JSON object"));

        lock (_gate)
        {
            AdmitSend(chatId);
            var messageId = NextMessageIdLocked(chatId);
            var json = NewBotMessageJson(chatId, messageId);
            json["text"] = text;
            if (markup.InlineJson is not null)
                json["reply_markup"] = markup.InlineJson.DeepClone();
            var sent = new SentMessage(messageId, chatId, "sendMessage", text, markup.Inline, markup.Reply, markup.Remove,
                null, null, null, Now) { RawText = rawText, ParseMode = parseMode };
            return Record(json, sent);
        }
    }

    private JsonNode EditMessageText(ApiArgs args)
    {
        var (chatId, messageId) = RequireMessageRef(args);
        var parseMode = args.String("parse_mode");
        var rawText = args.String("text");
        var text = ValidateText(rawText, parseMode);
        var markup = ReplyMarkup.Parse(args.Json("reply_markup", "can't parse reply keyboard markup JSON object"));

        lock (_gate)
        {
            var stored = FindEditableLocked(chatId, messageId, "message to edit not found");
            if (stored.Latest.Text is null)
                throw BotApiError.BadRequest("there is no text in the message to edit");
            if (stored.Latest.Text == text && InlineSignatureOf(stored) == markup.InlineSignature)
                throw BotApiError.BadRequest("message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
            AdmitSend(chatId);

            var json = (JsonObject)stored.Json.DeepClone();
            json["text"] = text;
            json["edit_date"] = UnixNow();
            SetInlineMarkup(json, markup);
            var sent = stored.Latest with
            {
                Method = "editMessageText", Text = text, InlineButtons = markup.Inline, RawText = rawText, ParseMode = parseMode, At = Now,
            };
            return Record(json, sent);
        }
    }

    private JsonNode EditMessageReplyMarkup(ApiArgs args)
    {
        var (chatId, messageId) = RequireMessageRef(args);
        var markup = ReplyMarkup.Parse(args.Json("reply_markup", "can't parse reply keyboard markup JSON object"));

        lock (_gate)
        {
            var stored = FindEditableLocked(chatId, messageId, "message to edit not found");
            if (InlineSignatureOf(stored) == markup.InlineSignature)
                throw BotApiError.BadRequest("message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
            AdmitSend(chatId);

            var json = (JsonObject)stored.Json.DeepClone();
            json["edit_date"] = UnixNow();
            SetInlineMarkup(json, markup);
            var sent = stored.Latest with { Method = "editMessageReplyMarkup", InlineButtons = markup.Inline, At = Now };
            return Record(json, sent);
        }
    }

    private JsonNode DeleteMessage(ApiArgs args)
    {
        var (chatId, messageId) = RequireMessageRef(args);
        lock (_gate)
        {
            if (!_messages.Remove((chatId, messageId)))
                throw BotApiError.BadRequest("message to delete not found");
            _deleted.Add((chatId, messageId));
            Pulse(ref _stateChanged);
            return true;
        }
    }

    private JsonNode AnswerCallbackQuery(ApiArgs args)
    {
        var id = args.String("callback_query_id");
        if (string.IsNullOrEmpty(id))
            throw BotApiError.BadRequest("callback_query_id is empty");
        var text = args.String("text");
        if (text is { Length: > 200 })
            throw BotApiError.BadRequest("MESSAGE_TOO_LONG");

        lock (_gate)
        {
            if (!_issuedCallbackIds.Contains(id))
                throw BotApiError.BadRequest("query is too old and response timeout expired or query ID is invalid");
            _callbackAnswers.Add(new CallbackAnswer(id, text, args.Bool("show_alert")));
            Pulse(ref _stateChanged);
            return true;
        }
    }

    private JsonNode SendFile(ApiArgs args, string method, string field)
    {
        var chatId = RequireChatId(args);
        var parseMode = args.String("parse_mode");
        var rawCaption = args.String("caption");
        var caption = rawCaption is null ? null : Render(rawCaption, parseMode);
        if (caption is { Length: > MaxCaptionLength })
            throw BotApiError.BadRequest("message caption is too long");
        var markup = ReplyMarkup.Parse(args.Json("reply_markup", "can't parse reply keyboard markup JSON object"));
        var upload = args.File(field);
        var reference = upload is null ? args.String(field) : null;
        if (upload is null && string.IsNullOrEmpty(reference))
            throw BotApiError.BadRequest($"there is no {field} in the request");

        lock (_gate)
        {
            string fileId;
            string? fileName;
            byte[]? content;
            if (upload is not null)
            {
                fileId = $"{field}-{++_fileSequence}";
                fileName = upload.FileName;
                content = upload.Content;
                var folder = field == "photo" ? "photos" : "documents";
                _files[fileId] = new StoredFile(fileId, content, fileName, $"{folder}/{_fileSequence}_{SafePathPart(fileName)}");
            }
            else if (_files.TryGetValue(reference!, out var known))
            {
                (fileId, fileName, content) = (known.FileId, known.FileName, known.Content);
            }
            else if (Uri.TryCreate(reference, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            {
                (fileId, fileName, content) = ($"{field}-{++_fileSequence}", Path.GetFileName(url.LocalPath), null);
            }
            else
            {
                throw BotApiError.BadRequest("wrong file identifier/HTTP URL specified");
            }

            AdmitSend(chatId);
            var messageId = NextMessageIdLocked(chatId);
            var json = NewBotMessageJson(chatId, messageId);
            var size = content?.Length ?? 0;
            if (field == "photo")
            {
                json["photo"] = new JsonArray(
                    new JsonObject { ["file_id"] = fileId + "-thumb", ["file_unique_id"] = "u" + fileId + "-thumb", ["width"] = 90, ["height"] = 90 },
                    new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = "u" + fileId, ["width"] = 800, ["height"] = 600, ["file_size"] = size });
            }
            else
            {
                json["document"] = new JsonObject
                {
                    ["file_id"] = fileId, ["file_unique_id"] = "u" + fileId, ["file_name"] = fileName, ["file_size"] = size,
                };
            }

            if (caption is not null)
                json["caption"] = caption;
            if (markup.InlineJson is not null)
                json["reply_markup"] = markup.InlineJson.DeepClone();
            var sent = new SentMessage(messageId, chatId, method, null, markup.Inline, markup.Reply, markup.Remove,
                fileName, content, caption, Now) { RawText = rawCaption, ParseMode = parseMode, FileId = fileId };
            return Record(json, sent);
        }
    }

    private JsonNode GetFile(ApiArgs args)
    {
        var fileId = args.String("file_id");
        lock (_gate)
        {
            if (fileId is null || !_files.TryGetValue(fileId, out var file))
                throw BotApiError.BadRequest("invalid file_id");
            return new JsonObject
            {
                ["file_id"] = file.FileId, ["file_unique_id"] = "u" + file.FileId, ["file_size"] = file.Content.Length,
                ["file_path"] = file.FilePath,
            };
        }
    }

    private async Task ServeFileAsync(HttpContext context, string rest)
    {
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || rest[..slash] != _options.Token)
            throw new BotApiError(401, "Unauthorized");
        var filePath = Uri.UnescapeDataString(rest[(slash + 1)..]);
        StoredFile? file;
        lock (_gate)
            file = _files.Values.FirstOrDefault(f => f.FilePath == filePath);
        if (file is null)
            throw new BotApiError(404, "Not Found");
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/octet-stream";
        await context.Response.Body.WriteAsync(file.Content, context.RequestAborted);
    }

    private JsonNode SetWebhook(ApiArgs args)
    {
        var url = args.String("url");
        var secret = args.String("secret_token");
        if (secret is not null && (secret.Length is < 1 or > 256 || !secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
            throw BotApiError.BadRequest("secret token contains unallowed characters");
        if (!string.IsNullOrEmpty(url) && !Uri.TryCreate(url, UriKind.Absolute, out _))
            throw BotApiError.BadRequest("bad webhook: Failed to resolve host: Name or service not known");

        lock (_gate)
        {
            if (args.Bool("drop_pending_updates"))
                _pendingUpdates.Clear();
            _webhookUrl = string.IsNullOrEmpty(url) ? null : url;
            _webhookSecret = _webhookUrl is null ? null : secret;
            _activePoll?.TrySetResult();
            Pulse(ref _stateChanged);
            return true;
        }
    }

    private JsonNode DeleteWebhook(ApiArgs args)
    {
        lock (_gate)
        {
            if (args.Bool("drop_pending_updates"))
                _pendingUpdates.Clear();
            _webhookUrl = null;
            _webhookSecret = null;
            Pulse(ref _stateChanged);
            return true;
        }
    }

    private JsonNode GetWebhookInfo()
    {
        lock (_gate)
        {
            return new JsonObject
            {
                ["url"] = _webhookUrl ?? "", ["has_custom_certificate"] = false, ["pending_update_count"] = _pendingUpdates.Count,
            };
        }
    }

    /// <summary>Blocked chat, then the per-second limits. Under the lock; a refused send leaves no trace but the counters.</summary>
    private void AdmitSend(long chatId)
    {
        if (_blockedChats.Contains(chatId))
            throw new BotApiError(403, "Forbidden: bot was blocked by the user");
        if (_enforceLimits && !_limiter.TryAcquire(chatId, out var retryAfter))
        {
            _tooManyRequests++;
            _rateLimitViolations++;
            Pulse(ref _stateChanged);
            throw new BotApiError(429, $"Too Many Requests: retry after {retryAfter}", retryAfter);
        }
    }

    /// <summary>Stores the message's new version and logs it in <see cref="Sent"/>. Under the lock.</summary>
    private JsonNode Record(JsonObject json, SentMessage sent)
    {
        _messages[(sent.ChatId, sent.MessageId)] = new StoredMessage(json, sent, FromBot: true);
        _sent.Add(sent);
        Pulse(ref _stateChanged);
        MessageRecorded?.Invoke(sent);
        return json.DeepClone();
    }

    private StoredMessage FindEditableLocked(long chatId, long messageId, string notFound)
    {
        if (_blockedChats.Contains(chatId))
            throw new BotApiError(403, "Forbidden: bot was blocked by the user");
        if (!_messages.TryGetValue((chatId, messageId), out var stored))
            throw BotApiError.BadRequest(notFound);
        if (!stored.FromBot)
            throw BotApiError.BadRequest("message can't be edited");
        return stored;
    }

    private static string InlineSignatureOf(StoredMessage stored) => stored.Json["reply_markup"]?.ToJsonString() ?? "";

    private static void SetInlineMarkup(JsonObject json, ReplyMarkup markup)
    {
        // An edit without reply_markup removes the inline keyboard, as on Telegram.
        json.Remove("reply_markup");
        if (markup.InlineJson is not null)
            json["reply_markup"] = markup.InlineJson.DeepClone();
    }

    private static string ValidateText(string? rawText, string? parseMode)
    {
        if (string.IsNullOrWhiteSpace(rawText))
            throw BotApiError.BadRequest("message text is empty");
        var text = Render(rawText, parseMode);
        if (string.IsNullOrWhiteSpace(text))
            throw BotApiError.BadRequest("message text is empty");
        if (text.Length > MaxTextLength)
            throw BotApiError.BadRequest("message is too long");
        return text;
    }

    /// <summary>
    /// What the user sees: HTML tags removed and entities decoded (Telegram measures the 4096 limit on this).
    /// Markdown is left as sent, which over-counts: a conservative check.
    /// </summary>
    private static string Render(string raw, string? parseMode) =>
        string.Equals(parseMode, "HTML", StringComparison.OrdinalIgnoreCase)
            ? WebUtility.HtmlDecode(HtmlTag().Replace(raw, ""))
            : raw;

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex HtmlTag();

    private static long RequireChatId(ApiArgs args)
    {
        var raw = args.String("chat_id");
        if (string.IsNullOrEmpty(raw))
            throw BotApiError.BadRequest("chat_id is empty");
        return long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var chatId)
            ? chatId
            : throw BotApiError.BadRequest("chat not found");
    }

    private static (long ChatId, long MessageId) RequireMessageRef(ApiArgs args)
    {
        if (args.Has("inline_message_id"))
            throw BotApiError.BadRequest("inline messages are not supported by the emulator");
        var chatId = RequireChatId(args);
        var messageId = args.Long("message_id") ?? throw BotApiError.BadRequest("message identifier is not specified");
        return (chatId, messageId);
    }

    private static async Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        if (context.Response.HasStarted)
            return;
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(ResponseJson), context.RequestAborted);
    }
}
