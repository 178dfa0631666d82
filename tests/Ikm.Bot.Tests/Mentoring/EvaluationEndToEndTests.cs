using Ikm.Bot.Tests.Support;
using Ikm.TestKit;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests;

namespace Ikm.Bot.Tests.Mentoring;

/// <summary>The monthly evaluation over two areas (a month's logbook of production and branding, no diagnosis yet).</summary>
public sealed class EvaluationEndToEndTests
{
    [Fact]
    public async Task AScoreButtonOfAnEarlierArea_IsStale_AndTheCurrentQuestionIsAskedAgain()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero));
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s => s.AddSingleton<TimeProvider>(time));
        var (_, mentor) = await AssignedProgramAsync(emulator, 896, "Budi", 996);
        await LogRetroVisitAsync(mentor, "Produksi", "Merek & kemasan");
        var firstArea = await StartEvaluationAsync(mentor);
        var staleFive = firstArea.AllInlineButtons.Single(b => b.Text == "5");
        Assert.Contains("Bidang 2 dari 2", (await AnswerAreaAsync(mentor, "4", "p1", "m1", "r1")).Text);

        await mentor.PressDataAsync(staleFive.CallbackData, firstArea.MessageId);

        var stale = await mentor.NextReplyAsync();
        Assert.Contains("Tombol itu untuk pertanyaan lain", stale.Text);
        Assert.Contains("Skor sekarang", stale.Text);
        Assert.Contains("Evaluasi Abon Ikan Mama Ani bulan Desember 2026 tersimpan", (await AnswerAreaAsync(mentor, "2", "p2", "m2", "r2")).Text);
        var evaluation = Assert.Single(await bot.App.Services.GetRequiredService<IDocumentStore>().AllAsync<Evaluation>(CancellationToken.None));
        Assert.Equal([("production", 4), ("branding", 2)], evaluation.Areas.Select(a => (a.AreaId, a.Score)));
    }

    [Fact]
    public async Task Back_AtTheFirstQuestionOfAnArea_ReturnsToTheLastAnswerOfTheAreaBefore()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero));
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s => s.AddSingleton<TimeProvider>(time));
        var (_, mentor) = await AssignedProgramAsync(emulator, 897, "Budi", 997);
        await LogRetroVisitAsync(mentor, "Produksi", "Merek & kemasan");
        await StartEvaluationAsync(mentor);
        Assert.Contains("Bidang 2 dari 2", (await AnswerAreaAsync(mentor, "4", "p1", "m1", "r1")).Text);

        await mentor.SendTextAsync("/kembali");

        var back = await mentor.NextReplyAsync();
        Assert.Contains("Apa hasilnya?", back.Text);
        Assert.Contains("r1", back.Text);
        await mentor.SendTextAsync("hasil produksi diperbaiki");
        var secondArea = await mentor.NextReplyAsync();
        Assert.Contains("Bidang 2 dari 2", secondArea.Text);
        Assert.Contains("Skor sekarang", secondArea.Text);
        await mentor.PressAsync("3");
        Assert.Contains("Masalahnya apa?", (await mentor.NextReplyAsync()).Text);
        await mentor.SendTextAsync("/kembali");
        Assert.Contains("Skor sekarang", (await mentor.NextReplyAsync()).Text);
        Assert.Contains("tersimpan", (await AnswerAreaAsync(mentor, "2", "p2", "m2", "r2")).Text);

        var evaluation = Assert.Single(await bot.App.Services.GetRequiredService<IDocumentStore>().AllAsync<Evaluation>(CancellationToken.None));
        Assert.Equal(
            [("production", 4, "p1", "m1", "hasil produksi diperbaiki"), ("branding", 2, "p2", "m2", "r2")],
            evaluation.Areas.Select(a => (a.AreaId, a.Score, a.Problem, a.Mentored, a.Result)));
    }

    /// <summary>A retro visit this month (2 December: inside the cohort's period, with a reason) whose logbook worked on <paramref name="areas"/> (labels of the area buttons).</summary>
    internal static async Task LogRetroVisitAsync(TestUser mentor, params string[] areas)
    {
        await mentor.PressAsync("📝 Kunjungan susulan");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("Abon Ikan Mama Ani");
        await mentor.NextReplyAsync();
        foreach (var answer in new[] { "2/12/2026", "4", "HP mati di lokasi", "p", "m", "r", "n" })
        {
            await mentor.SendTextAsync(answer);
            await mentor.NextReplyAsync();
        }

        foreach (var area in areas)
        {
            await mentor.PressAsync(area);
            await mentor.NextReplyAsync();
        }

        await mentor.PressAsync("✅ Selesai memilih");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("✅ Selesai");
        Assert.Contains("Logbook tersimpan", (await mentor.NextReplyAsync()).Text);
    }

    /// <summary>Opens the evaluation of "Abon Ikan Mama Ani"; returns the first area's score question.</summary>
    internal static async Task<SentMessage> StartEvaluationAsync(TestUser mentor)
    {
        await mentor.SendTextAsync("/menu");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("📊 Evaluasi bulanan");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("Abon Ikan Mama Ani");
        var first = await mentor.NextReplyAsync();
        Assert.Contains("Bidang 1 dari 2", first.Text);
        return first;
    }

    /// <summary>Answers the four questions of the area asked now; returns the reply to the last answer.</summary>
    internal static async Task<SentMessage> AnswerAreaAsync(TestUser mentor, string score, string problem, string mentored, string result)
    {
        await mentor.PressAsync(score);
        await mentor.NextReplyAsync();
        foreach (var answer in new[] { problem, mentored })
        {
            await mentor.SendTextAsync(answer);
            await mentor.NextReplyAsync();
        }

        await mentor.SendTextAsync(result);
        return await mentor.NextReplyAsync();
    }
}
