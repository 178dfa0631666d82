using Ikm.Bot.Tests.Support;
using Ikm.TestKit;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Members;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Mentoring.Rules;
using Ikm.Workflow.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ikm.Bot.Tests.Scheduler.Outbox;

/// <summary>
/// Issue 6 item 4 through the real host and the emulator with Telegram's limits (30 msg/s overall, 1/s per chat):
/// proactive messages queued with <see cref="NotificationWriter"/> survive a 429 storm and a 5xx burst, each delivered
/// exactly once; at the bot's default caps the emulator's limits are never breached; a chat that blocked the bot is
/// marked unreachable and gets no further attempts; quiet hours hold a reminder until morning.
/// </summary>
public sealed class OutboxResilienceTests
{
    private const int Chats = 100;
    private const int PerChat = 2;
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(14);

    private static Dictionary<string, string?> Caps(double global, double perChat) => new()
    {
        ["Telegram:MaxMessagesPerSecond"] = global.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Telegram:MaxMessagesPerChatPerSecond"] = perChat.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Telegram:ScanInterval"] = "00:00:00.200",
    };

    /// <summary>PerChat messages to each of Chats chats (ids from <paramref name="firstChat"/>); the text is the id.</summary>
    private static List<OutgoingMessage> Reminders(string tag, long firstChat) =>
    [
        .. from n in Enumerable.Range(0, PerChat)
           from c in Enumerable.Range(0, Chats)
           let id = $"{tag}:{firstChat + c}:{n}"
           select new OutgoingMessage { Id = id, ChatId = firstChat + c, Text = id },
    ];

    private static async Task WriteAsync(BotUnderTest bot, IReadOnlyList<OutgoingMessage> messages) =>
        await bot.App.Services.GetRequiredService<NotificationWriter>().WriteAsync(messages, CancellationToken.None);

    /// <summary>Waits for every message, lets the dispatcher settle, then asserts each text arrived exactly once and in order per chat.</summary>
    private static async Task AssertDeliveredExactlyOnceAsync(TelegramEmulator telegram, BotUnderTest bot, IReadOnlyList<OutgoingMessage> expected, string tag)
    {
        var ids = expected.Select(m => m.Id).ToHashSet();
        await telegram.WaitUntilAsync(() => telegram.Sent.Count(m => m.Text is { } t && ids.Contains(t)) >= ids.Count, DeliveryTimeout);
        await bot.Dispatcher.WaitForScansAsync(3, TimeSpan.FromSeconds(5)); // anything sent twice would show now

        var sent = telegram.Sent.Where(m => m.Text?.StartsWith(tag + ":", StringComparison.Ordinal) == true).ToList();
        var twice = sent.GroupBy(m => m.Text).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"sent more than once: {string.Join(", ", twice.Take(10))}");
        Assert.Equal(ids.Order(), sent.Select(m => m.Text!).Order());
        foreach (var chat in sent.GroupBy(m => m.ChatId))
        {
            Assert.Equal(chat.Select(m => m.Text), chat.Select(m => m.Text).Order(StringComparer.Ordinal));
            Assert.All(chat, m => Assert.Equal(m.ChatId, long.Parse(m.Text!.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture)));
        }

        foreach (var id in ids)
            Assert.Equal(OutboxStatus.Sent, (await bot.Store.GetOutboxEntryAsync(id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task TooManyRequestsStorm_EveryMessageDeliveredExactlyOnce()
    {
        await using var telegram = await TelegramEmulator.StartAsync(); // Telegram's limits: 30/s, 1/s per chat
        // Caps far above the emulator's limits: the emulator answers a storm of 429s that the dispatcher must wait out.
        // (A 429 for the bot's own limit pauses every chat, so a cap just above 30/s would meet only a few.)
        await using var bot = await BotUnderTest.StartAsync(telegram, settings: Caps(global: 1000, perChat: 5));
        var messages = Reminders("storm", 1001);

        await WriteAsync(bot, messages);

        await AssertDeliveredExactlyOnceAsync(telegram, bot, messages, "storm");
        Assert.True(telegram.TooManyRequestsCount >= 20, $"expected a 429 storm, got {telegram.TooManyRequestsCount} 429s");
    }

    [Fact]
    public async Task ServerErrorBurst_EveryMessageDeliveredExactlyOnce_WithinTheLimits()
    {
        await using var telegram = await TelegramEmulator.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(telegram, settings: Caps(global: 30, perChat: 1));
        telegram.FailNext(20, 502, "sendMessage");
        var messages = Reminders("burst", 2001);

        await WriteAsync(bot, messages);

        await AssertDeliveredExactlyOnceAsync(telegram, bot, messages, "burst");
        Assert.Equal(messages.Count + 20, telegram.Calls.Count(c => c == "sendMessage"));
        Assert.Equal(0, telegram.RateLimitViolations);
    }

    [Fact]
    public async Task DefaultCaps_NeverBreachTheEmulatorsLimits()
    {
        await using var telegram = await TelegramEmulator.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(telegram, settings: Caps(global: 30, perChat: 1));
        var messages = Reminders("paced", 3001);

        await WriteAsync(bot, messages);

        await AssertDeliveredExactlyOnceAsync(telegram, bot, messages, "paced");
        Assert.Equal(0, telegram.RateLimitViolations);
        Assert.Equal(0, telegram.TooManyRequestsCount);
    }

    [Fact]
    public async Task BlockedChat_MarkedUnreachable_AndLaterMessagesNotAttempted()
    {
        await using var telegram = await TelegramEmulator.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(telegram, settings: Caps(global: 30, perChat: 1));
        const long blocked = 4001;
        await bot.Store.CommitAsync(
            [new ChangeSet { Members = [new Member { UserId = blocked, ChatId = blocked, Role = MemberRole.Mentor, JoinedAt = DateTimeOffset.UtcNow }] }],
            CancellationToken.None);
        telegram.BlockChat(blocked);

        // Two queued for the blocked chat (the second is dropped with the first's 403), one for another chat.
        await WriteAsync(bot,
        [
            new OutgoingMessage { Id = "block:1", ChatId = blocked, Text = "block:1" },
            new OutgoingMessage { Id = "block:2", ChatId = blocked, Text = "block:2" },
            new OutgoingMessage { Id = "block:other", ChatId = 4002, Text = "block:other" },
        ]);
        await telegram.WaitUntilAsync(() => bot.Store.GetMemberAsync(blocked, CancellationToken.None).Result?.Unreachable == true, DeliveryTimeout);
        await telegram.WaitForMessageAsync(4002, m => m.Text == "block:other");
        await bot.Dispatcher.WaitIdleAsync(TimeSpan.FromSeconds(5));
        var attempts = telegram.Calls.Count(c => c == "sendMessage");
        Assert.Equal(OutboxStatus.Dropped, (await bot.Store.GetOutboxEntryAsync("block:2", CancellationToken.None))!.Status);

        // A later reminder to the blocked chat: dropped without a send, also after the store scans.
        await WriteAsync(bot, [new OutgoingMessage { Id = "block:later", ChatId = blocked, Text = "block:later" }]);
        await telegram.WaitUntilAsync(() => bot.Store.GetOutboxEntryAsync("block:later", CancellationToken.None).Result?.Status == OutboxStatus.Dropped, DeliveryTimeout);
        await bot.Dispatcher.WaitForScansAsync(3, TimeSpan.FromSeconds(5));
        Assert.Equal(attempts, telegram.Calls.Count(c => c == "sendMessage"));
        Assert.Empty(telegram.SentTo(blocked));

        // The user unblocks the bot and writes to it: the reply goes out (an update from the chat proves it is reachable).
        telegram.UnblockChat(blocked);
        await telegram.User(blocked).SendTextAsync("/start");
        await telegram.WaitForMessageAsync(blocked);
    }

    [Fact]
    public async Task QuietHours_HoldAReminderUntilSixLocal_ThenSendItOnce()
    {
        var wita = new ProgramCalendar("Asia/Makassar");
        var day = new DateOnly(2026, 11, 23);
        var clock = new FakeTimeProvider(wita.ToUtc(day, new TimeOnly(22, 15)));
        await using var telegram = await TelegramEmulator.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(telegram, settings: Caps(global: 30, perChat: 1),
            services: s => s.AddSingleton<TimeProvider>(clock));
        var writer = bot.App.Services.GetRequiredService<NotificationWriter>();
        var reminder = new OutgoingMessage { Id = "reminder:quiet:5001:2026-W48", ChatId = 5001, Text = "Pengingat kunjungan" };

        await writer.WriteAsync([reminder], wita, CancellationToken.None);

        var stored = await bot.Store.GetOutboxEntryAsync(reminder.Id, CancellationToken.None);
        Assert.Equal(wita.ToUtc(day.AddDays(1), new TimeOnly(6, 0)), stored!.Message.NotBefore);
        clock.SetUtcNow(wita.ToUtc(day.AddDays(1), new TimeOnly(5, 59)));
        await bot.Dispatcher.WaitForScansAsync(3, TimeSpan.FromSeconds(5)); // several store scans at 05:59
        Assert.Empty(telegram.SentTo(5001));

        clock.SetUtcNow(wita.ToUtc(day.AddDays(1), new TimeOnly(6, 0)));
        await telegram.WaitForMessageAsync(5001, timeout: TimeSpan.FromSeconds(5));
        await writer.WriteAsync([reminder], wita, CancellationToken.None); // the job runs again: nothing new
        await bot.Dispatcher.WaitForScansAsync(3, TimeSpan.FromSeconds(5));
        Assert.Single(telegram.SentTo(5001));
        Assert.Equal(OutboxStatus.Sent, (await bot.Store.GetOutboxEntryAsync(reminder.Id, CancellationToken.None))!.Status);
    }
}
