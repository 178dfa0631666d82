using Ikm.Bot.Tests.Support;
using Ikm.TestKit;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests;

namespace Ikm.Bot.Tests.Mentoring;

/// <summary>Issue 12, problem 7: check-out asks before closing, and a short visit never reads as the week's visit done.</summary>
public sealed class VisitCheckOutEndToEndTests
{
    [Fact]
    public async Task CheckOut_AsksToConfirm_AMisTapClosesNothing_AndAShortVisitIsNotShownAsMeetingTheRule()
    {
        // Monday 08:00 WITA, before the cohort starts: no scheduled reminder comes between the replies after the restart.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        await using var emulator = await Emulator.StartFastAsync();
        var dataDirectory = BotUnderTest.NewDataDirectory();
        var first = await BotUnderTest.StartAsync(emulator, dataDirectory: dataDirectory, services: s => s.AddSingleton<TimeProvider>(time));
        var (_, mentor) = await AssignedProgramAsync(emulator, 861, "Budi", 961);
        await CheckInAtHouseAsync(mentor);

        // A mis-tap right after the check-in: the question, with the start and the time so far; ❌ keeps the visit open.
        await mentor.PressAsync("✅ Check-out");
        var ask = await mentor.NextReplyAsync();
        Assert.Equal("Selesai kunjungan di Abon Ikan Mama Ani sekarang? (mulai 08:00 WITA, 0 menit)", ask.Text);
        Assert.True(ask.HasButton("✅ Ya, selesai") && ask.HasButton("❌ Batal"));
        await mentor.PressAsync("❌ Batal");
        Assert.Contains("Check-in tetap terbuka", (await mentor.NextReplyAsync()).Text);
        var documents = first.App.Services.GetRequiredService<IDocumentStore>();
        Assert.Equal(VisitStatus.CheckedIn, Assert.Single(await documents.AllAsync<Visit>(CancellationToken.None)).Status);

        // The confirm button of that question is stale now: it closes nothing.
        var finish = ask.InlineButtons.SelectMany(r => r).Single(b => b.Text == "✅ Ya, selesai");
        await mentor.PressDataAsync(finish.CallbackData, ask.MessageId);
        await mentor.NextReplyAsync();
        Assert.Equal(VisitStatus.CheckedIn, Assert.Single(await documents.AllAsync<Visit>(CancellationToken.None)).Status);

        // /batal at the question keeps the visit open too; bad input repeats the question.
        await mentor.PressAsync("✅ Check-out");
        await mentor.NextReplyAsync();
        await mentor.SendTextAsync("hmm");
        Assert.Contains("Selesai kunjungan di Abon Ikan Mama Ani sekarang?", (await mentor.NextReplyAsync()).Text);
        await mentor.SendTextAsync("/batal");
        await mentor.NextReplyAsync();
        Assert.Equal(VisitStatus.CheckedIn, Assert.Single(await documents.AllAsync<Visit>(CancellationToken.None)).Status);

        // Asked, then a restart, then confirmed: the visit closes at the clock (30 minutes, short).
        time.Advance(TimeSpan.FromMinutes(30));
        await mentor.PressAsync("✅ Check-out");
        Assert.Contains("(mulai 08:00 WITA, 30 menit)", (await mentor.NextReplyAsync()).Text);
        await first.StopAsync();
        await using var second = await BotUnderTest.StartAsync(emulator, dataDirectory: dataDirectory, services: s => s.AddSingleton<TimeProvider>(time));
        await mentor.PressAsync("✅ Ya, selesai");
        Assert.Contains("lama kunjungan 30 menit", (await mentor.NextReplyAsync()).Text);
        await FinishLogbookAsync(mentor);

        // "IKM saya" does not show the short visit as the week's visit done.
        await mentor.SendTextAsync("/menu");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("🏭 IKM saya");
        var mine = (await mentor.NextReplyAsync()).Text!;
        Assert.DoesNotContain("✅ minggu ini", mine);
        Assert.Contains("⏳ minggu ini belum memenuhi aturan, ⚠️ 1 kunjungan di bawah 4 jam", mine);
        var visit = Assert.Single(await second.App.Services.GetRequiredService<IDocumentStore>().AllAsync<Visit>(CancellationToken.None));
        Assert.Equal((VisitStatus.Completed, TimeSpan.FromMinutes(30)), (visit.Status, visit.Duration));
        Assert.True(visit.Flags.HasFlag(VisitFlags.Short));
    }

    internal static async Task FinishLogbookAsync(TestUser mentor)
    {
        Assert.Contains("Masalah apa", (await mentor.NextReplyAsync()).Text);
        foreach (var answer in new[] { "Kemasan mudah sobek", "Memilih kemasan", "Contoh kemasan", "Cetak label" })
        {
            await mentor.SendTextAsync(answer);
            await mentor.NextReplyAsync();
        }

        await mentor.PressAsync("Produksi");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("✅ Selesai memilih");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("✅ Selesai");
        Assert.Contains("Logbook tersimpan", (await mentor.NextReplyAsync()).Text);
    }
}
