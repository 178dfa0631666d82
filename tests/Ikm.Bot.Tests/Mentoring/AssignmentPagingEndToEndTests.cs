using Ikm.Bot.Tests.Support;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Storage;
using Microsoft.Extensions.DependencyInjection;
using static Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests;

namespace Ikm.Bot.Tests.Mentoring;

/// <summary>👥 Penugasan in a cohort of 120 admitted IKMs: more than Telegram's 100 buttons, so the list is paged.</summary>
public sealed class AssignmentPagingEndToEndTests
{
    private const int Ikms = 120;

    [Fact]
    public async Task AnIkmOnPageTwo_IsChosenAndAssigned_AcrossARestartAndAStalePage()
    {
        await using var emulator = await Emulator.StartFastAsync();
        var dataDirectory = BotUnderTest.NewDataDirectory();
        var first = await BotUnderTest.StartAsync(emulator, dataDirectory: dataDirectory);
        var coordinator = await JoinAsCoordinatorAsync(emulator);
        await CreateCohortAsync(coordinator);
        await InviteAndJoinMentorAsync(emulator, coordinator, 802, "Budi Santoso");
        var cohort = Assert.Single(await first.App.Services.GetRequiredService<IDocumentStore>().AllAsync<Cohort>(CancellationToken.None));
        var businesses = await AdmitIkmsAsync(first, cohort.Id);

        await coordinator.SendTextAsync("/tugaskan");
        var pageOne = await coordinator.NextReplyAsync();
        Assert.Contains("Halaman 1 dari 2", pageOne.Text);
        Assert.Equal(99, pageOne.AllInlineButtons.Count());
        Assert.Equal("IKM 001 —", pageOne.InlineButtons[0][0].Text);
        Assert.Equal("IKM 098 —", pageOne.InlineButtons[97][0].Text);
        Assert.Equal(["Berikutnya ▶"], pageOne.InlineButtons[^1].Select(b => b.Text));
        Assert.False(pageOne.HasButton("IKM 110 —"));

        // The page buttons carry their data, so they still work after a restart.
        await first.StopAsync();
        await using var second = await BotUnderTest.StartAsync(emulator, dataDirectory: dataDirectory);
        await coordinator.PressAsync("Berikutnya ▶");
        var pageTwo = await coordinator.NextReplyAsync();
        Assert.Contains("Halaman 2 dari 2", pageTwo.Text);
        Assert.Equal(Enumerable.Range(99, 22).Select(i => $"IKM {i:000} —"), pageTwo.InlineButtons.SkipLast(1).Select(r => Assert.Single(r).Text));
        Assert.Equal(["◀ Sebelumnya"], pageTwo.InlineButtons[^1].Select(b => b.Text));

        // A page the list no longer has (data of a longer list, or forged) shows its last page.
        var next = pageOne.InlineButtons[^1][0].CallbackData;
        await coordinator.PressDataAsync(next[..next.LastIndexOf(':')] + ":7", pageOne.MessageId);
        Assert.Contains("Halaman 2 dari 2", (await coordinator.NextReplyAsync()).Text);

        await coordinator.PressAsync("IKM 110 —");
        Assert.Contains("Pilih pendamping untuk IKM 110", (await coordinator.NextReplyAsync()).Text);
        await coordinator.PressAsync("Budi Santoso");
        Assert.Contains("IKM 110 sekarang didampingi Budi Santoso", (await coordinator.NextReplyAsync()).Text);
        var assignment = Assert.Single(await second.App.Services.GetRequiredService<IDocumentStore>().AllAsync<Assignment>(CancellationToken.None));
        Assert.Equal((businesses[109].Id, 802L), (assignment.BusinessId, assignment.MentorUserId));
    }

    /// <summary>IKMs "IKM 001" … "IKM 120" admitted to the cohort, stored in reverse so the list's order is its own.</summary>
    private static async Task<List<Business>> AdmitIkmsAsync(BotUnderTest bot, string cohortId)
    {
        var at = DateTimeOffset.UtcNow;
        var businesses = Enumerable.Range(1, Ikms).Select(i => new Business
        {
            Id = Guid.NewGuid(), OwnerUserId = 5000 + i, BusinessName = $"IKM {i:000}", Commodity = "abon ikan", Kecamatan = "Palu Barat", RegisteredAt = at,
        }).ToList();
        var memberships = businesses.AsEnumerable().Reverse().Select(b => new DocumentChange(new CohortMembership
        {
            Id = ProgramIds.NewId(), CohortId = cohortId, BusinessId = b.Id, OwnerUserId = b.OwnerUserId, Status = MembershipStatus.Approved, RequestedAt = at,
        }));
        await bot.Store.CommitAsync([new ChangeSet { Documents = [.. businesses.Select(d => new DocumentChange(d)), .. memberships] }], CancellationToken.None);
        return businesses;
    }
}
