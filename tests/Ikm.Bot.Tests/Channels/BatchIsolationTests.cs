using Ikm.Bot.Tests.Support;
using Ikm.Workflow.Conversations;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Storage;
using Microsoft.Extensions.DependencyInjection;
using Stateless.Reflection;

namespace Ikm.Bot.Tests.Channels;

/// <summary>DESIGN §3: a batch never fails for one chat's data; an outage still confirms nothing.</summary>
public sealed class BatchIsolationTests
{
    private static IncomingMessage Text(long updateId, long chatId, string text) => new()
    {
        UpdateId = updateId,
        ChatId = chatId,
        UserId = chatId,
        Kind = text.StartsWith('/') ? IncomingKind.Command : IncomingKind.Text,
        Text = text,
        LanguageCode = "id",
    };

    [Fact]
    public async Task Batch_FailsOnlyThePoisonChat_WhenOneMemberCannotBeRead()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        bot.Store.UnreadableMember = 501;
        var intake = bot.App.Services.GetRequiredService<UpdateIntake>();

        var outcome = await intake.SubmitAsync(
            [Text(90_001, 500, "/start"), Text(90_002, 501, "/start"), Text(90_003, 501, "/bantuan"), Text(90_004, 502, "/start")],
            CancellationToken.None);

        Assert.Equal(new BatchOutcome(Handled: 2, Duplicates: 0, Failed: 2), outcome);
        Assert.Contains("Selamat datang", (await emulator.WaitForMessageAsync(500)).Text);
        Assert.Contains("Selamat datang", (await emulator.WaitForMessageAsync(502)).Text);
        Assert.Contains("Maaf, terjadi kesalahan", (await emulator.WaitForMessageAsync(501)).Text);
        var failed = await bot.Store.GetFailedUpdatesAsync(CancellationToken.None);
        Assert.Equal([90_002L, 90_003L], failed.Select(f => f.UpdateId).Order());
        Assert.All(failed, f => Assert.Equal((501L, "System.IO.InvalidDataException"), (f.ChatId, f.ErrorType)));
        Assert.Equal(1, (await bot.Store.GetConversationAsync(500, CancellationToken.None))!.Version);
        Assert.Equal(1, (await bot.Store.GetConversationAsync(502, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task Polling_ConfirmsTheBatch_WhenOneMemberCannotBeRead()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        bot.Store.UnreadableMember = 504;

        var poison = await emulator.User(504).SendTextAsync("/start");
        var healthy = await emulator.User(505).SendTextAsync("/start");

        Assert.Contains("Selamat datang", (await emulator.WaitForMessageAsync(505)).Text);
        Assert.Contains("Maaf, terjadi kesalahan", (await emulator.WaitForMessageAsync(504)).Text);
        await emulator.WaitUntilAsync(() => emulator.ConfirmedOffset > Math.Max(poison, healthy));
        Assert.Equal(poison, Assert.Single(await bot.Store.GetFailedUpdatesAsync(CancellationToken.None)).UpdateId);
    }

    [Fact]
    public async Task Batch_FailsOnlyThePoisonChat_WhenItsCommitPlanIsRejected()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s => s.AddSingleton<IFlow, BadDocumentFlow>());
        var poison = Conversation.New(511, 511, "id");
        poison.Flow = BadDocumentFlow.FlowName;
        poison.State = "Open";
        await bot.Store.CommitAsync([new ChangeSet { Conversation = poison }], CancellationToken.None);
        var intake = bot.App.Services.GetRequiredService<UpdateIntake>();

        var outcome = await intake.SubmitAsync(
            [Text(91_001, 510, "/start"), Text(91_002, 511, "rusak"), Text(91_003, 512, "/start")], CancellationToken.None);

        Assert.Equal(new BatchOutcome(Handled: 2, Duplicates: 0, Failed: 1), outcome);
        Assert.Contains("Selamat datang", (await emulator.WaitForMessageAsync(510)).Text);
        Assert.Contains("Selamat datang", (await emulator.WaitForMessageAsync(512)).Text);
        Assert.Contains("Maaf, terjadi kesalahan", (await emulator.WaitForMessageAsync(511)).Text);
        var failure = Assert.Single(await bot.Store.GetFailedUpdatesAsync(CancellationToken.None));
        Assert.Equal((91_002L, 511L, "System.ArgumentException"), (failure.UpdateId, failure.ChatId, failure.ErrorType));
        Assert.Empty(await bot.App.Services.GetRequiredService<IDocumentStore>().AllAsync<Visit>(CancellationToken.None));
    }

    [Fact]
    public async Task Batch_ConfirmsNothing_WhenTheStoreIsDownDuringItsReads()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var intake = bot.App.Services.GetRequiredService<UpdateIntake>();

        bot.Store.Down = true;
        await Assert.ThrowsAsync<StoreUnavailableException>(() =>
            intake.SubmitAsync([Text(92_001, 520, "/start"), Text(92_002, 521, "/start")], CancellationToken.None));
        bot.Store.Down = false;

        Assert.Empty(await bot.Store.GetFailedUpdatesAsync(CancellationToken.None));
        Assert.Null(await bot.Store.GetConversationAsync(520, CancellationToken.None));
        Assert.Equal(0, await bot.CountOutboxRowsAsync(520));
    }

    /// <summary>A flow with a bug in what it stages: a document without an id, which the store's commit plan rejects.</summary>
    private sealed class BadDocumentFlow : IFlow
    {
        public const string FlowName = "bad-document";

        public string Name => FlowName;

        public Task StartAsync(TurnContext context) => Task.CompletedTask;

        public Task HandleAsync(TurnContext context)
        {
            context.Work.Stage(new Visit { Id = "", CohortId = "c" });
            context.Reply("staged");
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
