using Ikm.Bot.Tests.Support;
using static Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests;

namespace Ikm.Bot.Tests.Mentoring;

/// <summary>Issue 12: every list a coordinator or mentor opens says so when it is empty.</summary>
public sealed class EmptyListsEndToEndTests
{
    [Fact]
    public async Task ApprovalsInvitesAndMyIkms_SaySoWhenEmpty()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var coordinator = await JoinAsCoordinatorAsync(emulator);
        await CreateCohortAsync(coordinator);

        await coordinator.PressAsync("⏳ Persetujuan");
        Assert.Contains("Tidak ada pendaftaran yang menunggu persetujuan", (await coordinator.NextReplyAsync()).Text);
        await coordinator.SendTextAsync("/undangan");
        Assert.Contains("Tidak ada undangan yang masih berlaku", (await coordinator.NextReplyAsync()).Text);

        var mentor = await InviteAndJoinMentorAsync(emulator, coordinator, 4701, "Budi");
        await mentor.PressAsync("🏭 IKM saya");
        Assert.Contains("Belum ada IKM yang ditugaskan kepada Anda", (await mentor.NextReplyAsync()).Text);
    }
}
