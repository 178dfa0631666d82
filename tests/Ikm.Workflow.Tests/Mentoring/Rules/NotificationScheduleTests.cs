using Ikm.Workflow.Members;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Mentoring.Rules;
using static Ikm.Workflow.Tests.Mentoring.ProgramBuilders;

namespace Ikm.Workflow.Tests.Mentoring.Rules;

/// <summary>
/// A WITA cohort starting Monday 2 November 2026 (2026-W45) with mentor 7 (IKM 1), coordinator 9 and owner 51:
/// each notice is due from its local day and hour on, under the id the outbox dedupes by.
/// </summary>
public sealed class NotificationScheduleTests
{
    private const long Mentor = 7, Coordinator = 9, Owner = 51;
    private static readonly Guid Ikm = IkmId(1);
    private static readonly DateOnly StartDate = new(2026, 11, 2);

    private static readonly CohortStaff MentorStaff = Staff(Mentor, MemberRole.Mentor);
    private static readonly Cohort WitaCohort = StartingOn(StartDate);

    /// <summary>Local WITA time <paramref name="days"/> after Monday 2 November 2026.</summary>
    private static DateTimeOffset Wita(int days, int hour, int minute = 0) =>
        new DateTimeOffset(2026, 11, 2, hour, minute, 0, TimeSpan.FromHours(8)).AddDays(days);

    private static CohortActivity Activity(params Visit[] visits) => new()
    {
        Assignments = [Assign(Ikm, Mentor, Wita(0, 0))],
        Visits = visits,
        Staff = [MentorStaff, Staff(Coordinator, MemberRole.Coordinator)],
        Memberships =
        [
            new CohortMembership { Id = "m1", CohortId = CohortId, BusinessId = Ikm, OwnerUserId = Owner, Status = MembershipStatus.Approved },
            new CohortMembership { Id = "m2", CohortId = CohortId, BusinessId = IkmId(2), OwnerUserId = 52, Status = MembershipStatus.Pending },
        ],
    };

    private static IReadOnlyList<string> DueIds(DateTimeOffset now, CohortActivity? activity = null, Cohort? cohort = null) =>
        [.. NotificationSchedule.Due(cohort ?? WitaCohort, activity ?? Activity(), now).Select(n => n.Id)];

    [Fact]
    public void Due_IsEmpty_BeforeTheProgramBeginsLocally()
    {
        // Sunday 1 November 23:59 WITA is already Monday in UTC+9 but not yet in the cohort's zone.
        Assert.False(NotificationSchedule.HasBegun(WitaCohort, Wita(-1, 23, 59)));
        Assert.Empty(DueIds(Wita(-1, 23, 59)));
        Assert.True(NotificationSchedule.HasBegun(WitaCohort, Wita(0, 0)));
    }

    [Fact]
    public void TheMonthToEvaluate_IsLastMonth_WhileItsPromptStands_ItIsMissing_AndTheIkmWasAssignedBeforeIt()
    {
        // November's prompt: Monday 30 November 09:00 WITA, valid 10 days.
        var november = new MonthKey(2026, 11);
        var december = new MonthKey(2026, 12);
        var assignedEarly = Wita(0, 8);
        Assert.Equal(november, NotificationSchedule.MonthToEvaluate(WitaCohort, assignedEarly, lastMonthEvaluated: false, Wita(31, 8)));
        Assert.Equal(november, NotificationSchedule.MonthToEvaluate(WitaCohort, assignedEarly, lastMonthEvaluated: false, Wita(38, 8, 59)));
        Assert.Equal(december, NotificationSchedule.MonthToEvaluate(WitaCohort, assignedEarly, lastMonthEvaluated: false, Wita(38, 9)));
        Assert.Equal(december, NotificationSchedule.MonthToEvaluate(WitaCohort, assignedEarly, lastMonthEvaluated: true, Wita(31, 8)));
        Assert.Equal(december, NotificationSchedule.MonthToEvaluate(WitaCohort, Wita(28, 10), lastMonthEvaluated: false, Wita(31, 8)));
        Assert.Equal(december, NotificationSchedule.MonthToEvaluate(StartingOn(new DateOnly(2026, 12, 1)), assignedEarly, lastMonthEvaluated: false, Wita(31, 8)));
    }

    [Fact]
    public void WeeklyReminder_IsDueFromMonday0700Local_ListingTheUnvisitedIkm_LateAfterAnHour()
    {
        Assert.DoesNotContain("reminder:cohort-1:7:2026-W45", DueIds(Wita(0, 6, 59)));

        var onTime = Assert.Single(NotificationSchedule.Due(WitaCohort, Activity(), Wita(0, 8, 0)).OfType<WeeklyVisitReminder>());
        Assert.Equal(("reminder:cohort-1:7:2026-W45", Mentor, new IsoWeek(2026, 45), false), (onTime.Id, onTime.RecipientId, onTime.Week, onTime.Late));
        Assert.Equal(Ikm, Assert.Single(onTime.Unvisited).BusinessId);

        var late = Assert.Single(NotificationSchedule.Due(WitaCohort, Activity(), Wita(0, 8, 1)).OfType<WeeklyVisitReminder>());
        Assert.True(late.Late);
    }

    [Fact]
    public void WeeklyReminder_InTheWeekTheProgramStarts_IsDueOnItsFirstDayAt0700()
    {
        var wednesdayStart = StartingOn(StartDate.AddDays(2));

        Assert.DoesNotContain("reminder:cohort-1:7:2026-W45", DueIds(Wita(2, 6, 59), cohort: wednesdayStart));
        var reminder = Assert.Single(NotificationSchedule.Due(wednesdayStart, Activity(), Wita(2, 7, 0)).OfType<WeeklyVisitReminder>());
        Assert.False(reminder.Late);
    }

    [Fact]
    public void WeeklyReminder_ListsNothing_WhenTheIkmHadACompletedVisitThisWeek_ButAnOpenCheckInDoesNotCount()
    {
        var completed = Visit(Ikm, Mentor, Wita(0, 7, 30), TimeSpan.FromHours(4));
        var open = Visit(Ikm, Mentor, Wita(0, 7, 30), duration: null, VisitStatus.CheckedIn);

        Assert.Empty(Assert.Single(NotificationSchedule.Due(WitaCohort, Activity(completed), Wita(0, 12)).OfType<WeeklyVisitReminder>()).Unvisited);
        Assert.Single(Assert.Single(NotificationSchedule.Due(WitaCohort, Activity(open), Wita(0, 12)).OfType<WeeklyVisitReminder>()).Unvisited);
    }

    [Fact]
    public void Nudge_IsDueThursday0700Local_OnlyWhileAnIkmIsUnvisited()
    {
        Assert.DoesNotContain("nudge:cohort-1:7:2026-W45", DueIds(Wita(3, 6, 59)));
        Assert.Contains("nudge:cohort-1:7:2026-W45", DueIds(Wita(3, 7, 0)));
        Assert.DoesNotContain("nudge:cohort-1:7:2026-W45", DueIds(Wita(3, 7, 0), Activity(Visit(Ikm, Mentor, Wita(1, 9), TimeSpan.FromHours(4)))));
    }

    [Fact]
    public void NoVisit_EscalatesToTheMentorAfter14Days_AndAlertsTheCoordinatorAfter16_PerSilenceEpisode()
    {
        var assignedAt = Wita(0, 0).ToUnixTimeSeconds();
        var mentorId = $"escalate-visit:cohort-1:{Ikm:N}:{assignedAt}";
        var coordinatorId = $"alert-visit:cohort-1:{Ikm:N}:{assignedAt}:{Coordinator}";

        Assert.DoesNotContain(mentorId, DueIds(Wita(14, 0).AddTicks(-1)));
        Assert.Contains(mentorId, DueIds(Wita(14, 0)));
        Assert.DoesNotContain(coordinatorId, DueIds(Wita(16, 0).AddTicks(-1)));
        var alert = Assert.Single(NotificationSchedule.Due(WitaCohort, Activity(), Wita(16, 0)).OfType<NoVisitAlert>());
        Assert.Equal((coordinatorId, Coordinator, Mentor, TimeSpan.FromDays(16)), (alert.Id, alert.RecipientId, alert.Mentor.UserId, alert.Silence));

        // A visit ends the silence; the next one is a new episode, keyed by that visit's start.
        var visit = Visit(Ikm, Mentor, Wita(3, 9), TimeSpan.FromHours(4));
        var ids = DueIds(Wita(17, 9), Activity(visit));
        Assert.Contains($"escalate-visit:cohort-1:{Ikm:N}:{Wita(3, 9).ToUnixTimeSeconds()}", ids);
        Assert.DoesNotContain(mentorId, ids);
    }

    [Fact]
    public void NoVisit_AndTheNudge_AreNotDue_WhileTheMentorIsCheckedInAtTheIkm()
    {
        var assignedAt = Wita(0, 0).ToUnixTimeSeconds();
        var open = Visit(Ikm, Mentor, Wita(15, 9), duration: null, VisitStatus.CheckedIn);

        var ids = DueIds(Wita(17, 10), Activity(open));
        Assert.DoesNotContain($"escalate-visit:cohort-1:{Ikm:N}:{assignedAt}", ids);
        Assert.DoesNotContain($"alert-visit:cohort-1:{Ikm:N}:{assignedAt}:{Coordinator}", ids);
        // Thursday of the third week, checked in since Tuesday of it: a visit is happening, no nudge.
        Assert.DoesNotContain("nudge:cohort-1:7:2026-W47", ids);
        Assert.Contains("nudge:cohort-1:7:2026-W47", DueIds(Wita(17, 7), Activity(Visit(Ikm, Mentor, Wita(8, 9), duration: null, VisitStatus.CheckedIn))));
        // A check-in from before the silence began (an older one left open) does not stop it.
        Assert.Contains($"escalate-visit:cohort-1:{Ikm:N}:{Wita(1, 9).ToUnixTimeSeconds()}",
            DueIds(Wita(16, 10), Activity(Visit(Ikm, Mentor, Wita(1, 9), TimeSpan.FromHours(4)), Visit(Ikm, Mentor, Wita(0, 9), duration: null, VisitStatus.CheckedIn))));
    }

    [Fact]
    public void Evaluation_PromptOnTheLastWorkingDay0900_ThenReminderEscalationAndAlert_AfterThreeFiveAndSevenDays()
    {
        // November 2026 ends on Monday the 30th (28 days after the start), its last working day.
        const string Prompt = "eval-prompt:cohort-1:7:2026-11", Reminder = "eval-reminder:cohort-1:7:2026-11";
        var escalation = $"escalate-eval:cohort-1:{Ikm:N}:2026-11";
        var alert = $"alert-eval:cohort-1:{Ikm:N}:2026-11:{Coordinator}";

        static IEnumerable<string> EvalIds(DateTimeOffset now) => DueIds(now).Where(id => id.Contains("eval", StringComparison.Ordinal));

        Assert.Empty(EvalIds(Wita(28, 9).AddTicks(-1)));
        Assert.Equal([Prompt], EvalIds(Wita(28, 9)));
        Assert.Equal([Prompt], EvalIds(Wita(31, 9).AddTicks(-1)));
        Assert.Equal([Prompt, Reminder], EvalIds(Wita(31, 9)));
        Assert.Equal([Prompt, Reminder], EvalIds(Wita(33, 9).AddTicks(-1)));
        Assert.Equal([Prompt, Reminder, escalation], EvalIds(Wita(33, 9)));
        Assert.Equal([Prompt, Reminder, escalation], EvalIds(Wita(35, 9).AddTicks(-1)));
        Assert.Equal([Prompt, Reminder, escalation, alert], EvalIds(Wita(35, 9)));
        // Ten days after, the prompt is stale; what is missing is still chased.
        Assert.Equal([Prompt, Reminder, escalation, alert], EvalIds(Wita(38, 9).AddTicks(-1)));
        Assert.Equal([Reminder, escalation, alert], EvalIds(Wita(38, 9)));
    }

    [Fact]
    public void Evaluation_OnlyThePromptIsDue_WhenTheMentorEvaluatedTheIkm_AndASelfAssessmentDoesNotCount()
    {
        static Evaluation Of(bool self) => new() { Id = "e", CohortId = CohortId, BusinessId = Ikm, Month = "2026-11", SelfAssessment = self, CompletedAt = Wita(29, 10) };
        static IEnumerable<string> EvalIds(CohortActivity activity) =>
            DueIds(Wita(35, 9), activity).Where(id => id.Contains("eval", StringComparison.Ordinal));

        Assert.Equal(["eval-prompt:cohort-1:7:2026-11"], EvalIds(Activity() with { Evaluations = [Of(self: false)] }));
        Assert.Equal(4, EvalIds(Activity() with { Evaluations = [Of(self: true)] }).Count());
    }

    [Fact]
    public void Evaluation_IsNotAsked_ForAnIkmAssignedAfterThePrompt()
    {
        var lateAssignment = Activity() with { Assignments = [Assign(Ikm, Mentor, Wita(28, 10))] };

        Assert.DoesNotContain(DueIds(Wita(35, 9), lateAssignment), id => id.Contains("eval", StringComparison.Ordinal));
    }

    [Fact]
    public void SelfAssessmentPrompt_IsDueToApprovedOwnersOnly_OnTheLastWorkingDay0900()
    {
        Assert.DoesNotContain(NotificationSchedule.Due(WitaCohort, Activity(), Wita(28, 8, 59)), n => n is SelfAssessmentPrompt);

        var prompt = Assert.Single(NotificationSchedule.Due(WitaCohort, Activity(), Wita(28, 9)).OfType<SelfAssessmentPrompt>());
        Assert.Equal(("self-prompt:cohort-1:51:2026-11", Owner, new MonthKey(2026, 11)), (prompt.Id, prompt.RecipientId, prompt.Month));
    }

    [Fact]
    public void WeeklyDigest_IsDueMonday0800_ForTheWeekBefore_OnceTheCohortRanInIt()
    {
        Assert.DoesNotContain(NotificationSchedule.Due(WitaCohort, Activity(), Wita(0, 9)), n => n is WeeklyDigest); // W44: before the start
        Assert.DoesNotContain("digest-week:cohort-1:2026-W45:9", DueIds(Wita(7, 7, 59)));

        var digest = Assert.Single(NotificationSchedule.Due(WitaCohort, Activity(), Wita(7, 8)).OfType<WeeklyDigest>());
        Assert.Equal(("digest-week:cohort-1:2026-W45:9", Coordinator, new IsoWeek(2026, 45)), (digest.Id, digest.RecipientId, digest.Week));
    }

    [Fact]
    public void MonthlyDigest_IsDueOnTheFirst0800_ForTheMonthBefore()
    {
        Assert.DoesNotContain(NotificationSchedule.Due(WitaCohort, Activity(), Wita(0, 9)), n => n is MonthlyDigest); // October: before the start
        Assert.DoesNotContain("digest-month:cohort-1:2026-11:9", DueIds(Wita(29, 7, 59)));

        var digest = Assert.Single(NotificationSchedule.Due(WitaCohort, Activity(), Wita(29, 8)).OfType<MonthlyDigest>());
        Assert.Equal(("digest-month:cohort-1:2026-11:9", Coordinator, new MonthKey(2026, 11)), (digest.Id, digest.RecipientId, digest.Month));
    }

    [Fact]
    public void Due_IsTheSame_WhenAskedTwice_AndAMentorWithoutIkmsGetsNothing()
    {
        Assert.Equal(DueIds(Wita(35, 9)), DueIds(Wita(35, 9)));

        var withoutIkms = Activity() with { Assignments = [Assign(Ikm, Mentor, Wita(0, 0), endedAt: Wita(1, 0))] };
        Assert.DoesNotContain(NotificationSchedule.Due(WitaCohort, withoutIkms, Wita(35, 9)), n => n.RecipientId == Mentor);
    }

    private static Cohort StartingOn(DateOnly start)
    {
        var cohort = Cohort("Asia/Makassar");
        cohort.StartDate = start;
        return cohort;
    }

    private static CohortStaff Staff(long userId, MemberRole role) =>
        new() { Id = CohortStaff.IdFor(CohortId, userId), CohortId = CohortId, UserId = userId, Role = role, DisplayName = $"Staff {userId}" };
}
