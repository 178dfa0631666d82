using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Ikm.TestKit;

/// <summary>
/// An in-process Telegram Bot API server (Kestrel on 127.0.0.1, random port) for end-to-end tests: the bot talks
/// to <see cref="BaseUrl"/> as if it were api.telegram.org, tests script users through <see cref="User"/> and assert
/// on <see cref="Sent"/>. Applies Telegram's rules (text and callback-data sizes, send limits, blocked chats) and
/// lets tests inject failures. Every member is thread-safe.
/// </summary>
public sealed partial class TelegramEmulator : IAsyncDisposable
{
    public static readonly TimeSpan DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    private readonly EmulatorOptions _options;
    private readonly RateLimiter _limiter;
    private readonly HttpClient _webhookClient;
    private readonly CancellationTokenSource _disposing = new();
    private readonly Lock _gate = new();

    // Everything below is guarded by _gate.
    private readonly List<JsonObject> _pendingUpdates = [];
    private readonly List<SentMessage> _sent = [];
    private readonly Dictionary<(long ChatId, long MessageId), StoredMessage> _messages = [];
    private readonly HashSet<(long ChatId, long MessageId)> _deleted = [];
    private readonly Dictionary<long, long> _lastMessageIdByChat = [];
    private readonly Dictionary<long, TestUser> _users = [];
    private readonly Dictionary<long, TestChat> _chats = [];
    private readonly HashSet<long> _blockedChats = [];
    private readonly List<FailRule> _failRules = [];
    private readonly List<CallbackAnswer> _callbackAnswers = [];
    private readonly HashSet<string> _issuedCallbackIds = [];
    private readonly Dictionary<string, StoredFile> _files = new(StringComparer.Ordinal);
    private readonly List<string> _calls = [];
    private TaskCompletionSource _updateQueued = NewSignal();
    private TaskCompletionSource _stateChanged = NewSignal();
    private TaskCompletionSource? _activePoll;
    private long _lastUpdateId = 999;
    private long _confirmedOffset;
    private long _callbackSequence;
    private long _fileSequence;
    private int _tooManyRequests;
    private int _rateLimitViolations;
    private string? _webhookUrl;
    private string? _webhookSecret;
    private bool _enforceLimits = true;

    private WebApplication? _app;

    private TelegramEmulator(EmulatorOptions options)
    {
        _options = options;
        _limiter = new RateLimiter(options.GlobalMessagesPerSecond, options.PerChatMessagesPerSecond);
        _webhookClient = new HttpClient { Timeout = options.WebhookTimeout };
        BotId = ParseBotId(options.Token);
    }

    /// <summary>Starts the emulator on http://127.0.0.1 with a free port.</summary>
    public static async Task<TelegramEmulator> StartAsync(EmulatorOptions? options = null)
    {
        var emulator = new TelegramEmulator(options ?? new EmulatorOptions());
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            // Room to read an oversized upload to its end before the 413 (see InvokeAsync); beyond that Kestrel cuts it off.
            kestrel.Limits.MaxRequestBodySize = 2 * emulator._options.MaxUploadBytes;
        });
        var app = builder.Build();
        app.Run(emulator.HandleHttpAsync);
        await app.StartAsync();

        emulator._app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.First();
        emulator.BaseUrl = address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        return emulator;
    }

    /// <summary>"http://127.0.0.1:PORT": the bot's Telegram API base URL (Telegram__ApiBaseUrl).</summary>
    public string BaseUrl { get; private set; } = "";

    public string Token => _options.Token;

    public long BotId { get; }

    public string BotUsername => _options.BotUsername;

    public EmulatorOptions Options => _options;

    /// <summary>When false, sends are never refused for exceeding the per-second limits.</summary>
    public bool EnforceLimits
    {
        get { lock (_gate) return _enforceLimits; }
        set { lock (_gate) _enforceLimits = value; }
    }

    /// <summary>A user in a private chat with the bot (chat id == user id). The same id returns the same user.</summary>
    public TestUser User(long userId, string firstName = "Budi", string languageCode = "id")
    {
        lock (_gate)
        {
            if (!_users.TryGetValue(userId, out var user))
            {
                user = new TestUser(this, userId, firstName, languageCode);
                _users[userId] = user;
            }

            return user;
        }
    }

    /// <summary>Another bot (from.is_bot = true); put it in a group with <see cref="TestUser.In"/>.</summary>
    public TestUser OtherBot(long userId, string firstName = "HelperBot")
    {
        lock (_gate)
            return new TestUser(this, userId, firstName, "en", isBot: true);
    }

    /// <summary>A basic group (negative id, as Telegram gives); users write in it through <see cref="TestUser.In"/>.</summary>
    public TestChat Group(long chatId, string title = "Grup IKM") => AddChat(new TestChat(chatId, "group", title));

    /// <summary>A supergroup (id -100…, as Telegram gives).</summary>
    public TestChat Supergroup(long chatId, string title = "Forum IKM") => AddChat(new TestChat(chatId, "supergroup", title));

    /// <summary>A channel the bot administers; posts arrive as channel_post (<see cref="PostToChannelAsync"/>).</summary>
    public TestChat Channel(long chatId, string title = "Kanal IKM") => AddChat(new TestChat(chatId, "channel", title));

    private TestChat AddChat(TestChat chat)
    {
        if (chat.Id >= 0)
            throw new ArgumentOutOfRangeException(nameof(chat), "Telegram gives groups, supergroups and channels negative ids.");
        lock (_gate)
            _chats[chat.Id] = chat;
        return chat;
    }

    /// <summary>Update ids start at 1000 and only increase.</summary>
    public long NextUpdateId()
    {
        lock (_gate)
            return ++_lastUpdateId;
    }

    /// <summary>
    /// Delivers an update the way Telegram would: queued for getUpdates, or, while a webhook is set, POSTed to it
    /// once with its secret (no automatic redelivery; the status is returned for the test to decide).
    /// A missing update_id is assigned.
    /// </summary>
    public Task<DeliveryResult> SubmitUpdateAsync(JsonObject update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return DeliverAsync(() =>
        {
            if (update["update_id"] is JsonValue id && id.TryGetValue(out long given))
                _lastUpdateId = Math.Max(_lastUpdateId, given);
            else
                update["update_id"] = ++_lastUpdateId;
            return update;
        });
    }

    /// <summary>
    /// Builds the update and queues it under one lock, so update ids reach the queue in order even when many users
    /// act at once (otherwise a confirmed offset could skip an update queued late).
    /// </summary>
    internal async Task<DeliveryResult> DeliverAsync(Func<JsonObject> buildLocked)
    {
        JsonObject update;
        long updateId;
        bool useWebhook;
        lock (_gate)
        {
            update = buildLocked();
            updateId = UpdateIdOf(update);
            useWebhook = _webhookUrl is not null;
            if (!useWebhook)
            {
                var index = _pendingUpdates.FindLastIndex(u => UpdateIdOf(u) <= updateId) + 1;
                _pendingUpdates.Insert(index, (JsonObject)update.DeepClone());
                Pulse(ref _updateQueued);
                Pulse(ref _stateChanged);
            }
        }

        if (!useWebhook)
            return new DeliveryResult(updateId, null);
        var status = await PostToWebhookAsync(update);
        return new DeliveryResult(updateId, status);
    }

    /// <summary>POSTs an update to the webhook the bot set, with its secret unless overridden or omitted.</summary>
    public async Task<HttpStatusCode> PostToWebhookAsync(JsonObject update, string? secretOverride = null, bool omitSecret = false)
    {
        ArgumentNullException.ThrowIfNull(update);
        string url;
        string? secret;
        lock (_gate)
        {
            url = _webhookUrl ?? throw new InvalidOperationException("No webhook is set: the bot has not called setWebhook.");
            secret = _webhookSecret;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        var header = secretOverride ?? secret;
        if (!omitSecret && header is not null)
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", header);

        using var response = await _webhookClient.SendAsync(request, _disposing.Token);
        return response.StatusCode;
    }

    /// <summary>
    /// Forgets what one chat saw: the messages sent to it and by it, the files the bot sent it, its user and its
    /// callback queries; message ids keep counting. A long run (the soak benchmark) calls it when a chat's script is
    /// done, so that the emulator's own record does not grow with the run. The next <see cref="User"/> for that id is a
    /// new <see cref="TestUser"/> that reads replies from there on.
    /// </summary>
    public void ForgetChat(long chatId)
    {
        var callbackPrefix = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"cbq-{chatId}-");
        lock (_gate)
        {
            foreach (var sent in _sent)
            {
                if (sent.ChatId == chatId && sent.FileId is { } fileId)
                    _files.Remove(fileId);
            }

            _sent.RemoveAll(m => m.ChatId == chatId);
            foreach (var key in _messages.Keys.Where(k => k.ChatId == chatId).ToList())
                _messages.Remove(key);
            _deleted.RemoveWhere(k => k.ChatId == chatId);
            _users.Remove(chatId);
            _callbackAnswers.RemoveAll(a => a.CallbackQueryId.StartsWith(callbackPrefix, StringComparison.Ordinal));
            _issuedCallbackIds.RemoveWhere(id => id.StartsWith(callbackPrefix, StringComparison.Ordinal));
        }
    }

    /// <summary>Forgets the log of Bot API methods called (<see cref="Calls"/>), for long runs.</summary>
    public void ForgetCalls()
    {
        lock (_gate)
            _calls.Clear();
    }

    /// <summary>Every message the bot successfully sent or edited, in order.</summary>
    public IReadOnlyList<SentMessage> Sent
    {
        get { lock (_gate) return _sent.ToArray(); }
    }

    public IReadOnlyList<SentMessage> SentTo(long chatId)
    {
        lock (_gate)
            return _sent.Where(m => m.ChatId == chatId).ToArray();
    }

    /// <summary>
    /// Raised for every successful send or edit right after it joined <see cref="Sent"/>, in the same order. It runs
    /// on the request's thread while the emulator holds its lock: handlers must be short, must not throw, and should
    /// hand any further work (such as submitting the next update) to another thread. Benchmarks use it to time
    /// replies without polling <see cref="SentTo"/>.
    /// </summary>
    public event Action<SentMessage>? MessageRecorded;

    /// <summary>Every Bot API method called (after the token check), in order, including refused calls.</summary>
    public IReadOnlyList<string> Calls
    {
        get { lock (_gate) return _calls.ToArray(); }
    }

    /// <summary>
    /// Waits until a message to the chat matches (messages sent before the call count too); throws a
    /// <see cref="TimeoutException"/> listing what was sent to that chat.
    /// </summary>
    public Task<SentMessage> WaitForMessageAsync(long chatId, Func<SentMessage, bool>? match = null, TimeSpan? timeout = null)
    {
        var effective = timeout ?? DefaultWaitTimeout;
        return WaitForAsync(
            () => SentTo(chatId).FirstOrDefault(m => match is null || match(m)),
            effective,
            () => $"No message to chat {chatId} matched within {effective.TotalSeconds:0.#} s. {DescribeChat(chatId)}");
    }

    /// <summary>Waits until the condition holds; it is re-checked on every emulator event and at least every 50 ms.</summary>
    public Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var effective = timeout ?? DefaultWaitTimeout;
        return WaitForAsync(
            () => condition() ? "" : null,
            effective,
            () => $"Condition not met within {effective.TotalSeconds:0.#} s. Sent so far: {Sent.Count} message(s).");
    }

    public IReadOnlyList<string> AnsweredCallbackQueryIds
    {
        get { lock (_gate) return _callbackAnswers.Select(a => a.CallbackQueryId).ToArray(); }
    }

    /// <summary>Every answerCallbackQuery with its toast text.</summary>
    public IReadOnlyList<CallbackAnswer> CallbackAnswers
    {
        get { lock (_gate) return _callbackAnswers.ToArray(); }
    }

    /// <summary>Highest offset a getUpdates call confirmed; updates below it were dropped.</summary>
    public long ConfirmedOffset
    {
        get { lock (_gate) return _confirmedOffset; }
    }

    /// <summary>Updates queued for getUpdates and not yet confirmed.</summary>
    public int PendingUpdateCount
    {
        get { lock (_gate) return _pendingUpdates.Count; }
    }

    /// <summary>429 answers given, for any reason (limits or <see cref="FailNext"/>).</summary>
    public int TooManyRequestsCount
    {
        get { lock (_gate) return _tooManyRequests; }
    }

    /// <summary>Sends refused for exceeding a per-second limit (each got a 429).</summary>
    public int RateLimitViolations
    {
        get { lock (_gate) return _rateLimitViolations; }
    }

    public string? WebhookUrl
    {
        get { lock (_gate) return _webhookUrl; }
    }

    public string? WebhookSecret
    {
        get { lock (_gate) return _webhookSecret; }
    }

    /// <summary>The user blocked the bot: further sends and edits to the chat get 403.</summary>
    public void BlockChat(long chatId)
    {
        lock (_gate)
            _blockedChats.Add(chatId);
    }

    public void UnblockChat(long chatId)
    {
        lock (_gate)
            _blockedChats.Remove(chatId);
    }

    /// <summary>
    /// The next <paramref name="count"/> calls answer <paramref name="statusCode"/> and change nothing. With a
    /// method, only calls of that method count; without one, every method except getUpdates (the polling loop would
    /// otherwise swallow the failures; name "getUpdates" to fail polling). Rules queue up in call order.
    /// </summary>
    public void FailNext(int count, int statusCode = 502, string? method = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        lock (_gate)
            _failRules.Add(new FailRule(method, statusCode) { Remaining = count });
    }

    /// <summary>Makes a file available through getFile and GET /file/bot{token}/{file_path}.</summary>
    public void AddFile(string fileId, byte[] content, string? fileName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileId);
        ArgumentNullException.ThrowIfNull(content);
        lock (_gate)
            _files[fileId] = new StoredFile(fileId, content, fileName, $"files/{++_fileSequence}_{SafePathPart(fileName ?? fileId)}");
    }

    public bool IsDeleted(long chatId, long messageId)
    {
        lock (_gate)
            return _deleted.Contains((chatId, messageId));
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposing.IsCancellationRequested)
            return;
        await _disposing.CancelAsync();
        if (_app is not null)
        {
            using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _app.StopAsync(stopTimeout.Token);
            await _app.DisposeAsync();
        }

        // _disposing stays undisposed on purpose: late callers may still read its token.
        _webhookClient.Dispose();
    }

    /// <summary>
    /// The latest version of the newest message in the chat with a button of this label: exact match first,
    /// then a case-insensitive "contains"; deleted messages and buttons removed by edits are skipped.
    /// </summary>
    internal (SentMessage Message, InlineButton Button) FindButton(long chatId, string label)
    {
        List<SentMessage> current;
        lock (_gate)
        {
            current = _sent
                .Where(m => m.ChatId == chatId)
                .Select((m, index) => (m, index))
                .GroupBy(x => x.m.MessageId)
                .Where(g => !_deleted.Contains((chatId, g.Key)))
                .Select(g => g.MaxBy(x => x.index))
                .OrderByDescending(x => x.index)
                .Select(x => x.m)
                .ToList();
        }

        foreach (var comparison in new Func<InlineButton, bool>[]
                 {
                     b => b.Text == label,
                     b => b.Text.Contains(label, StringComparison.OrdinalIgnoreCase),
                 })
        {
            foreach (var message in current)
            {
                var button = message.AllInlineButtons.FirstOrDefault(b => b.CallbackData.Length > 0 && comparison(b));
                if (button is not null)
                    return (message, button);
            }
        }

        var available = current.SelectMany(m => m.AllInlineButtons.Select(b => $"\"{b.Text}\" (message #{m.MessageId})")).ToList();
        throw new InvalidOperationException(
            $"No inline button \"{label}\" in chat {chatId}. Available buttons, newest message first: " +
            (available.Count == 0 ? "none." : string.Join(", ", available) + ".") + $" {DescribeChat(chatId)}");
    }

    internal string DescribeChat(long chatId)
    {
        var sent = SentTo(chatId);
        if (sent.Count == 0)
            return $"Nothing was sent to chat {chatId}.";
        var lines = sent.Select(m => "  " + m);
        return $"Sent to chat {chatId} ({sent.Count}):{Environment.NewLine}{string.Join(Environment.NewLine, lines)}";
    }

    internal async Task<T> WaitForAsync<T>(Func<T?> probe, TimeSpan timeout, Func<string> describeFailure)
        where T : class
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            Task changed;
            lock (_gate)
                changed = _stateChanged.Task;

            if (probe() is { } found)
                return found;

            var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (remaining <= TimeSpan.Zero)
                throw new TimeoutException(describeFailure());
            var nap = remaining < TimeSpan.FromMilliseconds(50) ? remaining : TimeSpan.FromMilliseconds(50);
            await Task.WhenAny(changed, Task.Delay(nap));
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Wakes everyone waiting on the signal and arms a fresh one. Call under the lock.</summary>
    private static void Pulse(ref TaskCompletionSource signal)
    {
        var fired = signal;
        signal = NewSignal();
        fired.TrySetResult();
    }

    private static long ParseBotId(string token)
    {
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && long.TryParse(token.AsSpan(0, colon), out var id) ? id : 1;
    }

    private static string SafePathPart(string name) =>
        new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());

    private sealed record FailRule(string? Method, int StatusCode)
    {
        public int Remaining { get; set; }

        public bool Matches(string method) =>
            Method is null ? method != "getUpdates" : string.Equals(Method, method, StringComparison.OrdinalIgnoreCase);
    }

    private sealed record StoredFile(string FileId, byte[] Content, string? FileName, string FilePath);

    /// <summary>The current version of a message in a chat: what callback queries carry and edits compare against.</summary>
    private sealed record StoredMessage(JsonObject Json, SentMessage Latest, bool FromBot);
}
