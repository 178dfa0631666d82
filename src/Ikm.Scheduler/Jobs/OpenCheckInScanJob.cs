using System.Globalization;
using Hangfire;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Flows.Visits;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Mentoring.Rules;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Texts;
using Microsoft.Extensions.Logging;

namespace Ikm.Scheduler.Jobs;

/// <summary>
/// Finds check-ins left open past their CloseBy time (a deadline stored as data, so it survives restarts) and asks the
/// mentor once to close it with the real end time. Safe to run any number of times: one prompt per visit, by id.
/// </summary>
[AutomaticRetry(Attempts = 3)]
public sealed class OpenCheckInScanJob(IDocumentStore documents, NotificationWriter notifications, TimeProvider time, ILogger<OpenCheckInScanJob> log)
{
    public const string RecurringId = "open-checkins";

    public async Task RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var cohorts = new Dictionary<string, Cohort?>();
        var open = new List<(Visit Visit, Cohort? Cohort)>();
        foreach (var visit in await documents.FindAsync<Visit>(DocumentIndex.Status(VisitStatus.CheckedIn), ct))
        {
            if (!cohorts.TryGetValue(visit.CohortId, out var cohort))
                cohorts[visit.CohortId] = cohort = await documents.GetAsync<Cohort>(visit.CohortId, ct);
            if (VisitRules.For(cohort).MustClose(visit, now)) open.Add((visit, cohort));
        }

        if (open.Count == 0) return;

        var businesses = (await documents.GetBusinessesAsync(ct)).ToDictionary(b => b.Id);
        foreach (var (visit, cohort) in open)
        {
            var calendar = ProgramCalendar.For(cohort);
            var local = calendar.ToLocal(visit.StartedAt);
            var name = businesses.GetValueOrDefault(visit.BusinessId)?.BusinessName ?? "IKM";
            var prompt = new OutgoingMessage
            {
                Id = $"open-checkin:{visit.Id}",
                ChatId = visit.MentorUserId,
                Text = SchedulerTexts.OpenCheckIn.In(Languages.Indonesian, name, local.ToString("d MMMM HH:mm", Languages.Culture(Languages.Indonesian))),
                Buttons = [[new Button(SchedulerTexts.CloseCheckIn.In(Languages.Indonesian), MenuPresenter.CheckOutButton)]],
            };
            await notifications.WriteAsync([prompt], calendar, ct);
        }

        log.LogInformation("Open check-in scan: {Count} visits past their close time", open.Count);
    }
}
