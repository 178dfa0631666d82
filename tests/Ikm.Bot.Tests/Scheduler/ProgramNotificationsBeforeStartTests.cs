using Ikm.Bot.Tests.Support;
using Ikm.Scheduler.Jobs;
using Ikm.TestKit;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Members;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ikm.Bot.Tests.Scheduler;

public sealed class ProgramNotificationsBeforeStartTests
{
    [Fact]
    public async Task NothingIsSent_BeforeTheCohortBegins()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero)); // Monday 10:00 WITA
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s => s.AddSingleton<TimeProvider>(time));
        var coordinator = await Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests.JoinAsCoordinatorAsync(emulator);
        await Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests.CreateCohortAsync(coordinator); // starts 1 December 2026
        var mentor = await Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests.InviteAndJoinMentorAsync(emulator, coordinator, 880, "Budi");
        var cohortId = (await bot.App.Services.GetRequiredService<IDocumentStore>().AllAsync<Cohort>(CancellationToken.None)).Single().Id;
        await Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests.RegisterOwnerAsync(emulator.User(980));
        await Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests.ApproveAsync(coordinator);
        await Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests.AssignAsync(coordinator, "Abon Ikan Mama Ani", "Budi");
        await mentor.NextReplyAsync();
        var job = bot.App.Services.GetRequiredService<ProgramNotificationsJob>();

        await job.RunAsync(cohortId, CancellationToken.None);
        await bot.Dispatcher.WaitForScansAsync(2, TimeSpan.FromSeconds(5));
        Assert.DoesNotContain(emulator.SentTo(880), m => m.Text!.Contains("Pengingat"));

        time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero)); // Tuesday 1 December 07:30 WITA
        await job.RunAsync(cohortId, CancellationToken.None);
        var reminder = await mentor.NextReplyAsync();
        Assert.Contains("📅 Pengingat kunjungan minggu ini (30 Nov – 6 Des)", reminder.Text); // on time: the program's first day
    }
}
