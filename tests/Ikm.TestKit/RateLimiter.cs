using System.Diagnostics;

namespace Ikm.TestKit;

/// <summary>
/// Telegram's send limits as sliding one-second windows, global and per chat. Not thread-safe: the emulator calls
/// it under its own lock. Uses the monotonic clock, never the emulator's (possibly fake) <see cref="TimeProvider"/>.
/// </summary>
internal sealed class RateLimiter(int globalPerSecond, int perChatPerSecond)
{
    private static readonly long Window = Stopwatch.Frequency;

    private readonly Queue<long> _global = new();
    private readonly Dictionary<long, Queue<long>> _perChat = [];

    /// <summary>Takes a slot for one send to the chat, or says how many whole seconds to wait (at least 1).</summary>
    public bool TryAcquire(long chatId, out int retryAfterSeconds)
    {
        var now = Stopwatch.GetTimestamp();
        if (!_perChat.TryGetValue(chatId, out var chat))
        {
            chat = new Queue<long>();
            _perChat[chatId] = chat;
        }

        Prune(_global, now);
        Prune(chat, now);

        long waitTicks = 0;
        if (_global.Count >= globalPerSecond)
            waitTicks = Math.Max(waitTicks, _global.Peek() + Window - now);
        if (chat.Count >= perChatPerSecond)
            waitTicks = Math.Max(waitTicks, chat.Peek() + Window - now);

        if (_global.Count >= globalPerSecond || chat.Count >= perChatPerSecond)
        {
            retryAfterSeconds = Math.Max(1, (int)Math.Ceiling((double)waitTicks / Window));
            return false;
        }

        _global.Enqueue(now);
        chat.Enqueue(now);
        retryAfterSeconds = 0;
        return true;
    }

    private static void Prune(Queue<long> sends, long now)
    {
        while (sends.Count > 0 && now - sends.Peek() >= Window)
            sends.Dequeue();
    }
}
