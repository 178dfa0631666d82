using System.Globalization;

namespace Ikm.Workflow.Mentoring.Rules;

/// <summary>
/// Everything a cohort's calendar asks for, worked out from its data at an instant, in the cohort's time zone: the Monday
/// 07:00 visit reminder, the Thursday nudge, the evaluation prompt on the last working day 09:00 and its reminder 3 days
/// later, the owners' self-assessment prompt, escalations (no visit for 2 weeks → mentor, 2 days later → coordinators;
/// none while the mentor is checked in there;
/// evaluation missing 5 days after the prompt → mentor, 2 days later → coordinators) and the coordinators' digests.
/// Pure: a notice stays due once its time has come (the caller's outbox sends each id once), so asking late after
/// downtime yields what was missed, and asking twice yields the same ids.
/// </summary>
public static class NotificationSchedule
{
    public static readonly TimeOnly ReminderTime = new(7, 0);
    public static readonly TimeOnly DigestTime = new(8, 0);
    public static readonly TimeOnly EvaluationPromptTime = new(9, 0);

    /// <summary>A weekly reminder asked for longer than this after its time says it comes late.</summary>
    public static readonly TimeSpan Lateness = TimeSpan.FromHours(1);

    public static readonly TimeSpan NoVisitMentor = TimeSpan.FromDays(14);
    public static readonly TimeSpan NoVisitCoordinator = TimeSpan.FromDays(16);

    /// <summary>After this the month's evaluation prompt is stale: it is no longer sent (reminders and escalations still are).</summary>
    public static readonly TimeSpan EvaluationPromptValidFor = TimeSpan.FromDays(10);

    public static readonly TimeSpan EvaluationReminderAfter = TimeSpan.FromDays(3);
    public static readonly TimeSpan EvaluationEscalationAfter = TimeSpan.FromDays(5);
    public static readonly TimeSpan EvaluationAlertAfter = TimeSpan.FromDays(7);

    /// <summary>Nothing is due before the program begins (mentors may be invited and IKMs assigned ahead of the start).</summary>
    public static bool HasBegun(Cohort cohort, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        return ProgramCalendar.For(cohort).LocalDate(now) >= cohort.StartDate;
    }

    /// <summary>The notices due at <paramref name="now"/>: per mentor (reminder, nudge, visit escalations, evaluations), then owners' prompts, then digests.</summary>
    public static IReadOnlyList<DueNotice> Due(Cohort cohort, CohortActivity activity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        ArgumentNullException.ThrowIfNull(activity);
        if (!HasBegun(cohort, now)) return [];

        var calendar = ProgramCalendar.For(cohort);
        var coordinators = activity.Coordinators;
        var due = new List<DueNotice>();
        foreach (var mentor in activity.Mentors)
        {
            var ikms = activity.ActiveAssignmentsOf(mentor.UserId);
            if (ikms.Count == 0) continue;
            AddWeeklyVisitNotices(due, cohort, calendar, mentor, ikms, activity, now);
            foreach (var assignment in ikms)
                AddNoVisitNotices(due, cohort, assignment, mentor, coordinators, activity, now);
            // This month's prompt, and the previous month's follow-ups that fall in the first days of this one.
            var month = calendar.MonthOf(now);
            foreach (var evaluated in new[] { month, month.Previous() })
                AddEvaluationNotices(due, cohort, calendar, evaluated, mentor, ikms, coordinators, activity, now);
        }

        AddSelfAssessmentPrompts(due, cohort, calendar, activity, now);
        AddDigests(due, cohort, calendar, coordinators, now);
        return due;
    }

    private static void AddWeeklyVisitNotices(List<DueNotice> due, Cohort cohort, ProgramCalendar calendar, CohortStaff mentor,
        IReadOnlyList<Assignment> ikms, CohortActivity activity, DateTimeOffset now)
    {
        var week = calendar.WeekOf(now);
        var unvisited = ikms.Where(a => !activity.VisitedIn(a.BusinessId, calendar.WeekBounds(week))).ToList();
        // The reminder lists what is not visited yet; the nudge leaves out an IKM where a visit is happening now.
        var unvisitedNow = unvisited.Where(a => !activity.CheckedInDuring(a.BusinessId, calendar.WeekBounds(week))).ToList();

        // In the week the program starts, the reminder is due on the first day at 07:00, not the Monday before it.
        var reminderAt = Max(calendar.At(week, DayOfWeek.Monday, ReminderTime), calendar.ToUtc(cohort.StartDate, ReminderTime));
        if (now >= reminderAt)
            due.Add(new WeeklyVisitReminder(Id($"reminder:{cohort.Id}:{mentor.UserId}:{week.Label}"), mentor.UserId, week, unvisited,
                Late: now - reminderAt > Lateness));

        if (unvisitedNow.Count > 0 && now >= calendar.At(week, DayOfWeek.Thursday, ReminderTime))
            due.Add(new VisitNudge(Id($"nudge:{cohort.Id}:{mentor.UserId}:{week.Label}"), mentor.UserId, unvisitedNow));
    }

    private static void AddNoVisitNotices(List<DueNotice> due, Cohort cohort, Assignment assignment, CohortStaff mentor,
        IReadOnlyList<long> coordinators, CohortActivity activity, DateTimeOffset now)
    {
        var since = activity.LastVisit(assignment.BusinessId)?.StartedAt ?? assignment.AssignedAt;
        var silence = now - since;
        // An open check-in since the silence began is a visit happening: nothing to escalate while the mentor is there.
        if (activity.CheckedInDuring(assignment.BusinessId, new UtcRange(since, now))) return;
        // One episode per silence: the key is the instant the silence began, so a new visit starts a new episode.
        var episode = Id($"{cohort.Id}:{assignment.BusinessId:N}:{since.ToUnixTimeSeconds()}");
        if (silence >= NoVisitMentor)
            due.Add(new NoVisitEscalation($"escalate-visit:{episode}", mentor.UserId, assignment.BusinessId, silence));
        if (silence < NoVisitCoordinator) return;
        foreach (var coordinator in coordinators)
            due.Add(new NoVisitAlert(Id($"alert-visit:{episode}:{coordinator}"), coordinator, assignment.BusinessId, mentor, silence));
    }

    /// <summary>
    /// The month a mentor's evaluation of an IKM is for at <paramref name="now"/>: last month while its prompt still
    /// stands, the IKM was the mentor's before that prompt and last month is not evaluated yet — so the reminders of a
    /// month's first days lead to last month's evaluation — otherwise this month.
    /// </summary>
    public static MonthKey MonthToEvaluate(Cohort cohort, DateTimeOffset assignedAt, bool lastMonthEvaluated, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        var calendar = ProgramCalendar.For(cohort);
        var month = calendar.MonthOf(now);
        var lastMonth = month.Previous();
        var lastPromptAt = calendar.ToUtc(lastMonth.LastWorkingDay, EvaluationPromptTime);
        var lastMonthStillOpen = now < lastPromptAt + EvaluationPromptValidFor && assignedAt < lastPromptAt && cohort.StartDate <= lastMonth.LastDay;
        return lastMonthStillOpen && !lastMonthEvaluated ? lastMonth : month;
    }

    private static void AddEvaluationNotices(List<DueNotice> due, Cohort cohort, ProgramCalendar calendar, MonthKey month, CohortStaff mentor,
        IReadOnlyList<Assignment> ikms, IReadOnlyList<long> coordinators, CohortActivity activity, DateTimeOffset now)
    {
        var promptAt = calendar.ToUtc(month.LastWorkingDay, EvaluationPromptTime);
        if (now < promptAt) return;
        // Only IKMs the mentor had before the prompt, in a month the cohort was running, are evaluated for that month.
        var evaluated = ikms.Where(a => a.AssignedAt < promptAt).ToList();
        if (evaluated.Count == 0 || cohort.StartDate > month.LastDay) return;

        var mentorMonth = Id($"{cohort.Id}:{mentor.UserId}:{month.Key}");
        if (now < promptAt + EvaluationPromptValidFor)
            due.Add(new EvaluationPrompt($"eval-prompt:{mentorMonth}", mentor.UserId, month, evaluated.Count));
        var missing = evaluated.Where(a => !activity.Evaluated(a.BusinessId, month)).ToList();
        if (missing.Count == 0) return;
        if (now >= promptAt + EvaluationReminderAfter)
            due.Add(new EvaluationReminder($"eval-reminder:{mentorMonth}", mentor.UserId, month, missing.Count));
        foreach (var assignment in missing)
        {
            var ikmMonth = $"{cohort.Id}:{assignment.BusinessId:N}:{month.Key}";
            if (now >= promptAt + EvaluationEscalationAfter)
                due.Add(new EvaluationEscalation($"escalate-eval:{ikmMonth}", mentor.UserId, month, assignment.BusinessId));
            if (now < promptAt + EvaluationAlertAfter) continue;
            foreach (var coordinator in coordinators)
                due.Add(new EvaluationAlert(Id($"alert-eval:{ikmMonth}:{coordinator}"), coordinator, month, assignment.BusinessId, mentor));
        }
    }

    private static void AddSelfAssessmentPrompts(List<DueNotice> due, Cohort cohort, ProgramCalendar calendar, CohortActivity activity, DateTimeOffset now)
    {
        var month = calendar.MonthOf(now);
        if (now < calendar.ToUtc(month.LastWorkingDay, EvaluationPromptTime)) return;
        foreach (var membership in activity.Memberships.Where(m => m.Status == MembershipStatus.Approved))
            due.Add(new SelfAssessmentPrompt(Id($"self-prompt:{cohort.Id}:{membership.OwnerUserId}:{month.Key}"), membership.OwnerUserId, month));
    }

    /// <summary>Monday 08:00: last week's digest; the 1st of the month 08:00: last month's — each once the cohort had run in that period.</summary>
    private static void AddDigests(List<DueNotice> due, Cohort cohort, ProgramCalendar calendar, IReadOnlyList<long> coordinators, DateTimeOffset now)
    {
        var week = calendar.WeekOf(now);
        var lastWeek = week.Previous();
        if (now >= calendar.At(week, DayOfWeek.Monday, DigestTime) && cohort.StartDate <= lastWeek.Sunday)
        {
            foreach (var coordinator in coordinators)
                due.Add(new WeeklyDigest(Id($"digest-week:{cohort.Id}:{lastWeek.Label}:{coordinator}"), coordinator, lastWeek));
        }

        var month = calendar.MonthOf(now);
        var lastMonth = month.Previous();
        if (now >= calendar.ToUtc(month.FirstDay, DigestTime) && cohort.StartDate <= lastMonth.LastDay)
        {
            foreach (var coordinator in coordinators)
                due.Add(new MonthlyDigest(Id($"digest-month:{cohort.Id}:{lastMonth.Key}:{coordinator}"), coordinator, lastMonth));
        }
    }

    private static string Id(FormattableString id) => id.ToString(CultureInfo.InvariantCulture);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
