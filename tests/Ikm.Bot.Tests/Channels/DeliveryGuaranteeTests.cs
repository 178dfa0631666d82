using System.Net;
using Ikm.Bot.Channels.Telegram;
using Ikm.Bot.Tests.Support;
using Ikm.TestKit;
using Ikm.Workflow.Conversations;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Storage;
using Microsoft.Extensions.DependencyInjection;
using Stateless.Reflection;

namespace Ikm.Bot.Tests.Channels;

/// <summary>DESIGN §3: at-least-once in, exactly-once effect; offset/200 only after the write; poison updates acknowledged.</summary>
public sealed class DeliveryGuaranteeTests
{
    [Fact]
    public async Task Webhook_Returns401_WithoutOrWithWrongSecret()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, TelegramMode.Webhook);

        Assert.Equal(HttpStatusCode.Unauthorized, await emulator.PostToWebhookAsync(Updates.Text(5001, 201, "/start"), omitSecret: true));
        Assert.Equal(HttpStatusCode.Unauthorized, await emulator.PostToWebhookAsync(Updates.Text(5002, 201, "/start"), secretOverride: "wrong"));
        Assert.Equal(HttpStatusCode.OK, await emulator.PostToWebhookAsync(Updates.Text(5003, 201, "/start")));
        await emulator.WaitForMessageAsync(201);
        await bot.Dispatcher.WaitForScansAsync(2, TimeSpan.FromSeconds(5));
        Assert.Single(emulator.SentTo(201));
    }

    [Fact]
    public async Task Webhook_RepliesOnce_WhenTheSameUpdateIsDeliveredTwice()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, TelegramMode.Webhook);
        var update = Updates.Text(6001, 202, "/start");

        Assert.Equal(HttpStatusCode.OK, await emulator.PostToWebhookAsync(update));
        Assert.Equal(HttpStatusCode.OK, await emulator.PostToWebhookAsync(update.DeepClone().AsObject()));
        await emulator.WaitForMessageAsync(202);
        await bot.Dispatcher.WaitForScansAsync(2, TimeSpan.FromSeconds(5));

        Assert.Single(emulator.SentTo(202));
        // The outbox ids alone would hide a re-executed update (same reply id, ignored): the store must show one run.
        var conversation = await bot.Store.GetConversationAsync(202, CancellationToken.None);
        Assert.Equal(1, conversation!.Version);
        Assert.Equal([6001L], conversation.RecentUpdateIds);
        Assert.Equal(1, await bot.CountOutboxRowsAsync(202));
    }

    [Fact]
    public async Task Webhook_HandlesBoth_WhenUpdatesOfOneChatArriveOutOfOrder()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, TelegramMode.Webhook);

        Assert.Equal(HttpStatusCode.OK, await emulator.PostToWebhookAsync(Updates.Text(7002, 203, "/bantuan")));
        Assert.Equal(HttpStatusCode.OK, await emulator.PostToWebhookAsync(Updates.Text(7001, 203, "/start")));
        await emulator.WaitUntilAsync(() => emulator.SentTo(203).Count >= 2);

        var conversation = await bot.Store.GetConversationAsync(203, CancellationToken.None);
        Assert.Contains(7001L, conversation!.RecentUpdateIds);
        Assert.Contains(7002L, conversation.RecentUpdateIds);
        Assert.Contains(emulator.SentTo(203), m => m.Text!.Contains("Selamat datang"));
    }

    [Theory]
    [InlineData(TelegramMode.Polling)]
    [InlineData(TelegramMode.Webhook)]
    public async Task PoisonUpdate_IsRecordedAndApologised_AndLaterUpdatesStillHandled(TelegramMode mode)
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, mode, services: s => s.AddSingleton<IFlow, ExplodingFlow>());
        await SeedConversationAsync(bot.Store, 204, ExplodingFlow.FlowName);
        var budi = emulator.User(204);

        await budi.SendTextAsync("satu");
        Assert.Equal("ok satu", (await budi.NextReplyAsync()).Text);
        var poison = await budi.SendTextAsync("meledak");
        Assert.Contains("Maaf, terjadi kesalahan", (await budi.NextReplyAsync()).Text);
        await budi.SendTextAsync("dua");
        Assert.Equal("ok dua", (await budi.NextReplyAsync()).Text);

        var failed = await bot.Store.GetFailedUpdatesAsync(CancellationToken.None);
        var record = Assert.Single(failed);
        Assert.Equal(poison, record.UpdateId);
        Assert.Equal(204, record.ChatId);
        Assert.Contains("InvalidOperationException", record.ErrorType);
    }

    [Fact]
    public async Task Webhook_Answers503WhileStoreDown_AndHandlesTheRedeliveryAfterwards()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, TelegramMode.Webhook);
        var update = Updates.Text(8001, 205, "/start");

        bot.Store.Down = true;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await emulator.PostToWebhookAsync(update));
        using (var http = new HttpClient())
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync(bot.Address + "/health")).StatusCode);
        Assert.Empty(emulator.SentTo(205));

        bot.Store.Down = false;
        Assert.Equal(HttpStatusCode.OK, await emulator.PostToWebhookAsync(update.DeepClone().AsObject()));
        Assert.Contains("Selamat datang", (await emulator.WaitForMessageAsync(205)).Text);
        using (var http = new HttpClient())
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(bot.Address + "/health")).StatusCode);
    }

    [Fact]
    public async Task Polling_DoesNotConfirmOffsetWhileStoreDown_AndLosesNothing()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var budi = emulator.User(206);
        var ani = emulator.User(207);

        bot.Store.Down = true;
        var first = await budi.SendTextAsync("/start");
        await ani.SendTextAsync("/start");
        // Several attempts refused (the first batch and its retries): the offset must still stand.
        await emulator.WaitUntilAsync(() => bot.Store.RefusedBatches >= 3, TimeSpan.FromSeconds(15));
        Assert.True(emulator.ConfirmedOffset <= first, $"offset {emulator.ConfirmedOffset} moved past update {first} while the store was down");
        Assert.Empty(emulator.SentTo(206));

        bot.Store.Down = false;
        Assert.Contains("Selamat datang", (await budi.NextReplyAsync(TimeSpan.FromSeconds(15))).Text);
        Assert.Contains("Selamat datang", (await ani.NextReplyAsync(TimeSpan.FromSeconds(15))).Text);
        await emulator.WaitUntilAsync(() => emulator.ConfirmedOffset > first + 1);
        Assert.Single(emulator.SentTo(206));
    }

    [Fact]
    public async Task Dispatcher_StaysWithinTelegramLimits_WhenManyRepliesAreDue()
    {
        await using var emulator = await TelegramEmulator.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, settings: new Dictionary<string, string?>
        {
            ["Telegram:MaxMessagesPerSecond"] = "30",
            ["Telegram:MaxMessagesPerChatPerSecond"] = "1",
        });
        var users = Enumerable.Range(300, 40).Select(id => emulator.User(id)).ToList();
        foreach (var user in users)
            await user.SendTextAsync("/start");
        var chatty = emulator.User(399);
        await chatty.SendTextAsync("/start");
        await chatty.SendTextAsync("/bantuan");
        await chatty.SendTextAsync("/menu");

        await emulator.WaitUntilAsync(() => emulator.Sent.Count >= 40 + 4, TimeSpan.FromSeconds(20));
        Assert.Equal(0, emulator.TooManyRequestsCount);
        var toChatty = emulator.SentTo(399);
        for (var i = 1; i < toChatty.Count; i++)
            Assert.True(toChatty[i].At - toChatty[i - 1].At >= TimeSpan.FromMilliseconds(950), "per-chat spacing below 1 s");
    }

    [Fact]
    public async Task Dispatcher_MarksChatUnreachable_WhenBlocked()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var budi = emulator.User(208);
        await budi.SendTextAsync("/start");
        await budi.NextReplyAsync();
        await budi.PressAsync("Bahasa Indonesia");
        await budi.NextReplyAsync();
        await budi.PressAsync("Pemilik IKM");
        await budi.NextReplyAsync();

        emulator.BlockChat(208);
        await budi.SendTextAsync("/menu");
        await emulator.WaitUntilAsync(() => bot.Store.GetMemberAsync(208, CancellationToken.None).Result?.Unreachable == true);
        Assert.Equal(3, emulator.SentTo(208).Count);
    }

    [Fact]
    public async Task Dispatcher_RetriesAndDeliversOnce_After5xxBurst()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        emulator.FailNext(3, 502, "sendMessage");
        var budi = emulator.User(209);
        await budi.SendTextAsync("/start");
        Assert.Contains("Selamat datang", (await budi.NextReplyAsync(TimeSpan.FromSeconds(15))).Text);
        await bot.Dispatcher.WaitIdleAsync(TimeSpan.FromSeconds(5));
        Assert.Single(emulator.SentTo(209));
    }

    private static Task SeedConversationAsync(IBotStore store, long chatId, string flow)
    {
        var conversation = Conversation.New(chatId, chatId, "id");
        conversation.Flow = flow;
        conversation.State = "Open";
        return store.CommitAsync([new ChangeSet { Conversation = conversation }], CancellationToken.None);
    }

    /// <summary>A flow with a bug: it throws on "meledak" (explode) and echoes anything else.</summary>
    private sealed class ExplodingFlow : IFlow
    {
        public const string FlowName = "exploding";

        public string Name => FlowName;

        public Task StartAsync(TurnContext context) => Task.CompletedTask;

        public Task HandleAsync(TurnContext context)
        {
            context.Conversation.Data["seen"] = context.Message.Text ?? "";
            if (context.Message.Text == "meledak")
                throw new InvalidOperationException("a bug in a flow");
            context.Reply("ok " + context.Message.Text);
            return Task.CompletedTask;
        }

        public Task HelpAsync(TurnContext context)
        {
            context.Reply("help");
            return Task.CompletedTask;
        }

        public Task<bool> BackAsync(TurnContext context) => Task.FromResult(false);

        public StateMachineInfo Describe() => throw new NotSupportedException();
    }
}
