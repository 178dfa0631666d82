using static Ikm.Bot.Tests.Support.StoredDrafts;
using Ikm.Bot.Tests.Support;
using Ikm.TestKit;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests;

namespace Ikm.Bot.Tests.Mentoring;

public sealed class SeveralCohortsTests
{
    [Fact]
    public async Task InviteAndReports_AskWhichCohort_WhenThereAreSeveral()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var coordinator = await JoinAsCoordinatorAsync(emulator);
        await CreateCohortAsync(coordinator);
        await CreateAnotherCohortAsync(coordinator, "Pendampingan Lombok Timur", "Lombok Timur");

        await coordinator.SendTextAsync("/undang mentor Lale Ira");
        Assert.Contains("Pilih kohort", (await coordinator.NextReplyAsync()).Text);
        await coordinator.PressAsync("Pendampingan Lombok Timur");
        Assert.Contains("kohort Pendampingan Lombok Timur", (await coordinator.NextReplyAsync()).Text);

        await coordinator.SendTextAsync("/ringkasan");
        await coordinator.NextReplyAsync();
        await coordinator.PressAsync("Pendampingan Lombok Timur");
        await coordinator.ExpectPreparingAsync();
        Assert.Contains("Ringkasan mingguan — Pendampingan Lombok Timur", (await coordinator.NextReportAsync()).Text);

        var documents = bot.App.Services.GetRequiredService<IDocumentStore>();
        var lombok = (await documents.AllAsync<Cohort>(CancellationToken.None)).Single(c => c.Region == "Lombok Timur");
        var invite = Assert.Single(await documents.AllAsync<Invite>(CancellationToken.None));
        Assert.Equal(lombok.Id, invite.CohortId);
        Assert.Equal("Lale Ira", invite.Label);
    }
}
