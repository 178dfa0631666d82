using Ikm.Scheduler.Digests;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Members;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Mentoring.Rules;

namespace Ikm.Scheduler.Tests.Digests;

public sealed class MissedVisitRateTests
{
    private static readonly TimeSpan Wita = TimeSpan.FromHours(8);

    [Fact]
    public void Weekly_ShowsEachMentorsMissedVisitRateSinceTheStart()
    {
        var start = new DateTimeOffset(2026, 11, 2, 0, 0, 0, Wita);
        var cohort = new Cohort { Id = "c1", Name = "Palu", TimeZoneId = "Asia/Makassar", StartDate = new DateOnly(2026, 11, 2), CreatedAt = start };
        var a = new Business { Id = Guid.NewGuid(), BusinessName = "Abon A", Commodity = "abon", OwnerUserId = 1 };
        var b = new Business { Id = Guid.NewGuid(), BusinessName = "Abon B", Commodity = "abon", OwnerUserId = 2 };
        Visit VisitOf(Business business, DateTimeOffset at) => new()
        {
            Id = Guid.NewGuid().ToString("N"), CohortId = "c1", BusinessId = business.Id, MentorUserId = 50,
            Status = VisitStatus.Completed, StartedAt = at, EndedAt = at.AddHours(4),
        };
        var data = new DigestData
        {
            Cohort = cohort,
            Businesses = [a, b],
            Assignments =
            [
                new Assignment { Id = "x", CohortId = "c1", BusinessId = a.Id, MentorUserId = 50, AssignedAt = start },
                new Assignment { Id = "y", CohortId = "c1", BusinessId = b.Id, MentorUserId = 50, AssignedAt = start },
            ],
            Staff = [new CohortStaff { Id = "c1:50", CohortId = "c1", UserId = 50, Role = MemberRole.Mentor, DisplayName = "Pak Budi" }],
            // Weeks 45 and 46: A visited both weeks, B only in week 45 → 1 of 4 IKM-weeks missed.
            Visits = [VisitOf(a, start.AddDays(1)), VisitOf(b, start.AddDays(2)), VisitOf(a, start.AddDays(8))],
            Now = start.AddDays(14).AddHours(8), // Monday of week 47, 08:00 WITA
        };

        var digest = new DigestBuilder().Weekly(data, "id", IsoWeek.Parse("2026-W46"));

        Assert.Contains("Pak Budi", digest.Text);
        Assert.Contains("minggu tanpa kunjungan sejak awal: 25%", digest.Text);
    }
}
