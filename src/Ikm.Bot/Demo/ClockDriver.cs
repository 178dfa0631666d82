using Ikm.Scheduler.Jobs;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Engine;
using Microsoft.Extensions.Options;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Mentoring.Rules;

namespace Ikm.Bot.Demo;

/// <summary>
/// Moves the demo's clock on, and at every full hour it passes calls the jobs Hangfire would run then — each cohort's
/// notifications (reminders, nudges, prompts, escalations, digests), the open check-in scan, the report scan and the photo
/// copies — by the same code, on the simulated time. At 06:00, when quiet hours end, the outbox's store scan delivers
/// what they held. Everything written is delivered before the clock moves again.
/// </summary>
public sealed class ClockDriver(DemoStage stage, ProgramCalendar calendar)
{
    private DateTimeOffset _nextRun = NextFullHour(stage.Clock.GetUtcNow());

    public ProgramCalendar Calendar { get; } = calendar;

    /// <summary>Local time in the cohort's zone (WITA).</summary>
    public DateTimeOffset Local => Calendar.ToLocal(stage.Clock.GetUtcNow());

    public Task MoveToAsync(DateOnly day, TimeOnly time) => MoveToAsync(Calendar.ToUtc(day, time));

    public async Task MoveToAsync(DateTimeOffset instant)
    {
        while (_nextRun <= instant)
        {
            stage.Clock.MoveTo(_nextRun);
            await RunJobsAsync();
            _nextRun = NextFullHour(stage.Clock.GetUtcNow());
        }

        stage.Clock.MoveTo(instant);
    }

    /// <summary>Runs the jobs now, between full hours (the report scan after a coordinator's request).</summary>
    public Task RunJobsNowAsync() => RunJobsAsync();

    private async Task RunJobsAsync()
    {
        var services = stage.Host.Services;
        var ct = CancellationToken.None;
        if (TimeOnly.FromDateTime(Local.DateTime) is var now && now.Hour == services.GetRequiredService<IOptions<QuietHours>>().Value.End.Hour)
            await stage.Host.ScanOutboxAsync();
        foreach (var cohort in await services.GetRequiredService<IDocumentStore>().AllAsync<Cohort>(ct))
            await services.GetRequiredService<ProgramNotificationsJob>().RunAsync(cohort.Id, ct);
        await services.GetRequiredService<OpenCheckInScanJob>().RunAsync(ct);
        await services.GetRequiredService<ReportJob>().RunPendingAsync(ct);
        await services.GetRequiredService<PhotoCopyJob>().RunAsync(ct);
        await stage.SettleAsync();
    }

    private static DateTimeOffset NextFullHour(DateTimeOffset instant) =>
        new DateTimeOffset(instant.Year, instant.Month, instant.Day, instant.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
}
