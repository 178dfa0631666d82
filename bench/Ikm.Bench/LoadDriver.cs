using System.Diagnostics;
using System.Text.Json.Nodes;
using Ikm.TestKit;

namespace Ikm.Bench;

/// <summary>How a reply's latency is attributed to the measured window.</summary>
internal enum WindowRule
{
    /// <summary>Replies received inside the window (closed loop: every reply triggers the next update).</summary>
    ByReply,

    /// <summary>Updates offered (scheduled) inside the window, whenever their reply comes (open loop).</summary>
    ByOffer,
}

/// <summary>
/// Offers updates from many synthetic private chats through the emulator and matches each reply the emulator
/// records to its update: per chat, replies come in update order and each update here yields exactly one reply
/// (checked), so the next reply to a chat belongs to its oldest outstanding update.
/// </summary>
/// <remarks>
/// The texts alternate "/menu" and "halo". For a chat whose user never joined, both give exactly one reply in every
/// state (ConversationEngine): /menu closes any flow and starts onboarding, which asks for the language; plain text
/// with onboarding open gets the flow's help, again the language question. ("/bantuan" would give two replies while
/// a flow is open.) Nothing is stored per member, so the conversations stay small and the same size.
/// </remarks>
internal sealed class LoadDriver
{
    public const long FirstChatId = 5_000_000_000;

    private readonly TelegramEmulator _emulator;
    private readonly int _chats;
    private readonly WindowRule _rule;
    private readonly Lock _gate = new();

    // Guarded by _gate.
    private readonly Queue<long>[] _outstanding;
    private readonly int[] _updatesPerChat;
    private readonly List<long> _latencyTicks = new(1 << 18);
    private readonly List<(long OfferedAt, long Ticks)> _offeredLatencies = [];
    private readonly List<(SentMessage Message, long At)> _extras = [];
    private long _windowStart = long.MaxValue;
    private long _windowEnd = long.MaxValue;
    private long _offered;
    private long _replied;
    private long _repliesInWindow;
    private long _unexpected;
    private long _pending;

    public LoadDriver(TelegramEmulator emulator, int chats, WindowRule rule)
    {
        _emulator = emulator;
        _chats = chats;
        _rule = rule;
        _outstanding = new Queue<long>[chats];
        for (var i = 0; i < chats; i++)
            _outstanding[i] = new Queue<long>(2);
        _updatesPerChat = new int[chats];
        emulator.MessageRecorded += OnMessageRecorded;
    }

    /// <summary>
    /// Called with the chat index after each matched reply, on the emulator's request thread and under its lock
    /// (see <see cref="TelegramEmulator.MessageRecorded"/>): it must only hand the work off.
    /// </summary>
    public Action<int>? ReplyMatched { get; set; }

    public long Offered { get { lock (_gate) return _offered; } }

    public long Replied { get { lock (_gate) return _replied; } }

    public long RepliesInWindow { get { lock (_gate) return _repliesInWindow; } }

    /// <summary>Messages to a bench chat with no outstanding update: more than one reply to an update.</summary>
    public long Unexpected { get { lock (_gate) return _unexpected; } }

    /// <summary>Updates offered and not answered yet.</summary>
    public long Pending { get { lock (_gate) return _pending; } }

    /// <summary>Also keep each reply's latency with its offer time, to split one run into phases afterwards.</summary>
    public bool KeepOfferTimes { get; init; }

    /// <summary>Every matched reply's (offered at, latency) in Stopwatch ticks; empty unless <see cref="KeepOfferTimes"/>.</summary>
    public (long OfferedAt, long Ticks)[] OfferedLatencies()
    {
        lock (_gate)
            return [.. _offeredLatencies];
    }

    public void SetWindow(long startTimestamp, long endTimestamp)
    {
        lock (_gate)
        {
            _windowStart = startTimestamp;
            _windowEnd = endTimestamp;
        }
    }

    /// <summary>Offers the next update of a chat; <paramref name="offeredAt"/> is the Stopwatch timestamp latency counts from.</summary>
    public void Offer(int chatIndex, long offeredAt)
    {
        int sequence;
        lock (_gate)
        {
            _outstanding[chatIndex].Enqueue(offeredAt);
            sequence = ++_updatesPerChat[chatIndex];
            _offered++;
            _pending++;
        }

        // Completes synchronously in polling mode: the update is queued for the bot's next getUpdates.
        _ = _emulator.SubmitUpdateAsync(TextUpdate(FirstChatId + chatIndex, sequence, sequence % 2 == 0 ? "halo" : "/menu"));
    }

    /// <summary>
    /// The first extra replies, each with the chat's back-to-back messages of the same text (replies alternate
    /// between two texts here, so two in a row are one message sent twice), timed from <paramref name="hostStarted"/>.
    /// </summary>
    public IReadOnlyList<string> DescribeExtras(DateTimeOffset hostStarted)
    {
        List<(SentMessage Message, long At)> extras;
        lock (_gate)
            extras = [.. _extras];
        return extras.Select(extra =>
        {
            var chat = extra.Message.ChatId;
            int updates;
            lock (_gate)
                updates = _updatesPerChat[(int)(chat - FirstChatId)];
            var history = _emulator.SentTo(chat);
            var twice = history.Zip(history.Skip(1))
                .Where(pair => pair.First.Text == pair.Second.Text)
                .Select(pair => FormattableString.Invariant(
                    $"#{pair.First.MessageId} and #{pair.Second.MessageId} \"{Shorten(pair.First.Text)}\" at {(pair.First.At - hostStarted).TotalSeconds:0.000} s and {(pair.Second.At - hostStarted).TotalSeconds:0.000} s"));
            return FormattableString.Invariant(
                $"chat {chat}: {updates} updates, {history.Count} messages; same text twice in a row: {string.Join("; ", twice)} (times from the bot host's start)");
        }).ToList();
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 20 ? text : text[..20] + "…";

    public long[] LatencyTicks()
    {
        lock (_gate)
            return [.. _latencyTicks];
    }

    public async Task<bool> WaitDrainedAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Pending > 0)
        {
            if (Stopwatch.GetTimestamp() > deadline)
                return false;
            await Task.Delay(20);
        }

        // A late duplicate reply would show up as Unexpected: give the outbox a moment to send anything extra.
        await Task.Delay(300);
        return true;
    }

    public void Detach() => _emulator.MessageRecorded -= OnMessageRecorded;

    private void OnMessageRecorded(SentMessage message)
    {
        var now = Stopwatch.GetTimestamp();
        var index = message.ChatId - FirstChatId;
        if (index < 0 || index >= _chats)
            return;
        lock (_gate)
        {
            if (!_outstanding[index].TryDequeue(out var offeredAt))
            {
                _unexpected++;
                if (_extras.Count < 20)
                    _extras.Add((message, now));
                return;
            }

            _replied++;
            _pending--;
            if (KeepOfferTimes)
                _offeredLatencies.Add((offeredAt, now - offeredAt));
            var replyInWindow = now >= _windowStart && now < _windowEnd;
            if (replyInWindow)
                _repliesInWindow++;
            var counts = _rule == WindowRule.ByReply
                ? replyInWindow
                : offeredAt >= _windowStart && offeredAt < _windowEnd;
            if (counts)
                _latencyTicks.Add(now - offeredAt);
        }

        ReplyMatched?.Invoke((int)index);
    }

    /// <summary>A private-chat text message as Telegram delivers it; the emulator assigns the update id.</summary>
    private static JsonObject TextUpdate(long chatId, int messageId, string text)
    {
        var message = new JsonObject
        {
            ["message_id"] = messageId,
            ["from"] = new JsonObject { ["id"] = chatId, ["is_bot"] = false, ["first_name"] = "Bench", ["language_code"] = "id" },
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = "Bench" },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["text"] = text,
        };
        if (text.StartsWith('/'))
            message["entities"] = new JsonArray(new JsonObject { ["offset"] = 0, ["length"] = text.Length, ["type"] = "bot_command" });
        return new JsonObject { ["message"] = message };
    }
}
