using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Mentoring.Rules;
using static Ikm.Workflow.Tests.Mentoring.ProgramBuilders;

namespace Ikm.Workflow.Tests.Mentoring;

public sealed class ComplianceCalculatorTests
{
    private static readonly TimeSpan WitaOffset = TimeSpan.FromHours(8);

    // Thursday 26 Nov 2026 12:00 WITA, in ISO week 2026-W48 (Mon 23 – Sun 29 Nov).
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, WitaOffset);

    private static readonly DateTimeOffset LongAgo = new(2026, 9, 1, 8, 0, 0, WitaOffset);

    private static DateTimeOffset Wita(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, WitaOffset);

    private static readonly Guid A = IkmId(1);
    private static readonly Guid B = IkmId(2);
    private static readonly Guid C = IkmId(3);
    private static readonly Guid D = IkmId(4);

    private const long Mentor1 = 101;
    private const long Mentor2 = 102;

    private static ComplianceReport WeekAcrossBoundary() => ComplianceCalculator.Calculate(
        Cohort(),
        [
            Assign(D, Mentor2, LongAgo),
            Assign(C, Mentor1, LongAgo),
            Assign(A, Mentor1, LongAgo),
            Assign(B, Mentor1, LongAgo),
        ],
        [
            // Sunday 23:30 WITA: the previous week, even though it ends on Monday.
            Visit(A, Mentor1, Wita(22, 23, 30), TimeSpan.FromMinutes(270)),
            // Monday 00:30 WITA: this week.
            Visit(B, Mentor1, Wita(23, 0, 30), TimeSpan.FromMinutes(270)),
            Visit(C, Mentor1, Wita(24, 9), TimeSpan.FromHours(3)),
            Visit(C, Mentor1, Wita(26, 8), duration: null, VisitStatus.CheckedIn),
            Visit(D, Mentor2, Wita(25, 8), TimeSpan.FromHours(4)),
            Visit(A, Mentor1, Wita(24, 8), TimeSpan.FromHours(5), cohortId: "other-cohort"),
        ],
        Now);

    [Fact]
    public void Calculate_ReportsWeekOfNow_InCohortTimeZone()
    {
        var report = WeekAcrossBoundary();

        Assert.Equal(new IsoWeek(2026, 48), report.Week);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 16, 0, 0, TimeSpan.Zero), report.WeekRange.Start);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 16, 0, 0, TimeSpan.Zero), report.WeekRange.End);
        Assert.Equal(CohortId, report.CohortId);
        Assert.Equal(Now, report.AsOf);
    }

    [Fact]
    public void Calculate_CountsVisitByStartWeek_WhenVisitsStraddleMondayMidnightWita()
    {
        var report = WeekAcrossBoundary();

        Assert.Equal(
            [
                new IkmWeekCompliance(A, Mentor1, 0, 1, 0, 0, 0, false, Wita(22, 23, 30)),
                new IkmWeekCompliance(B, Mentor1, 1, 1, 1, 4.5, 0, true, Wita(23, 0, 30)),
                new IkmWeekCompliance(C, Mentor1, 1, 1, 0, 3, 1, false, Wita(24, 9)),
                new IkmWeekCompliance(D, Mentor2, 1, 1, 1, 4, 0, true, Wita(25, 8)),
            ],
            report.Ikms);
        Assert.Equal([A], report.NotVisitedThisWeek.Select(i => i.BusinessId));
    }

    [Fact]
    public void Calculate_SummarisesPerMentor_WhenMentorHasCompliantShortAndUnvisitedIkms()
    {
        var report = WeekAcrossBoundary();

        Assert.Equal(
            [
                new MentorWeekCompliance(Mentor1, 3, 2, 1, 2, 7.5, 1, 5, false, 1.0 / 3),
                new MentorWeekCompliance(Mentor2, 1, 1, 1, 1, 4, 0, 5, false, 1.0),
            ],
            report.Mentors);
        Assert.Empty(report.OverCapacity);
    }

    [Theory]
    [InlineData("Asia/Jayapura", 1, true)] // 15:30Z = Monday 00:30 WIT: this week
    [InlineData("Asia/Jakarta", 0, false)] // = Sunday 22:30 WIB: last week
    public void Calculate_UsesCohortZone_WhenVisitStartIsMondayInWitButSundayInWib(string zone, int done, bool compliant)
    {
        var start = new DateTimeOffset(2026, 11, 22, 15, 30, 0, TimeSpan.Zero);

        var report = ComplianceCalculator.Calculate(
            Cohort(zone),
            [Assign(A, Mentor1, LongAgo)],
            [Visit(A, Mentor1, start, TimeSpan.FromHours(5))],
            Now);

        var ikm = Assert.Single(report.Ikms);
        Assert.Equal(done, ikm.VisitsDone);
        Assert.Equal(compliant, ikm.Compliant);
        Assert.Equal(start, ikm.LastVisitAt);
    }

    [Fact]
    public void Calculate_CountsRetroVisitsApart_AndNeverAsMeetingTheRule()
    {
        var retro = Visit(A, Mentor1, Wita(23, 8), TimeSpan.FromHours(5));
        retro.Flags = VisitFlags.Retro;

        var report = ComplianceCalculator.Calculate(Cohort(), [Assign(A, Mentor1, LongAgo)], [retro], Now);

        var ikm = Assert.Single(report.Ikms);
        Assert.Equal((1, 0, 1, false), (ikm.VisitsDone, ikm.QualifyingVisits, ikm.RetroVisits, ikm.Compliant));
        Assert.Equal((1, 0.0), (report.Mentors.Single().RetroVisits, report.Mentors.Single().ComplianceRate));
    }

    [Fact]
    public void Calculate_RequiresQualifyingVisitsPerRule_WhenTwoVisitsAWeekRequired()
    {
        var rules = new CohortRules { MinVisitsPerWeek = 2 };

        var report = ComplianceCalculator.Calculate(
            Cohort(rules: rules),
            [Assign(A, Mentor1, LongAgo), Assign(B, Mentor1, LongAgo)],
            [
                Visit(A, Mentor1, Wita(23, 8), TimeSpan.FromHours(4)),
                Visit(A, Mentor1, Wita(25, 8), TimeSpan.FromHours(2)),
                Visit(B, Mentor1, Wita(23, 8), TimeSpan.FromHours(4)),
                Visit(B, Mentor1, Wita(25, 8), TimeSpan.FromHours(4)),
            ],
            Now);

        Assert.Equal([false, true], report.Ikms.Select(i => i.Compliant));
        Assert.Equal([2, 2], report.Ikms.Select(i => i.VisitsRequired));
        Assert.Equal(0.5, report.Mentors.Single().ComplianceRate);
    }

    [Fact]
    public void Calculate_FlagsMentorOverCapacity_WhenMoreActiveAssignmentsThanMax()
    {
        const long busy = 201;
        const long full = 202;
        var assignments = new List<Assignment>();
        for (var i = 1; i <= 6; i++)
        {
            assignments.Add(Assign(IkmId(i), busy, LongAgo));
        }

        for (var i = 11; i <= 15; i++)
        {
            assignments.Add(Assign(IkmId(i), full, LongAgo));
        }

        assignments.Add(Assign(IkmId(16), full, LongAgo, endedAt: LongAgo.AddDays(10))); // reassigned away: history
        assignments.Add(Assign(IkmId(17), full, LongAgo, cohortId: "other-cohort"));

        var report = ComplianceCalculator.Calculate(Cohort(), assignments, [], Now);

        Assert.Equal([(busy, 6, true), (full, 5, false)], report.Mentors.Select(m => (m.MentorUserId, m.IkmsAssigned, m.OverCapacity)));
        Assert.Equal([busy], report.OverCapacity.Select(m => m.MentorUserId));
        Assert.All(report.Mentors, m => Assert.Equal(0, m.ComplianceRate));
    }

    [Fact]
    public void Calculate_UsesCohortMax_WhenMaxIkmsPerMentorLowered()
    {
        var assignments = Enumerable.Range(1, 4).Select(i => Assign(IkmId(i), Mentor1, LongAgo)).ToList();

        var report = ComplianceCalculator.Calculate(Cohort(rules: new CohortRules { MaxIkmsPerMentor = 3 }), assignments, [], Now);

        var mentor = Assert.Single(report.Mentors);
        Assert.True(mentor.OverCapacity);
        Assert.Equal(3, mentor.MaxIkms);
    }

    [Fact]
    public void Calculate_ListsIkmsWithoutVisitForTwoWeeks_OldestSilenceFirst()
    {
        var e = IkmId(21);
        var f = IkmId(22);
        var g = IkmId(23);
        var h = IkmId(24);
        var i = IkmId(25);
        var j = IkmId(26);
        const long mentor = 301;

        var report = ComplianceCalculator.Calculate(
            Cohort(),
            [
                Assign(e, mentor, LongAgo),
                Assign(f, mentor, LongAgo),
                Assign(g, mentor, Now.AddDays(-30)),
                Assign(h, mentor, Now.AddDays(-3)),
                Assign(i, mentor, LongAgo),
                Assign(j, mentor, LongAgo, endedAt: Now.AddDays(-1)),
            ],
            [
                Visit(e, mentor, Now.AddDays(-14), TimeSpan.FromHours(4)),
                Visit(f, mentor, Now.AddDays(-14).AddHours(1), TimeSpan.FromHours(4)),
                Visit(i, mentor, Now.AddDays(-20), TimeSpan.FromHours(4)),
                Visit(i, mentor, Now.AddDays(-1), duration: null, VisitStatus.CheckedIn),
            ],
            Now);

        Assert.Equal(2, report.NoVisitWeeks);
        Assert.Equal(
            [
                new IkmWithoutVisit(g, mentor, null, Now.AddDays(-30), TimeSpan.FromDays(30)),
                new IkmWithoutVisit(i, mentor, Now.AddDays(-20), Now.AddDays(-20), TimeSpan.FromDays(20)),
                new IkmWithoutVisit(e, mentor, Now.AddDays(-14), Now.AddDays(-14), TimeSpan.FromDays(14)),
            ],
            report.WithoutVisit);
    }

    [Fact]
    public void Calculate_ListsMoreIkms_WhenNoVisitWindowIsOneWeek()
    {
        var e = IkmId(21);
        var f = IkmId(22);
        const long mentor = 301;

        var report = ComplianceCalculator.Calculate(
            Cohort(),
            [Assign(e, mentor, LongAgo), Assign(f, mentor, LongAgo)],
            [
                Visit(e, mentor, Now.AddDays(-14), TimeSpan.FromHours(4)),
                Visit(f, mentor, Now.AddDays(-8), TimeSpan.FromHours(4)),
            ],
            Now,
            noVisitWeeks: 1);

        Assert.Equal([e, f], report.WithoutVisit.Select(s => s.BusinessId));
    }

    [Fact]
    public void Calculate_IgnoresVisitsAfterNow_WhenComputingAsOfEarlierInstant()
    {
        var report = ComplianceCalculator.Calculate(
            Cohort(),
            [Assign(A, Mentor1, LongAgo)],
            [Visit(A, Mentor1, Wita(27, 8), TimeSpan.FromHours(4))],
            Now);

        var ikm = Assert.Single(report.Ikms);
        Assert.Equal(0, ikm.VisitsDone);
        Assert.Null(ikm.LastVisitAt);
    }

    [Fact]
    public void Calculate_ReturnsSameOrder_WhenInputShuffled()
    {
        var assignments = new[]
        {
            Assign(C, Mentor2, LongAgo),
            Assign(A, Mentor1, LongAgo),
            Assign(B, Mentor2, LongAgo),
        };

        var forward = ComplianceCalculator.Calculate(Cohort(), assignments, [], Now);
        var backward = ComplianceCalculator.Calculate(Cohort(), assignments.Reverse(), [], Now);

        Assert.Equal([A, B, C], forward.Ikms.Select(i => i.BusinessId));
        Assert.Equal(forward.Ikms, backward.Ikms);
        Assert.Equal(forward.Mentors, backward.Mentors);
        Assert.Equal(forward.WithoutVisit, backward.WithoutVisit);
    }
}
