using Ikm.Bot.Tests.Support;
using Ikm.TestKit;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests;

namespace Ikm.Bot.Tests.Mentoring;

/// <summary>
/// The monthly evaluation of an IKM without a diagnosis yet, whose month's logbook worked on the areas evaluated: per
/// area a score or a skip, the logbook's notes kept with one press, and a summary before anything is stored.
/// </summary>
public sealed class EvaluationEndToEndTests
{
    [Fact]
    public async Task ATypicalIkm_OfThreeAreas_IsEvaluatedInEightInputs_WithTheLogbooksNotes()
    {
        await using var scene = await EvaluationScene.StartAsync(890);
        var mentor = scene.Mentor;
        await LogRetroVisitAsync(mentor, "Produksi", "Merek & kemasan", "Pemasaran digital");
        await mentor.SendTextAsync("/menu");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("📊 Evaluasi bulanan");
        await mentor.NextReplyAsync();
        var inputs = 0;

        await mentor.PressAsync("Abon Ikan Mama Ani"); inputs++;
        var first = await mentor.NextReplyAsync();
        Assert.Contains("Evaluasi Desember 2026 · Bidang 1 dari 3: Manajemen produksi", first.Text);
        Assert.True(first.HasButton("⏭ Lewati bidang ini"));
        foreach (var score in new[] { "4", "3", "2" })
        {
            await mentor.PressAsync(score); inputs++;
            var card = await mentor.NextReplyAsync();
            Assert.Contains("dari logbook bulan ini", card.Text);
            Assert.Contains("Masalah: p", card.Text);
            await mentor.PressAsync("✅ Pakai catatan ini"); inputs++;
            await mentor.NextReplyAsync();
        }

        var summary = await mentor.LastReplyAsync();
        Assert.Contains("Ringkasan evaluasi Abon Ikan Mama Ani · Desember 2026", summary.Text);
        // The areas in the logbook's order of areas.
        Assert.Contains("Manajemen produksi: 4", summary.Text);
        Assert.Contains("Pemasaran digital: 3", summary.Text);
        Assert.Contains("Merek dan kemasan: 2", summary.Text);
        Assert.Empty(await scene.Documents.AllAsync<Evaluation>(CancellationToken.None));
        await mentor.PressAsync("💾 Simpan"); inputs++;
        Assert.Contains("Evaluasi Abon Ikan Mama Ani bulan Desember 2026 tersimpan", (await mentor.NextReplyAsync()).Text);

        Assert.Equal(8, inputs);
        var evaluation = Assert.Single(await scene.Documents.AllAsync<Evaluation>(CancellationToken.None));
        Assert.Equal(
            [("production", 4, "p", "m", "r"), ("marketing", 3, "p", "m", "r"), ("branding", 2, "p", "m", "r")],
            evaluation.Areas.Select(a => (a.AreaId, a.Score, a.Problem, a.Mentored, a.Result)));
    }

    [Fact]
    public async Task ASkippedArea_IsNotStored_AndWithNothingScored_TheSummaryOffersNoSave()
    {
        await using var scene = await EvaluationScene.StartAsync(891);
        var mentor = scene.Mentor;
        await LogRetroVisitAsync(mentor, "Produksi", "Merek & kemasan");
        await StartEvaluationAsync(mentor, areas: 2);

        await mentor.PressAsync("⏭ Lewati bidang ini");
        Assert.Contains("Bidang 2 dari 2", (await mentor.NextReplyAsync()).Text);
        await mentor.SendTextAsync("lewati");
        var empty = await mentor.NextReplyAsync();
        Assert.Contains("Belum ada bidang yang diberi skor", empty.Text);
        Assert.False(empty.HasButton("💾 Simpan"));

        await mentor.PressAsync("✏️ Merek dan kemasan");
        Assert.Contains("Bidang 2 dari 2", (await mentor.NextReplyAsync()).Text);
        var summary = await KeepAreaAsync(mentor, "3");
        Assert.Contains("Manajemen produksi: dilewati", summary.Text);
        Assert.Contains("✅ Evaluasi", (await SaveAsync(mentor)).Text);
        var evaluation = Assert.Single(await scene.Documents.AllAsync<Evaluation>(CancellationToken.None));
        Assert.Equal([("branding", 3)], evaluation.Areas.Select(a => (a.AreaId, a.Score)));
    }

    [Fact]
    public async Task AWordOrAnUnknownCommand_AtAScore_AsksTheScoreAgain_AndNothingIsTaken()
    {
        await using var scene = await EvaluationScene.StartAsync(892);
        var mentor = scene.Mentor;
        await LogRetroVisitAsync(mentor, "Produksi");
        await StartEvaluationAsync(mentor, areas: 1);

        await mentor.SendTextAsync("bagus");
        var refused = await mentor.NextReplyAsync();
        Assert.StartsWith("⚠️", refused.Text);
        Assert.Contains("Skor sekarang", refused.Text);
        await mentor.SendTextAsync("/abcxyz");
        var unknown = await mentor.NextReplyAsync();
        Assert.Contains("Perintah tidak dikenal", unknown.Text);
        Assert.Contains("Skor sekarang", unknown.Text);
        var conversation = await scene.Bot.Store.GetConversationAsync(892, CancellationToken.None);
        Assert.Null(StoredDrafts.Evaluation(conversation!).Score("production"));


        // Nor is a command an answer to a note.
        await mentor.PressAsync("5");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("✏️ Tulis catatan");
        Assert.Contains("Masalahnya apa?", (await mentor.NextReplyAsync()).Text);
        await mentor.SendTextAsync("/lain");
        var atNote = await mentor.NextReplyAsync();
        Assert.Contains("Perintah tidak dikenal", atNote.Text);
        Assert.Contains("Masalahnya apa?", atNote.Text);
        foreach (var note in new[] { "Resep belum baku", "Takaran ditulis" })
        {
            await mentor.SendTextAsync(note);
            await mentor.NextReplyAsync();
        }

        await mentor.PressAsync("⏭ Lewati");
        Assert.Contains("Ringkasan evaluasi", (await mentor.NextReplyAsync()).Text);
        await SaveAsync(mentor);
        var area = Assert.Single(Assert.Single(await scene.Documents.AllAsync<Evaluation>(CancellationToken.None)).Areas);
        Assert.Equal((5, "Resep belum baku", "Takaran ditulis", ""), (area.Score, area.Problem, area.Mentored, area.Result));
    }

    [Fact]
    public async Task AScoreButtonOfAnEarlierArea_IsStale_AndTheCurrentQuestionIsAskedAgain()
    {
        await using var scene = await EvaluationScene.StartAsync(896);
        var mentor = scene.Mentor;
        await LogRetroVisitAsync(mentor, "Produksi", "Merek & kemasan");
        var firstArea = await StartEvaluationAsync(mentor, areas: 2);
        var staleFive = firstArea.AllInlineButtons.Single(b => b.Text == "5");
        Assert.Contains("Bidang 2 dari 2", (await KeepAreaAsync(mentor, "4")).Text);

        await mentor.PressDataAsync(staleFive.CallbackData, firstArea.MessageId);

        var stale = await mentor.NextReplyAsync();
        Assert.Contains("Tombol itu untuk pertanyaan lain", stale.Text);
        Assert.Contains("Skor sekarang", stale.Text);
        await KeepAreaAsync(mentor, "2");
        Assert.Contains("Evaluasi Abon Ikan Mama Ani bulan Desember 2026 tersimpan", (await SaveAsync(mentor)).Text);
        var evaluation = Assert.Single(await scene.Documents.AllAsync<Evaluation>(CancellationToken.None));
        Assert.Equal([("production", 4), ("branding", 2)], evaluation.Areas.Select(a => (a.AreaId, a.Score)));
    }

    [Fact]
    public async Task Back_AtAnAreasScore_ReturnsToTheScoreOfTheAreaBefore_WhoseWrittenNotesAreKept()
    {
        await using var scene = await EvaluationScene.StartAsync(897);
        var mentor = scene.Mentor;
        await LogRetroVisitAsync(mentor, "Produksi", "Merek & kemasan");
        await StartEvaluationAsync(mentor, areas: 2);
        Assert.Contains("Bidang 2 dari 2", (await WriteAreaAsync(mentor, "4", "p1", "m1", "r1")).Text);

        await mentor.SendTextAsync("/kembali");

        var back = await mentor.NextReplyAsync();
        Assert.Contains("Bidang 1 dari 2", back.Text);
        Assert.Contains("✏️ 4", back.Text);
        await mentor.PressAsync("3");
        var card = await mentor.NextReplyAsync();
        Assert.Contains("Masalah: p1", card.Text);
        await mentor.SendTextAsync("/kembali");
        Assert.Contains("Skor sekarang", (await mentor.NextReplyAsync()).Text);
        await KeepAreaAsync(mentor, "3");
        await KeepAreaAsync(mentor, "2");
        Assert.Contains("tersimpan", (await SaveAsync(mentor)).Text);

        var evaluation = Assert.Single(await scene.Documents.AllAsync<Evaluation>(CancellationToken.None));
        Assert.Equal(
            [("production", 3, "p1", "m1", "r1"), ("branding", 2, "p", "m", "r")],
            evaluation.Areas.Select(a => (a.AreaId, a.Score, a.Problem, a.Mentored, a.Result)));
    }

    [Fact]
    public async Task BackFromTheFirstNote_IsTheNotesCard_WhereALaterVisitResumes()
    {
        await using var scene = await EvaluationScene.StartAsync(898);
        var mentor = scene.Mentor;
        await LogRetroVisitAsync(mentor, "Produksi", "Merek & kemasan");
        await StartEvaluationAsync(mentor, areas: 2);
        await mentor.PressAsync("4");
        Assert.Contains("(skor 4)", (await mentor.NextReplyAsync()).Text);
        await mentor.PressAsync("✏️ Tulis catatan");
        await mentor.NextReplyAsync();

        await mentor.SendTextAsync("/kembali");
        var card = await mentor.NextReplyAsync();
        Assert.Contains("(skor 4)", card.Text);
        Assert.True(card.HasButton("✅ Pakai catatan ini"));

        // Left at the card: the card is where it continues, not the note it came back from.
        await mentor.SendTextAsync("/batal");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("📊 Evaluasi bulanan");
        var resumed = await mentor.NextReplyAsync();
        Assert.Contains("(skor 4)", resumed.Text);
        Assert.True(resumed.HasButton("✅ Pakai catatan ini"));
        await mentor.PressAsync("✅ Pakai catatan ini");
        Assert.Contains("Bidang 2 dari 2", (await mentor.NextReplyAsync()).Text);
    }

    [Fact]
    public async Task AnIkmWithoutDiagnosis_NorLastMonthsLogbook_IsEvaluatedForThisMonthsLogbook_WhileLastMonthsPromptStands()
    {
        // A cohort running since 2 November; the IKM assigned in November, never diagnosed, first visited on 1 December.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s => s.AddSingleton<TimeProvider>(time));
        var coordinator = await JoinAsCoordinatorAsync(emulator);
        await CreateCohortAsync(coordinator, startDate: "2 November 2026");
        var mentor = await InviteAndJoinMentorAsync(emulator, coordinator, 899, "Budi");
        await RegisterOwnerAsync(emulator.User(999));
        await ApproveAsync(coordinator);
        await AssignAsync(coordinator, "Abon Ikan Mama Ani", "Budi");
        await emulator.WaitForMessageAsync(mentor.Id, m => m.Text?.Contains("IKM baru untuk Anda dampingi") == true);
        time.Advance(TimeSpan.FromDays(8)); // Tuesday 1 December 08:00 WITA: November's prompt (30 November) still stands
        mentor.SkipReplies();
        await CheckInAtHouseAsync(mentor);
        time.Advance(TimeSpan.FromHours(4));
        await mentor.PressAsync("✅ Check-out");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("✅ Ya, selesai");
        Assert.Contains("lama kunjungan 4 jam", (await mentor.NextReplyAsync()).Text);
        await VisitCheckOutEndToEndTests.FinishLogbookAsync(mentor);

        await mentor.PressAsync("📊 Evaluasi bulanan");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("Abon Ikan Mama Ani");
        var first = await mentor.NextReplyAsync();

        Assert.Contains("Desember 2026", first.Text);
        Assert.Contains("Bidang 1 dari 1", first.Text);
    }

    /// <summary>A mentor with "Abon Ikan Mama Ani" assigned, on 3 December (in the cohort's period).</summary>
    private sealed class EvaluationScene : IAsyncDisposable
    {
        private EvaluationScene(TelegramEmulator emulator, BotUnderTest bot, TestUser mentor) => (Emulator, Bot, Mentor) = (emulator, bot, mentor);

        public TelegramEmulator Emulator { get; }
        public BotUnderTest Bot { get; }
        public TestUser Mentor { get; }
        public IDocumentStore Documents => Bot.App.Services.GetRequiredService<IDocumentStore>();

        public static async Task<EvaluationScene> StartAsync(long mentorId)
        {
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero));
            var emulator = await Support.Emulator.StartFastAsync();
            var bot = await BotUnderTest.StartAsync(emulator, services: s => s.AddSingleton<TimeProvider>(time));
            var (_, mentor) = await AssignedProgramAsync(emulator, mentorId, "Budi", mentorId + 100);
            return new EvaluationScene(emulator, bot, mentor);
        }

        public async ValueTask DisposeAsync()
        {
            await Bot.DisposeAsync();
            await Emulator.DisposeAsync();
        }
    }

    /// <summary>A retro visit this month (2 December: inside the cohort's period, with a reason) whose logbook, "p", "m", "r", worked on <paramref name="areas"/> (labels of the area buttons).</summary>
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
    internal static async Task<SentMessage> StartEvaluationAsync(TestUser mentor, int areas)
    {
        await mentor.SendTextAsync("/menu");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("📊 Evaluasi bulanan");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("Abon Ikan Mama Ani");
        var first = await mentor.NextReplyAsync();
        Assert.Contains($"Bidang 1 dari {areas}", first.Text);
        return first;
    }

    /// <summary>Scores the area asked now and keeps the logbook's notes; returns the next area's score or the summary.</summary>
    internal static async Task<SentMessage> KeepAreaAsync(TestUser mentor, string score)
    {
        await mentor.PressAsync(score);
        Assert.True((await mentor.NextReplyAsync()).HasButton("✅ Pakai catatan ini"));
        await mentor.PressAsync("✅ Pakai catatan ini");
        return await mentor.NextReplyAsync();
    }

    /// <summary>Scores the area asked now and writes its three notes; returns the reply to the last note.</summary>
    internal static async Task<SentMessage> WriteAreaAsync(TestUser mentor, string score, string problem, string mentored, string result)
    {
        await mentor.PressAsync(score);
        await mentor.NextReplyAsync();
        await mentor.PressAsync("✏️ Tulis catatan");
        await mentor.NextReplyAsync();
        foreach (var note in new[] { problem, mentored })
        {
            await mentor.SendTextAsync(note);
            await mentor.NextReplyAsync();
        }

        await mentor.SendTextAsync(result);
        return await mentor.NextReplyAsync();
    }

    /// <summary>Presses 💾 Simpan on the summary; returns the saved record's reply.</summary>
    internal static async Task<SentMessage> SaveAsync(TestUser mentor)
    {
        await mentor.PressAsync("💾 Simpan");
        return await mentor.NextReplyAsync();
    }
}
