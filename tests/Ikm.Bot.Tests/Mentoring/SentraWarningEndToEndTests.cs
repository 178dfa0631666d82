using Ikm.Bot.Tests.Support;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Ports;
using Microsoft.Extensions.DependencyInjection;
using static Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests;

namespace Ikm.Bot.Tests.Mentoring;

/// <summary>Issue 12: the warning that a mentor works with another sentra offers a cancel next to "Tetap tugaskan".</summary>
public sealed class SentraWarningEndToEndTests
{
    [Fact]
    public async Task SentraWarning_Cancel_AssignsNothingAndOffersTheMentorsAgain_AndAssignAnywayStillAssigns()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var (coordinator, mentor) = await AssignedProgramAsync(emulator, 4601, "Budi", 4602);
        var rina = emulator.User(4603, "Rina");
        await OwnerScript.JoinAsOwnerAsync(rina);
        await OwnerScript.RegisterAsync(rina, "Rina Wati", "Bawang Goreng Rina", "+62 812 1111 2222", commodity: "Bawang goreng");
        await rina.PressAsync("💾 Simpan");
        await rina.NextReplyAsync();
        await ApproveAsync(coordinator);

        await coordinator.SendTextAsync("/tugaskan");
        await coordinator.NextReplyAsync();
        await coordinator.PressAsync("Bawang Goreng Rina");
        await coordinator.NextReplyAsync();
        await coordinator.PressAsync("Budi");
        var warning = await coordinator.NextReplyAsync();
        Assert.Contains("Tetap tugaskan?", warning.Text);
        Assert.True(warning.HasButton("Tetap tugaskan"));
        Assert.True(warning.HasButton("❌ Batal"));

        await coordinator.PressAsync("❌ Batal");
        var again = await coordinator.NextReplyAsync();
        Assert.StartsWith("Baik, tidak ditugaskan.", again.Text);
        Assert.Contains("Bawang Goreng Rina", again.Text);
        Assert.True(again.HasButton("Budi (1/5)"), again.Text);
        var documents = bot.App.Services.GetRequiredService<IDocumentStore>();
        Assert.Single(await documents.AllAsync<Assignment>(CancellationToken.None));

        await coordinator.PressAsync("Budi");
        await coordinator.NextReplyAsync();
        await coordinator.PressAsync("Tetap tugaskan");
        Assert.Contains("sekarang didampingi Budi", (await coordinator.NextReplyAsync()).Text);
        Assert.Equal(2, (await documents.AllAsync<Assignment>(CancellationToken.None)).Count(a => a.IsActive));
    }
}
