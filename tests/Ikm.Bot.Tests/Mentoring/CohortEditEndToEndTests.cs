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

public sealed class CohortEditEndToEndTests
{
    [Fact]
    public async Task EditCohort_ChangesOneField_AndKeepsTheRest()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var coordinator = await JoinAsCoordinatorAsync(emulator);
        await CreateCohortAsync(coordinator);

        await coordinator.SendTextAsync("/menu");
        await coordinator.NextReplyAsync();
        await coordinator.PressAsync("🗂 Buat kohort");
        var choose = await coordinator.NextReplyAsync();
        Assert.True(choose.HasButton("➕ Kohort baru"));
        await coordinator.PressAsync("✏️ Pendampingan IKM Palu 2026");
        var summary = await coordinator.NextReplyAsync();
        Assert.Contains("IKM/pendamping: 5", summary.Text);
        await coordinator.PressAsync("✏️ IKM/pendamping");
        Assert.Contains("Maksimal IKM per pendamping", (await coordinator.NextReplyAsync()).Text);
        await coordinator.SendTextAsync("100");
        Assert.Contains("Antara 1 dan 50 IKM", (await coordinator.NextReplyAsync()).Text);
        await coordinator.SendTextAsync("4");
        Assert.Contains("IKM/pendamping: 4", (await coordinator.NextReplyAsync()).Text);
        await coordinator.PressAsync("💾 Simpan");
        Assert.Contains("diperbarui", (await coordinator.NextReplyAsync()).Text);

        var documents = bot.App.Services.GetRequiredService<IDocumentStore>();
        var cohort = Assert.Single(await documents.AllAsync<Cohort>(CancellationToken.None));
        Assert.Equal(4, cohort.Rules.MaxIkmsPerMentor);
        Assert.Equal("Asia/Makassar", cohort.TimeZoneId);
        Assert.Equal(["abon ikan", "bawang goreng"], cohort.Commodities);
    }
}
