using Ikm.Bot.Tests.Support;
using Ikm.Scheduler.Jobs;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ikm.Bot.Tests.Scheduler;

/// <summary>The scan prompts exactly the check-ins <c>VisitRules.MustClose</c> says must close: by the stored CloseBy, else by the cohort's limit.</summary>
public sealed class OpenCheckInScanJobTests
{
    [Fact]
    public async Task Run_PromptsTheCheckInsPastTheirCloseBy_UsingTheCohortLimitWhenNoneIsStored()
    {
        // Tuesday 24 November 2026, 14:00 WITA: outside quiet hours.
        var now = new DateTimeOffset(2026, 11, 24, 14, 0, 0, TimeSpan.FromHours(8));
        var time = new FakeTimeProvider(now);
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s => s.AddSingleton<TimeProvider>(time));
        var cohort = new Cohort { Id = "scan-cohort", TimeZoneId = "Asia/Makassar", Rules = new CohortRules { OpenCheckInHours = 6 } };
        Visit CheckedIn(string id, TimeSpan ago, DateTimeOffset? closeBy) => new()
        {
            Id = id, CohortId = cohort.Id, BusinessId = Guid.NewGuid(), MentorUserId = 8801,
            Status = VisitStatus.CheckedIn, StartedAt = now - ago, CloseBy = closeBy,
        };
        await bot.Store.CommitAsync([new ChangeSet { Documents =
        [
            new DocumentChange(cohort),
            new DocumentChange(CheckedIn("legacy-due", TimeSpan.FromHours(6), closeBy: null)),
            new DocumentChange(CheckedIn("legacy-open", TimeSpan.FromHours(6) - TimeSpan.FromTicks(1), closeBy: null)),
            new DocumentChange(CheckedIn("stored-due", TimeSpan.FromHours(1), closeBy: now)),
            new DocumentChange(CheckedIn("stored-open", TimeSpan.FromHours(20), closeBy: now.AddHours(1))),
        ] }], CancellationToken.None);

        await bot.App.Services.GetRequiredService<OpenCheckInScanJob>().RunAsync(CancellationToken.None);

        async Task<bool> PromptedAsync(string visitId) => await bot.Store.GetOutboxEntryAsync($"open-checkin:{visitId}", CancellationToken.None) is not null;
        Assert.Equal(
            (true, false, true, false),
            (await PromptedAsync("legacy-due"), await PromptedAsync("legacy-open"), await PromptedAsync("stored-due"), await PromptedAsync("stored-open")));
    }
}
