using static Ikm.Bot.Tests.Support.StoredDrafts;
using Ikm.Bot.Tests.Support;
using Ikm.TestKit;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests;

namespace Ikm.Bot.Tests.Mentoring;

public sealed class OpenCheckInEndToEndTests
{
    [Fact]
    public async Task OpenCheckIn_PastTwelveHours_IsPromptedOnce_AndClosedWithTheRealEndTime()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero)); // 08:00 WITA
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s => s.AddSingleton<TimeProvider>(time));
        var (_, mentor) = await AssignedProgramAsync(emulator, 851, "Yusuf", 951);
        // The owner skipped the location question: no production house location is stored.
        var registered = (await bot.Owners.GetBusinessByOwnerAsync(951, CancellationToken.None))!;
        registered.Location = null;
        await bot.Store.CommitAsync([new Ikm.Workflow.Storage.ChangeSet { Documents = [new(registered)] }], CancellationToken.None);

        await mentor.PressAsync("📍 Check-in");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("Abon Ikan Mama Ani");
        await mentor.NextReplyAsync();
        await mentor.ShareLocationAsync(-0.8917, 119.8707);
        Assert.Contains("belum tercatat", (await mentor.NextReplyAsync()).Text);
        await mentor.PressAsync("✅ Ya");
        Assert.Contains("Check-in tercatat", (await mentor.NextReplyAsync()).Text);

        var scan = bot.App.Services.GetRequiredService<Ikm.Scheduler.Jobs.OpenCheckInScanJob>();
        time.Advance(TimeSpan.FromHours(11));
        await scan.RunAsync(CancellationToken.None); // 19:00: not yet due
        time.Advance(TimeSpan.FromHours(2));
        await scan.RunAsync(CancellationToken.None); // 21:00: due, but quiet hours hold it until 06:00
        await scan.RunAsync(CancellationToken.None);
        await bot.Dispatcher.WaitForScansAsync(2, TimeSpan.FromSeconds(5));
        Assert.DoesNotContain(emulator.SentTo(851), m => m.Text!.Contains("belum ditutup"));
        time.Advance(TimeSpan.FromHours(9));
        var prompt = await mentor.NextReplyAsync(TimeSpan.FromSeconds(15));
        await scan.RunAsync(CancellationToken.None);
        Assert.Contains("belum ditutup", prompt.Text);
        await bot.Dispatcher.WaitForScansAsync(2, TimeSpan.FromSeconds(5));
        Assert.Single(emulator.SentTo(851), m => m.Text!.Contains("belum ditutup"));

        await mentor.PressAsync("✅ Tutup check-in");
        Assert.Contains("Jam berapa kunjungan sebenarnya selesai", (await mentor.NextReplyAsync()).Text);
        await mentor.SendTextAsync("jam lima");
        Assert.Contains("15:30", (await mentor.NextReplyAsync()).Text);
        await mentor.SendTextAsync("12.30");
        Assert.Contains("4 jam 30 menit", (await mentor.NextReplyAsync()).Text);

        var documents = bot.App.Services.GetRequiredService<IDocumentStore>();
        var visit = Assert.Single(await documents.AllAsync<Visit>(CancellationToken.None));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 4, 30, 0, TimeSpan.Zero), visit.EndedAt); // 12:30 WITA
        Assert.True(visit.Flags.HasFlag(VisitFlags.ForgottenCheckOut));
        var business = await bot.Owners.GetBusinessByOwnerAsync(951, CancellationToken.None);
        Assert.Equal(-0.8917, business!.Location!.Latitude, 4);
    }
}
