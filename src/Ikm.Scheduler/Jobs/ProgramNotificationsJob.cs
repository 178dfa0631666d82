using System.Globalization;
using Hangfire;
using Humanizer;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Members;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Program;
using Ikm.Workflow.Program.Rules;
using Ikm.Workflow.Storage;
using Ikm.Workflow.Texts;
using Microsoft.Extensions.Logging;

namespace Ikm.Scheduler.Jobs;

/// <summary>
/// Everything a cohort's calendar asks for, worked out from the data at each run: the Monday 07:00 visit reminder,
/// the Thursday nudge, the evaluation prompt on the last working day 09:00 and its reminder 3 days later, the owners'
/// self-assessment prompt, and escalations (no visit for 2 weeks → mentor, 2 days later → coordinator; evaluation
/// missing 5 days after the prompt → mentor, 2 days later → coordinator).
/// Each notice has a deterministic id (reminder:{cohort}:{mentor}:{isoWeek}…) stored in the outbox before it is sent,
/// so the job can run hourly, twice, or late after downtime: a missed notice goes out once, late, never twice.
/// </summary>
[AutomaticRetry(Attempts = 3)]
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed class ProgramNotificationsJob(
    IDocumentStore documents,
    IOwnerStore owners,
    IBotStore store,
    NotificationWriter notifications,
    Reports.ProgramReports reports,
    TimeProvider time,
    ILogger<ProgramNotificationsJob> log)
{
    public static readonly TimeOnly DigestTime = new(8, 0);
    public static readonly TimeOnly ReminderTime = new(7, 0);
    public static readonly TimeOnly EvaluationPromptTime = new(9, 0);
    public static readonly TimeSpan Lateness = TimeSpan.FromHours(1);
    public static readonly TimeSpan NoVisitMentor = TimeSpan.FromDays(14);
    public static readonly TimeSpan NoVisitCoordinator = TimeSpan.FromDays(16);

    public static string RecurringId(string cohortId) => $"cohort:{cohortId}:notifications";

    public async Task RunAsync(string cohortId, CancellationToken ct)
    {
        var cohort = await documents.GetAsync<Cohort>(cohortId, ct);
        if (cohort is null) return;
        var now = time.GetUtcNow();
        var calendar = ProgramCalendar.For(cohort);
        // Nothing is due before the program begins (mentors may be invited and IKMs assigned ahead of the start).
        if (calendar.LocalDate(now) < cohort.StartDate) return;
        var data = await LoadAsync(cohort, ct);
        var languages = (await store.GetMembersAsync([.. data.Staff.Select(s => s.UserId).Concat(data.Memberships.Select(m => m.OwnerUserId)).Distinct()], ct))
            .ToDictionary(kv => kv.Key, kv => kv.Value.Language);
        string Lang(long user) => languages.GetValueOrDefault(user, Languages.Indonesian);

        var messages = new List<OutgoingMessage>();
        var week = calendar.WeekOf(now);
        var mentors = data.Staff.Where(s => s.Role == MemberRole.Mentor).ToList();
        foreach (var mentor in mentors)
        {
            var ikms = data.Assignments.Where(a => a.IsActive && a.MentorUserId == mentor.UserId).ToList();
            if (ikms.Count == 0) continue;
            var unvisited = ikms.Where(a => !data.VisitedIn(a.BusinessId, calendar.WeekBounds(week))).ToList();
            var lang = Lang(mentor.UserId);

            // In the week the program starts, the reminder is due on the first day at 07:00, not the Monday before it.
            var reminderAt = Max(calendar.At(week, DayOfWeek.Monday, ReminderTime), calendar.ToUtc(cohort.StartDate, ReminderTime));
            if (now >= reminderAt)
            {
                var title = unvisited.Count == 0
                    ? SchedulerTexts.AllVisited.In(lang, week.Label)
                    : (now - reminderAt > Lateness ? SchedulerTexts.WeeklyReminderLate : SchedulerTexts.WeeklyReminder).In(lang, week.Label);
                messages.Add(Notice($"reminder:{cohort.Id}:{mentor.UserId}:{week.Label}", mentor.UserId,
                    title + IkmLines(unvisited, data, now, lang), unvisited.Count == 0 ? null : CheckInButton(lang)));
            }

            var nudgeAt = calendar.At(week, DayOfWeek.Thursday, ReminderTime);
            if (now >= nudgeAt && unvisited.Count > 0)
                messages.Add(Notice($"nudge:{cohort.Id}:{mentor.UserId}:{week.Label}", mentor.UserId,
                    SchedulerTexts.Nudge.In(lang) + IkmLines(unvisited, data, now, lang), CheckInButton(lang)));

            foreach (var assignment in ikms)
                AddVisitEscalation(messages, cohort, assignment, mentor, data, now, Lang);

            // This month's prompt, and the previous month's follow-ups that fall in the first days of this one.
            foreach (var month in new[] { calendar.MonthOf(now), calendar.MonthOf(now).Previous() })
                AddEvaluationNotices(messages, cohort, calendar, month, mentor, ikms, data, now, Lang);
        }

        var thisMonth = calendar.MonthOf(now);
        if (now >= calendar.ToUtc(thisMonth.LastWorkingDay, EvaluationPromptTime))
        {
            foreach (var membership in data.Memberships.Where(m => m.Status == MembershipStatus.Approved))
            {
                var lang = Lang(membership.OwnerUserId);
                messages.Add(Notice($"self-prompt:{cohort.Id}:{membership.OwnerUserId}:{thisMonth.Key}", membership.OwnerUserId,
                    SchedulerTexts.SelfAssessmentPrompt.In(lang, thisMonth.Key),
                    [[new Button(SchedulerTexts.SelfAssessmentButton.In(lang), MenuPresenter.SelfAssessmentButton)]]));
            }
        }

        await AddDigestsAsync(messages, cohort, calendar, data, now, ct);
        await notifications.WriteAsync(messages, calendar, ct);
        log.LogInformation("Cohort {CohortId}: {Count} notices due at this run", cohort.Id, messages.Count);
    }

    /// <summary>Monday 08:00: last week's digest; the 1st of the month 08:00: last month's digest with chart and workbook.</summary>
    private async Task AddDigestsAsync(List<OutgoingMessage> messages, Cohort cohort, ProgramCalendar calendar, ProgramData data, DateTimeOffset now, CancellationToken ct)
    {
        if (data.Coordinators.Count == 0) return;
        var week = calendar.WeekOf(now);
        if (now >= calendar.At(week, DayOfWeek.Monday, DigestTime) && cohort.StartDate <= week.Previous().Sunday
            && !await AllWrittenAsync($"digest-week:{cohort.Id}:{week.Previous().Label}", data.Coordinators, ct)
            && await reports.PreviousWeekAsync(cohort.Id, Languages.Indonesian, ct) is { } weekly)
        {
            await AddDigestAsync(messages, $"digest-week:{cohort.Id}:{week.Previous().Label}", data.Coordinators, weekly, $"ringkasan-{week.Previous().Label}", ct);
        }

        var month = calendar.MonthOf(now);
        if (now >= calendar.ToUtc(month.FirstDay, DigestTime) && cohort.StartDate <= month.Previous().LastDay
            && !await AllWrittenAsync($"digest-month:{cohort.Id}:{month.Previous().Key}", data.Coordinators, ct)
            && await reports.PreviousMonthAsync(cohort.Id, Languages.Indonesian, ct) is { } monthly)
        {
            await AddDigestAsync(messages, $"digest-month:{cohort.Id}:{month.Previous().Key}", data.Coordinators, monthly, $"ringkasan-{month.Previous().Key}", ct);
        }
    }

    /// <summary>Digests are costly to build: skip the build when every coordinator's copy is already in the outbox.</summary>
    private async Task<bool> AllWrittenAsync(string idPrefix, IReadOnlyList<long> coordinators, CancellationToken ct)
    {
        foreach (var coordinator in coordinators)
        {
            if (await store.GetOutboxEntryAsync($"{idPrefix}:{coordinator}", ct) is null) return false;
        }

        return true;
    }

    /// <summary>
    /// Each coordinator whose copy is not in the outbox yet gets the text, and the chart and workbook as files of their
    /// own (a file is deleted once its message is delivered, so copies are never shared).
    /// </summary>
    private async Task AddDigestAsync(List<OutgoingMessage> messages, string idPrefix, IReadOnlyList<long> coordinators, Digests.Digest digest, string stem, CancellationToken ct)
    {
        foreach (var coordinator in coordinators)
        {
            var id = $"{idPrefix}:{coordinator}";
            if (await store.GetOutboxEntryAsync(id, ct) is not null) continue;
            messages.Add(Notice(id, coordinator, digest.Text, null));
            var workbookParts = 0;
            foreach (var file in reports.Files(digest, Languages.Indonesian, stem))
            {
                var suffix = file.Kind == OutgoingKind.Photo ? "chart"
                    : ++workbookParts == 1 ? "xlsx" : string.Create(CultureInfo.InvariantCulture, $"xlsx{workbookParts}");
                messages.Add(file.ToMessage(coordinator) with { Id = $"{id}:{suffix}" });
            }
        }
    }

    private void AddVisitEscalation(List<OutgoingMessage> messages, Cohort cohort, Assignment assignment, CohortStaff mentor, ProgramData data, DateTimeOffset now, Func<long, string> languageOf)
    {
        var lang = languageOf(mentor.UserId);
        var last = data.LastVisit(assignment.BusinessId);
        var since = last?.StartedAt ?? assignment.AssignedAt;
        var silence = now - since;
        // One episode per silence: the key is the instant the silence began, so a new visit starts a new episode.
        var episode = since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var name = data.BusinessName(assignment.BusinessId);
        var span = silence.Humanize(precision: 1, culture: Languages.Culture(lang), maxUnit: TimeUnit.Week);
        if (silence >= NoVisitMentor)
            messages.Add(Notice($"escalate-visit:{cohort.Id}:{assignment.BusinessId:N}:{episode}", mentor.UserId,
                SchedulerTexts.EscalationMentor.In(lang, name, span), CheckInButton(lang)));
        if (silence < NoVisitCoordinator) return;
        foreach (var coordinator in data.Coordinators)
        {
            var coordinatorLang = languageOf(coordinator);
            messages.Add(Notice($"alert-visit:{cohort.Id}:{assignment.BusinessId:N}:{episode}:{coordinator}", coordinator,
                SchedulerTexts.EscalationCoordinator.In(coordinatorLang, name, mentor.DisplayName,
                    silence.Humanize(precision: 1, culture: Languages.Culture(coordinatorLang), maxUnit: TimeUnit.Week)), null));
        }
    }

    private static void AddEvaluationNotices(List<OutgoingMessage> messages, Cohort cohort, ProgramCalendar calendar, MonthKey month,
        CohortStaff mentor, IReadOnlyList<Assignment> ikms, ProgramData data, DateTimeOffset now, Func<long, string> languageOf)
    {
        var lang = languageOf(mentor.UserId);
        var promptAt = calendar.ToUtc(month.LastWorkingDay, EvaluationPromptTime);
        if (now < promptAt) return;
        // Only IKMs the mentor had before the prompt, in a month the cohort was running, are evaluated for that month.
        ikms = [.. ikms.Where(a => a.AssignedAt < promptAt)];
        if (ikms.Count == 0 || cohort.StartDate > month.LastDay) return;
        var missing = ikms.Where(a => !data.Evaluated(a.BusinessId, month.Key)).ToList();
        var button = new[] { new[] { new Button(SchedulerTexts.EvaluationButton.In(lang), MenuPresenter.EvaluationButton) } };
        if (now < promptAt.AddDays(10))
            messages.Add(Notice($"eval-prompt:{cohort.Id}:{mentor.UserId}:{month.Key}", mentor.UserId,
                SchedulerTexts.EvaluationPrompt.In(lang, month.Key, ikms.Count), button));
        if (missing.Count == 0) return;
        if (now >= promptAt.AddDays(3))
            messages.Add(Notice($"eval-reminder:{cohort.Id}:{mentor.UserId}:{month.Key}", mentor.UserId,
                SchedulerTexts.EvaluationReminder.In(lang, month.Key, missing.Count), button));
        foreach (var assignment in missing)
        {
            var name = data.BusinessName(assignment.BusinessId);
            if (now >= promptAt.AddDays(5))
                messages.Add(Notice($"escalate-eval:{cohort.Id}:{assignment.BusinessId:N}:{month.Key}", mentor.UserId,
                    SchedulerTexts.EvaluationEscalationMentor.In(lang, month.Key, name), button));
            if (now >= promptAt.AddDays(7))
            {
                foreach (var coordinator in data.Coordinators)
                    messages.Add(Notice($"alert-eval:{cohort.Id}:{assignment.BusinessId:N}:{month.Key}:{coordinator}", coordinator,
                        SchedulerTexts.EvaluationEscalationCoordinator.In(languageOf(coordinator), month.Key, name, mentor.DisplayName), null));
            }
        }
    }

    private static string IkmLines(IEnumerable<Assignment> ikms, ProgramData data, DateTimeOffset now, string lang)
    {
        var culture = Languages.Culture(lang);
        var lines = ikms.Select(a =>
        {
            var last = data.LastVisit(a.BusinessId);
            var when = last is null
                ? SchedulerTexts.NeverVisited.In(lang)
                : SchedulerTexts.LastVisit.In(lang, last.StartedAt.Humanize(dateToCompareAgainst: now, culture: culture));
            return SchedulerTexts.IkmLine.In(lang, data.BusinessName(a.BusinessId), when);
        });
        return "\n" + string.Join("\n", lines);
    }

    private static IReadOnlyList<IReadOnlyList<Button>> CheckInButton(string lang) =>
        [[new Button(SchedulerTexts.CheckInButton.In(lang), MenuPresenter.CheckInButton)]];

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static OutgoingMessage Notice(string id, long chatId, string text, IReadOnlyList<IReadOnlyList<Button>>? buttons) =>
        new() { Id = id, ChatId = chatId, Text = text, Buttons = buttons };

    private async Task<ProgramData> LoadAsync(Cohort cohort, CancellationToken ct)
    {
        var assignments = await documents.FindAsync<Assignment>("cohort", cohort.Id, ct);
        var visits = (await documents.FindAsync<Visit>("cohort", cohort.Id, ct)).Where(v => v.Status == VisitStatus.Completed).ToList();
        var staff = await documents.FindAsync<CohortStaff>("cohort", cohort.Id, ct);
        var memberships = await documents.FindAsync<CohortMembership>("cohort", cohort.Id, ct);
        var evaluations = await documents.FindAsync<Evaluation>("cohort", cohort.Id, ct);
        var businesses = (await owners.GetBusinessesAsync(ct)).ToDictionary(b => b.Id);
        return new ProgramData(assignments, visits, staff, memberships, evaluations, businesses);
    }

    private sealed record ProgramData(
        IReadOnlyList<Assignment> Assignments,
        IReadOnlyList<Visit> Visits,
        IReadOnlyList<CohortStaff> Staff,
        IReadOnlyList<CohortMembership> Memberships,
        IReadOnlyList<Evaluation> Evaluations,
        IReadOnlyDictionary<Guid, Business> Businesses)
    {
        public IReadOnlyList<long> Coordinators { get; } = [.. Staff.Where(s => s.Role == MemberRole.Coordinator).Select(s => s.UserId).Distinct()];

        public bool VisitedIn(Guid businessId, UtcRange range) => Visits.Any(v => v.BusinessId == businessId && range.Contains(v.StartedAt));

        public Visit? LastVisit(Guid businessId) => Visits.Where(v => v.BusinessId == businessId).MaxBy(v => v.StartedAt);

        public bool Evaluated(Guid businessId, string month) =>
            Evaluations.Any(e => e.BusinessId == businessId && e.Month == month && !e.SelfAssessment && e.CompletedAt is not null);

        public string BusinessName(Guid businessId) => Businesses.GetValueOrDefault(businessId)?.BusinessName ?? "IKM";
    }
}
