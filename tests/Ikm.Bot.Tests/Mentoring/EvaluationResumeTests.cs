using static Ikm.Bot.Tests.Support.StoredDrafts;
using Ikm.Bot.Tests.Support;
using Ikm.TestKit;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests;

namespace Ikm.Bot.Tests.Mentoring;

public sealed class EvaluationResumeTests
{
    [Fact]
    public async Task Evaluation_LeftWithCancel_ContinuesAtTheMissingAnswer()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero)); // in the cohort's period
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s => s.AddSingleton<TimeProvider>(time));
        var (_, mentor) = await AssignedProgramAsync(emulator, 895, "Budi", 995);
        // A retro visit this month whose logbook worked on production: the evaluation's area without a diagnosis.
        await mentor.PressAsync("📝 Kunjungan susulan");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("Abon Ikan Mama Ani");
        await mentor.NextReplyAsync();
        foreach (var answer in new[] { "2/12/2026", "4", "HP mati di lokasi", "p", "m", "r", "n" })
        {
            await mentor.SendTextAsync(answer);
            await mentor.NextReplyAsync();
        }

        await mentor.PressAsync("Produksi");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("✅ Selesai memilih");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("✅ Selesai");
        await mentor.NextReplyAsync();

        await mentor.PressAsync("📊 Evaluasi bulanan");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("Abon Ikan Mama Ani");
        Assert.Contains("Bidang 1 dari 1: Manajemen produksi", (await mentor.NextReplyAsync()).Text);
        await mentor.PressAsync("4");
        await mentor.NextReplyAsync();
        await mentor.SendTextAsync("Catatan produksi belum rutin");
        Assert.Contains("Apa yang didampingkan", (await mentor.NextReplyAsync()).Text);
        await mentor.SendTextAsync("/batal");
        await mentor.NextReplyAsync();

        await mentor.PressAsync("📊 Evaluasi bulanan");
        Assert.Contains("Apa yang didampingkan", (await mentor.NextReplyAsync()).Text);
        await mentor.SendTextAsync("Buku catatan produksi harian");
        await mentor.NextReplyAsync();
        await mentor.SendTextAsync("Catatan 5 hari berturut-turut");
        Assert.Contains("tersimpan", (await mentor.NextReplyAsync()).Text);

        var evaluation = Assert.Single(await bot.App.Services.GetRequiredService<IDocumentStore>().AllAsync<Evaluation>(CancellationToken.None));
        var area = Assert.Single(evaluation.Areas);
        Assert.Equal(("production", 4, "Catatan produksi belum rutin", "Buku catatan produksi harian"), (area.AreaId, area.Score, area.Problem, area.Mentored));
    }
}
