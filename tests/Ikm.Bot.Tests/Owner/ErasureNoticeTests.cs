using Ikm.Bot.Tests.Support;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Ports;
using Microsoft.Extensions.DependencyInjection;
using static Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests;

namespace Ikm.Bot.Tests.Owner;

/// <summary>
/// An owner's erasure ends the IKM's assignment; its mentor, the administrator and the coordinators of its cohort are
/// told by the anonymous code — not the coordinators of other cohorts.
/// </summary>
public sealed class ErasureNoticeTests
{
    private const string Lombok = "Pendampingan Lombok Timur";

    [Fact]
    public async Task Erasure_EndsTheAssignment_AndTellsTheMentorAndTheCohortsCoordinatorsOnly()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var owner = emulator.User(971);
        var (admin, mentor) = await AssignedProgramAsync(emulator, 871, "Budi Santoso", owner.Id);
        await CreateAnotherCohortAsync(admin, Lombok, "Lombok Timur");
        var sari = emulator.User(771);
        await sari.SendTextAsync("/start " + await InviteAsync(admin, "koordinator", "Sari Dewi", Lombok));
        await sari.NextReplyAsync();
        await DataDirectorySearch.WaitForDeliveredAsync(bot.DataDirectory);

        owner.SkipReplies();
        await owner.SendTextAsync("/hapusdata");
        await owner.NextReplyAsync();
        await owner.PressAsync("🗑 Ya, hapus data saya");
        Assert.Contains("sudah dihapus", (await owner.NextReplyAsync()).Text);
        var documents = bot.App.Services.GetRequiredService<IDocumentStore>();
        var assignment = Assert.Single(await documents.AllAsync<Assignment>(CancellationToken.None));
        Assert.False(assignment.IsActive);
        var code = "IKM " + assignment.BusinessId.ToString("N")[..8];
        Assert.Contains(code, (await emulator.WaitForMessageAsync(mentor.Id, m => m.Text?.Contains("keluar dari program") == true)).Text);
        Assert.Contains(code, (await emulator.WaitForMessageAsync(admin.Id, m => m.Text?.Contains("keluar dari program") == true)).Text);

        // Everything of the erasure is delivered: Lombok's coordinator got none of it.
        await DataDirectorySearch.WaitForDeliveredAsync(bot.DataDirectory);
        Assert.DoesNotContain(emulator.SentTo(sari.Id), m => m.Text?.Contains("keluar dari program") == true);

        // The mentor's list no longer holds the IKM.
        mentor.SkipReplies();
        await mentor.SendTextAsync("/menu");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("🏭 IKM saya");
        Assert.Contains("Belum ada IKM yang ditugaskan kepada Anda", (await mentor.NextReplyAsync()).Text);
    }
}
