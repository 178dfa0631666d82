using static Ikm.Bot.Tests.Support.StoredDrafts;
using Ikm.Bot.Tests.Support;
using Ikm.TestKit;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Mentoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests;

namespace Ikm.Bot.Tests.Mentoring;

public sealed class LogbookResumeTests
{
    [Fact]
    public async Task Logbook_SurvivesRestartAndCancel_AndAStaleButtonChangesNothing()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        await using var emulator = await Emulator.StartFastAsync();
        var dataDirectory = BotUnderTest.NewDataDirectory();
        var first = await BotUnderTest.StartAsync(emulator, dataDirectory: dataDirectory, services: s => s.AddSingleton<TimeProvider>(time));
        var (_, mentor) = await AssignedProgramAsync(emulator, 891, "Budi", 991);
        var list = await CheckInAtHouseAsync(mentor);
        time.Advance(TimeSpan.FromHours(4));
        await mentor.PressAsync("✅ Check-out");
        Assert.Contains("Selesai kunjungan di", (await mentor.NextReplyAsync()).Text);
        await mentor.PressAsync("✅ Ya, selesai");
        await mentor.NextReplyAsync();
        await mentor.NextReplyAsync();
        await mentor.SendTextAsync("Kemasan mudah sobek");
        Assert.Contains("Apa yang didampingkan", (await mentor.NextReplyAsync()).Text);

        // Restart in the middle of the logbook: the next answer goes to the same question.
        await first.StopAsync();
        await using var second = await BotUnderTest.StartAsync(emulator, dataDirectory: dataDirectory, services: s => s.AddSingleton<TimeProvider>(time));
        await mentor.SendTextAsync("Memilih standing pouch");
        Assert.Contains("Apa hasilnya", (await mentor.NextReplyAsync()).Text);

        // A stale button (the IKM list of the check-in) changes nothing.
        await mentor.PressDataAsync(list.InlineButtons[0][0].CallbackData, list.MessageId);
        var stale = await mentor.NextReplyAsync();
        Assert.Contains("Apa hasilnya", stale.Text);

        // /batal, then a new check-in is refused until the logbook is finished; Check-out resumes it.
        await mentor.SendTextAsync("/batal");
        Assert.Contains("dibatalkan", (await mentor.NextReplyAsync()).Text);
        await mentor.PressAsync("📍 Check-in");
        Assert.Contains("Logbook kunjungan di Abon Ikan Mama Ani belum selesai", (await mentor.NextReplyAsync()).Text);
        await mentor.PressAsync("✅ Check-out");
        Assert.Contains("Apa hasilnya", (await mentor.NextReplyAsync()).Text);
        await mentor.SendTextAsync("20 kemasan baru");
        Assert.Contains("Langkah berikutnya", (await mentor.NextReplyAsync()).Text);
        var conversation = await second.Store.GetConversationAsync(891, CancellationToken.None);
        Assert.Equal("Kemasan mudah sobek", LogbookAnswers(conversation!)["problem"]);
    }
}
