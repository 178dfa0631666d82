using System.Globalization;
using Hangfire;
using Humanizer;
using Ikm.Workflow.Parsing;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Mentoring.Rules;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Texts;
using Microsoft.Extensions.Logging;

namespace Ikm.Scheduler.Jobs;

/// <summary>
/// Loads a cohort, asks <see cref="NotificationSchedule"/> what is due, and writes each due notice in its recipient's
/// language to the outbox. Each notice has the schedule's deterministic id, stored in the outbox before it is sent, so
/// the job can run hourly, twice, or late after downtime: a missed notice goes out once, late, never twice.
/// </summary>
[AutomaticRetry(Attempts = 3)]
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed class ProgramNotificationsJob(
    IDocumentStore documents,
    IBotStore store,
    NotificationWriter notifications,
    Reports.ProgramReports reports,
    TimeProvider time,
    ILogger<ProgramNotificationsJob> log)
{
    public static string RecurringId(string cohortId) => $"cohort:{cohortId}:notifications";

    public async Task RunAsync(string cohortId, CancellationToken ct)
    {
        var cohort = await documents.GetAsync<Cohort>(cohortId, ct);
        if (cohort is null) return;
        var now = time.GetUtcNow();
        if (!NotificationSchedule.HasBegun(cohort, now)) return;

        var activity = await LoadAsync(cohort, ct);
        var due = NotificationSchedule.Due(cohort, activity, now);
        var businesses = (await documents.GetBusinessesAsync(ct)).ToDictionary(b => b.Id);
        var languages = (await store.GetMembersAsync([.. activity.Staff.Select(s => s.UserId).Concat(activity.Memberships.Select(m => m.OwnerUserId)).Distinct()], ct))
            .ToDictionary(kv => kv.Key, kv => kv.Value.Language);
        var texts = new NoticeTexts(activity, businesses, languages, now);

        var messages = new List<OutgoingMessage>();
        foreach (var notice in due)
        {
            if (texts.Render(notice) is { } message) messages.Add(message);
        }

        await AddDigestsAsync(messages, cohort, [.. due.OfType<WeeklyDigest>()], [.. due.OfType<MonthlyDigest>()], ct);
        await notifications.WriteAsync(messages, ProgramCalendar.For(cohort), ct);
        log.LogInformation("Cohort {CohortId}: {Count} notices due at this run", cohort.Id, messages.Count);
    }

    /// <summary>
    /// Digests are costly to build: built only when some coordinator's copy is not in the outbox yet. Each such
    /// coordinator gets the text, and the chart and workbook as files of their own (a file is deleted once its message
    /// is delivered, so copies are never shared).
    /// </summary>
    private async Task AddDigestsAsync(List<OutgoingMessage> messages, Cohort cohort, IReadOnlyList<WeeklyDigest> weekly, IReadOnlyList<MonthlyDigest> monthly, CancellationToken ct)
    {
        var unwrittenWeekly = await UnwrittenAsync(weekly, ct);
        if (unwrittenWeekly.Count > 0 && await reports.PreviousWeekAsync(cohort.Id, Languages.Indonesian, ct) is { } weekDigest)
        {
            foreach (var notice in unwrittenWeekly)
                AddDigest(messages, notice, weekDigest, $"ringkasan-{notice.Week.Label}");
        }

        var unwrittenMonthly = await UnwrittenAsync(monthly, ct);
        if (unwrittenMonthly.Count > 0 && await reports.PreviousMonthAsync(cohort.Id, Languages.Indonesian, ct) is { } monthDigest)
        {
            foreach (var notice in unwrittenMonthly)
                AddDigest(messages, notice, monthDigest, $"ringkasan-{notice.Month.Key}");
        }
    }

    private async Task<IReadOnlyList<T>> UnwrittenAsync<T>(IReadOnlyList<T> notices, CancellationToken ct) where T : DueNotice
    {
        var unwritten = new List<T>();
        foreach (var notice in notices)
        {
            if (await store.GetOutboxEntryAsync(notice.Id, ct) is null) unwritten.Add(notice);
        }

        return unwritten;
    }

    private void AddDigest(List<OutgoingMessage> messages, DueNotice notice, Digests.Digest digest, string stem)
    {
        messages.Add(new OutgoingMessage { Id = notice.Id, ChatId = notice.RecipientId, Text = digest.Text });
        var workbookParts = 0;
        foreach (var file in reports.Files(digest, Languages.Indonesian, stem))
        {
            var suffix = file.Kind == OutgoingKind.Photo ? "chart"
                : ++workbookParts == 1 ? "xlsx" : string.Create(CultureInfo.InvariantCulture, $"xlsx{workbookParts}");
            messages.Add(file.ToMessage(notice.RecipientId) with { Id = $"{notice.Id}:{suffix}" });
        }
    }

    private async Task<CohortActivity> LoadAsync(Cohort cohort, CancellationToken ct) => new()
    {
        Assignments = await documents.FindAsync<Assignment>(DocumentIndex.Cohort(cohort.Id), ct),
        Visits = await documents.FindAsync<Visit>(DocumentIndex.Cohort(cohort.Id), ct),
        Staff = await documents.FindAsync<CohortStaff>(DocumentIndex.Cohort(cohort.Id), ct),
        Memberships = await documents.FindAsync<CohortMembership>(DocumentIndex.Cohort(cohort.Id), ct),
        Evaluations = await documents.FindAsync<Evaluation>(DocumentIndex.Cohort(cohort.Id), ct),
    };

    /// <summary>A due notice as the message its recipient reads, in their language (digests are built apart).</summary>
    private sealed class NoticeTexts(CohortActivity activity, IReadOnlyDictionary<Guid, Business> businesses, IReadOnlyDictionary<long, string> languages, DateTimeOffset now)
    {
        public OutgoingMessage? Render(DueNotice notice)
        {
            var lang = languages.GetValueOrDefault(notice.RecipientId, Languages.Indonesian);
            return notice switch
            {
                WeeklyVisitReminder { Unvisited.Count: 0 } n => Message(n, SchedulerTexts.AllVisited.In(lang, IndonesianFormat.Week(n.Week.Monday, lang)), null),
                WeeklyVisitReminder n => Message(n,
                    (n.Late ? SchedulerTexts.WeeklyReminderLate : SchedulerTexts.WeeklyReminder).In(lang, IndonesianFormat.Week(n.Week.Monday, lang)) + IkmLines(n.Unvisited, lang),
                    CheckInButton(lang)),
                VisitNudge n => Message(n, SchedulerTexts.Nudge.In(lang) + IkmLines(n.Unvisited, lang), CheckInButton(lang)),
                NoVisitEscalation n => Message(n, SchedulerTexts.EscalationMentor.In(lang, BusinessName(n.BusinessId), Span(n.Silence, lang)), CheckInButton(lang)),
                NoVisitAlert n => Message(n,
                    SchedulerTexts.EscalationCoordinator.In(lang, BusinessName(n.BusinessId), n.Mentor.DisplayName, Span(n.Silence, lang)), null),
                EvaluationPrompt n => Message(n, SchedulerTexts.EvaluationPrompt.In(lang, IndonesianFormat.Month(n.Month.Year, n.Month.Month, lang), n.Ikms), EvaluationButton(lang)),
                EvaluationReminder n => Message(n, SchedulerTexts.EvaluationReminder.In(lang, IndonesianFormat.Month(n.Month.Year, n.Month.Month, lang), n.Missing), EvaluationButton(lang)),
                EvaluationEscalation n => Message(n,
                    SchedulerTexts.EvaluationEscalationMentor.In(lang, IndonesianFormat.Month(n.Month.Year, n.Month.Month, lang), BusinessName(n.BusinessId)), EvaluationButton(lang)),
                EvaluationAlert n => Message(n,
                    SchedulerTexts.EvaluationEscalationCoordinator.In(lang, IndonesianFormat.Month(n.Month.Year, n.Month.Month, lang), BusinessName(n.BusinessId), n.Mentor.DisplayName), null),
                SelfAssessmentPrompt n => Message(n, SchedulerTexts.SelfAssessmentPrompt.In(lang, IndonesianFormat.Month(n.Month.Year, n.Month.Month, lang)),
                    [[new Button(SchedulerTexts.SelfAssessmentButton.In(lang), MenuPresenter.SelfAssessmentButton)]]),
                WeeklyDigest or MonthlyDigest => null,
                _ => throw new ArgumentOutOfRangeException(nameof(notice), notice.GetType().Name, "A due notice without a text."),
            };
        }

        private string IkmLines(IEnumerable<Assignment> ikms, string lang)
        {
            var culture = Languages.Culture(lang);
            var lines = ikms.ByBusinessName(a => businesses.GetValueOrDefault(a.BusinessId)?.BusinessName, a => a.BusinessId).Select(a =>
            {
                var when = activity.LastVisit(a.BusinessId) is { } last
                    ? SchedulerTexts.LastVisit.In(lang, last.StartedAt.Humanize(dateToCompareAgainst: now, culture: culture))
                    : SchedulerTexts.NeverVisited.In(lang);
                return SchedulerTexts.IkmLine.In(lang, BusinessName(a.BusinessId), when);
            });
            return "\n" + string.Join("\n", lines);
        }

        private string BusinessName(Guid businessId) => businesses.GetValueOrDefault(businessId)?.BusinessName ?? "IKM";

        private static string Span(TimeSpan silence, string lang) =>
            silence.Humanize(precision: 1, culture: Languages.Culture(lang), maxUnit: TimeUnit.Week);

        private static IReadOnlyList<IReadOnlyList<Button>> CheckInButton(string lang) =>
            [[new Button(SchedulerTexts.CheckInButton.In(lang), MenuPresenter.CheckInButton)]];

        private static IReadOnlyList<IReadOnlyList<Button>> EvaluationButton(string lang) =>
            [[new Button(SchedulerTexts.EvaluationButton.In(lang), MenuPresenter.EvaluationButton)]];

        private static OutgoingMessage Message(DueNotice notice, string text, IReadOnlyList<IReadOnlyList<Button>>? buttons) =>
            new() { Id = notice.Id, ChatId = notice.RecipientId, Text = text, Buttons = buttons };
    }
}
