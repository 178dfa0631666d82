using static Ikm.Bot.Tests.Support.StoredDrafts;
using Ikm.Bot.Tests.Support;
using Ikm.TestKit;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Ikm.Bot.Tests.Mentoring.EvaluationEndToEndTests;
using static Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests;

namespace Ikm.Bot.Tests.Mentoring;

/// <summary>An evaluation left half-way continues where it stopped: at the note being written, at the notes card, at the summary.</summary>
public sealed class EvaluationResumeTests
{
    [Fact]
    public async Task Evaluation_LeftWithCancel_AndARestart_ContinuesWhereItStopped_AndNothingIsStoredBeforeTheSave()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero)); // in the cohort's period
        await using var emulator = await Emulator.StartFastAsync();
        var dataDirectory = BotUnderTest.NewDataDirectory();
        var first = await BotUnderTest.StartAsync(emulator, dataDirectory: dataDirectory, services: s => s.AddSingleton<TimeProvider>(time));
        var (_, mentor) = await AssignedProgramAsync(emulator, 895, "Budi", 995);
        await LogRetroVisitAsync(mentor, "Produksi", "Merek & kemasan");
        await StartEvaluationAsync(mentor, areas: 2);

        // /batal while writing the first area's notes: it continues at the note being written.
        await mentor.PressAsync("4");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("✏️ Tulis catatan");
        await mentor.NextReplyAsync();
        await mentor.SendTextAsync("Catatan produksi belum rutin");
        Assert.Contains("Apa yang didampingkan", (await mentor.NextReplyAsync()).Text);
        await mentor.SendTextAsync("/batal");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("📊 Evaluasi bulanan");
        Assert.Contains("Apa yang didampingkan", (await mentor.NextReplyAsync()).Text);
        await mentor.SendTextAsync("Buku catatan produksi harian");
        Assert.Contains("Apa hasilnya", (await mentor.NextReplyAsync()).Text);
        await mentor.PressAsync("⏭ Lewati");
        Assert.Contains("Bidang 2 dari 2", (await mentor.NextReplyAsync()).Text);
        await mentor.PressAsync("2");
        Assert.Contains("Catatan Merek dan kemasan (skor 2)", (await mentor.NextReplyAsync()).Text);

        // The week's reminder, due in the cohort's period, is sent now, so that the restart has none to send between replies.
        var documents = first.App.Services.GetRequiredService<IDocumentStore>();
        var cohortId = Assert.Single(await documents.AllAsync<Cohort>(CancellationToken.None)).Id;
        await first.App.Services.GetRequiredService<Ikm.Scheduler.Jobs.ProgramNotificationsJob>().RunAsync(cohortId, CancellationToken.None);
        Assert.Contains("📅", (await mentor.NextReplyAsync()).Text);

        // A restart at the notes card: the card again.
        await first.StopAsync();
        await using var second = await BotUnderTest.StartAsync(emulator, dataDirectory: dataDirectory, services: s => s.AddSingleton<TimeProvider>(time));
        await mentor.PressAsync("📊 Evaluasi bulanan");
        Assert.Contains("Catatan Merek dan kemasan (skor 2)", (await mentor.NextReplyAsync()).Text);
        await mentor.PressAsync("✅ Pakai catatan ini");
        var summary = await mentor.NextReplyAsync();
        Assert.Contains("Ringkasan evaluasi", summary.Text);
        Assert.Contains("Masalah: Catatan produksi belum rutin · Didampingkan: Buku catatan produksi harian · Hasil: –", summary.Text);

        // Left at the summary: the summary again; only the save stores.
        await mentor.SendTextAsync("/batal");
        await mentor.NextReplyAsync();
        var secondDocuments = second.App.Services.GetRequiredService<IDocumentStore>();
        Assert.Empty(await secondDocuments.AllAsync<Evaluation>(CancellationToken.None));
        await mentor.PressAsync("📊 Evaluasi bulanan");
        Assert.Contains("Ringkasan evaluasi", (await mentor.NextReplyAsync()).Text);
        Assert.Contains("tersimpan", (await SaveAsync(mentor)).Text);

        var evaluation = Assert.Single(await secondDocuments.AllAsync<Evaluation>(CancellationToken.None));
        Assert.Equal(
            [("production", 4, "Catatan produksi belum rutin", "Buku catatan produksi harian", ""), ("branding", 2, "p", "m", "r")],
            evaluation.Areas.Select(a => (a.AreaId, a.Score, a.Problem, a.Mentored, a.Result)));
        var conversation = await second.Store.GetConversationAsync(895, CancellationToken.None);
        Assert.False(conversation!.Data.ContainsKey("draft:evaluation"));
    }
}
