using Ikm.Bot.Tests.Support;
using Ikm.Scheduler.Jobs;
using Ikm.TestKit;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Members;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ikm.Bot.Tests.Scheduler;

/// <summary>
/// Two IKMs unvisited since the start of a WITA cohort; on day 13 the mentor checks in at one and is still there on day 17:
/// the notifications job escalates only the other one (mentor and coordinator), and nudges only about the other one.
/// </summary>
public sealed class ProgramNotificationsOpenCheckInTests
{
    private const string CohortId = "c0ffee02";
    private const long Mentor = 611, Coordinator = 711;
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 0, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task NoVisitEscalation_AndNudge_SkipTheIkmTheMentorIsCheckedInAt()
    {
        var time = new FakeTimeProvider(Start);
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s => s.AddSingleton<TimeProvider>(time));
        var (visited, silent) = (Business(1, "Abon Checked In"), Business(2, "Abon Silent"));
        await SeedAsync(bot, visited, silent);
        var checkedInAt = Start.AddDays(15).AddHours(9); // Tuesday 17 November 09:00 WITA, not checked out
        await bot.Store.CommitAsync([new ChangeSet { Documents = [new(new Visit
        {
            Id = "open-visit", CohortId = CohortId, BusinessId = visited.Id, MentorUserId = Mentor, Status = VisitStatus.CheckedIn, StartedAt = checkedInAt,
        })] }], CancellationToken.None);

        time.SetUtcNow(Start.AddDays(17).AddHours(10)); // Thursday 19 November 10:00 WITA: 17 days without a completed visit
        await bot.App.Services.GetRequiredService<ProgramNotificationsJob>().RunAsync(CohortId, CancellationToken.None);

        var since = Start.ToUnixTimeSeconds();
        Assert.NotNull(await bot.Store.GetOutboxEntryAsync($"escalate-visit:{CohortId}:{silent.Id:N}:{since}", CancellationToken.None));
        Assert.NotNull(await bot.Store.GetOutboxEntryAsync($"alert-visit:{CohortId}:{silent.Id:N}:{since}:{Coordinator}", CancellationToken.None));
        Assert.Null(await bot.Store.GetOutboxEntryAsync($"escalate-visit:{CohortId}:{visited.Id:N}:{since}", CancellationToken.None));
        Assert.Null(await bot.Store.GetOutboxEntryAsync($"alert-visit:{CohortId}:{visited.Id:N}:{since}:{Coordinator}", CancellationToken.None));
        await emulator.WaitUntilAsync(() => emulator.SentTo(Mentor).Any(m => m.Text!.StartsWith("👋", StringComparison.Ordinal)), TimeSpan.FromSeconds(20));
        var nudge = Assert.Single(emulator.SentTo(Mentor), m => m.Text!.StartsWith("👋", StringComparison.Ordinal));
        Assert.Contains("Abon Silent", nudge.Text);
        Assert.DoesNotContain("Abon Checked In", nudge.Text);
    }

    private static Business Business(int owner, string name) => new()
    {
        Id = Guid.NewGuid(), OwnerUserId = 910 + owner, BusinessName = name, Commodity = "abon", Kecamatan = "Palu Barat", RegisteredAt = Start,
    };

    private static async Task SeedAsync(BotUnderTest bot, params Business[] businesses)
    {
        var documents = new List<DocumentChange>
        {
            new(new Cohort { Id = CohortId, Name = "Palu 2026", Region = "Kota Palu", TimeZoneId = "Asia/Makassar", StartDate = new DateOnly(2026, 11, 2), DurationMonths = 3, CreatedAt = Start }),
            new(new CohortStaff { Id = CohortStaff.IdFor(CohortId, Mentor), CohortId = CohortId, UserId = Mentor, Role = MemberRole.Mentor, DisplayName = "Pak Budi", JoinedAt = Start }),
            new(new CohortStaff { Id = CohortStaff.IdFor(CohortId, Coordinator), CohortId = CohortId, UserId = Coordinator, Role = MemberRole.Coordinator, DisplayName = "Koordinator", JoinedAt = Start }),
        };
        foreach (var (business, i) in businesses.Select((b, i) => (b, i)))
        {
            documents.Add(new(business));
            documents.Add(new(new CohortMembership { Id = $"m{i}", CohortId = CohortId, BusinessId = business.Id, OwnerUserId = business.OwnerUserId, Status = MembershipStatus.Approved, RequestedAt = Start }));
            documents.Add(new(new Assignment { Id = $"a{i}", CohortId = CohortId, BusinessId = business.Id, MentorUserId = Mentor, AssignedAt = Start }));
        }

        var members = new[] { Mentor, Coordinator }.Select(id => new Member { UserId = id, ChatId = id, Role = id == Coordinator ? MemberRole.Coordinator : MemberRole.Mentor, JoinedAt = Start });
        await bot.Store.CommitAsync([new ChangeSet { Members = [.. members], Documents = documents }], CancellationToken.None);
    }
}
