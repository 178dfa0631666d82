using Ikm.Bot.Tests.Support;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Ikm.Bot.Tests.Channels;

/// <summary>DESIGN §3 "exactly-once effect": a redelivered batch of any size changes nothing in the store.</summary>
public sealed class ReplayTests
{
    private const long ChatId = 530;

    private static List<IncomingMessage> Batch(int first, int count, bool idsRise) =>
        [.. Enumerable.Range(first, count).Select(i => new IncomingMessage
        {
            UpdateId = 95_000 + i,
            ChatId = ChatId,
            UserId = ChatId,
            Kind = IncomingKind.Text,
            Text = $"kunjungan {i}",
            UpdateIdsRise = idsRise,
        })];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReplayedBatchOf150_ChangesNoDocumentNoVersionAndQueuesNothing(bool idsRise)
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s => s.AddSingleton<IFlow, VisitPerUpdateFlow>());
        await SeedAsync(bot.Store);
        var intake = bot.App.Services.GetRequiredService<UpdateIntake>();
        var documents = bot.App.Services.GetRequiredService<IDocumentStore>();
        var batch = Batch(1, 150, idsRise);

        Assert.Equal(new BatchOutcome(150, 0, 0), await intake.SubmitAsync(batch, CancellationToken.None));
        var version = (await bot.Store.GetConversationAsync(ChatId, CancellationToken.None))!.Version;
        Assert.Equal(150, (await documents.AllAsync<Visit>(CancellationToken.None)).Count);
        Assert.Equal(150, await bot.CountOutboxRowsAsync(ChatId));

        var replay = await intake.SubmitAsync(batch, CancellationToken.None);

        Assert.Equal(new BatchOutcome(0, 150, 0), replay);
        Assert.Equal(version, (await bot.Store.GetConversationAsync(ChatId, CancellationToken.None))!.Version);
        var visits = await documents.AllAsync<Visit>(CancellationToken.None);
        Assert.Equal(150, visits.Count);
        Assert.All(visits, v => Assert.Equal(1, v.Version));
        Assert.Equal(150, await bot.CountOutboxRowsAsync(ChatId));
    }

    [Fact]
    public async Task DuplicatesWithinOneBatch_AreHandledOnce()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s => s.AddSingleton<IFlow, VisitPerUpdateFlow>());
        await SeedAsync(bot.Store);
        var intake = bot.App.Services.GetRequiredService<UpdateIntake>();
        var once = Batch(1, 3, idsRise: false);

        var outcome = await intake.SubmitAsync([.. once, .. once], CancellationToken.None);

        Assert.Equal(new BatchOutcome(3, 3, 0), outcome);
        Assert.Equal(3, (await bot.App.Services.GetRequiredService<IDocumentStore>().AllAsync<Visit>(CancellationToken.None)).Count);
    }

    private static Task SeedAsync(IBotStore store) => VisitPerUpdateFlow.OpenAsync(store, ChatId);
}
