using Ikm.Bot.Tests.Support;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ikm.Bot.Tests.Channels;

/// <summary>
/// Issue 9 item 7 (inbound flood control): a chat sending more than Bot:FloodLimit updates in Bot:FloodWindowSeconds
/// gets its replies collapsed into one notice, its updates acknowledged and remembered, no flow run; other chats in
/// the same batches are served as usual; after the window the chat is served again.
/// </summary>
public sealed class FloodControlTests
{
    private const string Notice = "⏳ Pesan Anda banyak sekali — tunggu sebentar, lalu kirim lagi.";
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string?> FloodSettings() => new()
    {
        ["Bot:FloodLimit"] = "20",
        ["Bot:FloodWindowSeconds"] = "10",
    };

    [Fact]
    public async Task FloodOf300_GetsTwentyRepliesAndOneNotice_WhileAnotherChatIsServed_AndIsServedAgainAfterTheWindow()
    {
        var time = new FakeTimeProvider(Start);
        await using var telegram = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(telegram, settings: FloodSettings(), services: s => s.AddSingleton<TimeProvider>(time));
        var flooder = telegram.User(4301, "Banjir");
        var calm = telegram.User(4302, "Tenang");

        long lastUpdate = 0;
        for (var i = 0; i < 300; i++)
        {
            lastUpdate = await flooder.SendTextAsync("halo");
            if (i % 30 == 0)
                lastUpdate = await calm.SendTextAsync("halo");
            // 300 updates over 3 s of the bot's clock: well inside one 10 s window.
            time.Advance(TimeSpan.FromMilliseconds(10));
        }

        await telegram.WaitUntilAsync(() => telegram.ConfirmedOffset > lastUpdate, TimeSpan.FromSeconds(60));
        await bot.Dispatcher.WaitIdleAsync(TimeSpan.FromSeconds(30));
        var flooded = telegram.SentTo(flooder.ChatId);
        Assert.Equal(21, flooded.Count);
        Assert.Single(flooded, m => m.Text == Notice);
        var served = telegram.SentTo(calm.ChatId);
        Assert.Equal(10, served.Count);
        Assert.DoesNotContain(served, m => m.Text == Notice);
        Assert.Contains(lastUpdate - 1, (await bot.Store.GetConversationAsync(flooder.ChatId, CancellationToken.None))!.RecentUpdateIds);

        time.Advance(TimeSpan.FromSeconds(10));
        flooder.SkipReplies();
        await flooder.SendTextAsync("halo");

        var reply = await flooder.NextReplyAsync();
        Assert.NotEqual(Notice, reply.Text);
        Assert.Equal(flooded.Last(m => m.Text != Notice).Text, reply.Text);
    }

    [Fact]
    public async Task FloodedUpdates_RunNoFlowAndWriteNoDocument_AndAReplayOfThemRunsNothing()
    {
        const long chatId = 4311;
        var time = new FakeTimeProvider(Start);
        await using var telegram = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(telegram, settings: FloodSettings(), services: s => s
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<IFlow, VisitPerUpdateFlow>());
        await VisitPerUpdateFlow.OpenAsync(bot.Store, chatId);
        var intake = bot.App.Services.GetRequiredService<UpdateIntake>();
        var documents = bot.App.Services.GetRequiredService<IDocumentStore>();
        List<IncomingMessage> batch = [.. Enumerable.Range(1, 50).Select(i => new IncomingMessage
        {
            UpdateId = 97_000 + i,
            ChatId = chatId,
            UserId = chatId,
            Kind = IncomingKind.Text,
            Text = "kunjungan",
            LanguageCode = "id",
        })];

        var outcome = await intake.SubmitAsync(batch, CancellationToken.None);

        Assert.Equal(new BatchOutcome(Handled: 20, Duplicates: 0, Failed: 0, Throttled: 30), outcome);
        Assert.Equal(20, (await documents.AllAsync<Visit>(CancellationToken.None)).Count);
        Assert.Equal(21, await bot.CountOutboxRowsAsync(chatId));
        Assert.Equal(batch.Select(u => u.UpdateId), (await bot.Store.GetConversationAsync(chatId, CancellationToken.None))!.RecentUpdateIds);

        time.Advance(TimeSpan.FromSeconds(30));
        var replay = await intake.SubmitAsync(batch, CancellationToken.None);

        Assert.Equal(new BatchOutcome(Handled: 0, Duplicates: 50, Failed: 0, Throttled: 0), replay);
        Assert.Equal(20, (await documents.AllAsync<Visit>(CancellationToken.None)).Count);
        Assert.Equal(21, await bot.CountOutboxRowsAsync(chatId));
    }
}
