using Ikm.Workflow.Flows.Evaluations;
using Ikm.Workflow.Flows.Questions;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Storage;
using Ikm.Workflow.Tests.Flows.Visits;
using Ikm.Workflow.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ikm.Workflow.Tests.Flows.Evaluations;

/// <summary>
/// The monthly evaluation through the kernel: per area a score or a skip, the notes card prefilled from the month's
/// logbook, a summary before anything is stored.
/// </summary>
public sealed class EvaluationFlowTests
{
    [Fact]
    public async Task TwoAreas_AreAScoreAndOnePressEach_ThenSaved_WithTheLogbooksNotes()
    {
        var chat = await MentorWithLoggedVisitAsync("production", "quality");

        await chat.StartAsync();
        Assert.Contains("Evaluasi bulan Desember 2026", chat.LastReply.Text);
        await chat.PressAsync(chat.Button("Abon Ikan Mama Ani"));
        Assert.Contains("Evaluasi Desember 2026 · Bidang 1 dari 2", chat.LastReply.Text);
        Assert.Contains("Skor sekarang", chat.LastReply.Text);
        Assert.DoesNotContain("Pertanyaan 1 dari", chat.LastReply.Text);
        // The scale is one row of five, and the area may be skipped.
        Assert.Equal(["1", "2", "3", "4", "5"], chat.LastReply.Buttons![0].Select(b => b.Label));
        Assert.Equal("⏭ Lewati bidang ini", Assert.Single(chat.LastReply.Buttons[1]).Label);

        await chat.PressAsync(chat.Button("3"));
        Assert.Contains("Masalah: Kemasan sobek", chat.LastReply.Text);
        Assert.Contains("Didampingkan: Label sederhana", chat.LastReply.Text);
        Assert.Contains("Hasil: Kemasan baru", chat.LastReply.Text);
        await chat.PressAsync(chat.Button("✅ Pakai catatan ini"));
        Assert.Contains("Bidang 2 dari 2", chat.LastReply.Text);
        await chat.PressAsync(chat.Button("4"));
        await chat.PressAsync(chat.Button("✅ Pakai catatan ini"));

        Assert.Contains("Ringkasan evaluasi Abon Ikan Mama Ani · Desember 2026", chat.LastReply.Text);
        Assert.Empty(await chat.Store.AllAsync<Evaluation>(CancellationToken.None));
        await chat.PressAsync(chat.Button("💾 Simpan"));

        Assert.Contains("Evaluasi Abon Ikan Mama Ani bulan Desember 2026 tersimpan", chat.LastReply.Text);
        Assert.Equal("", chat.Conversation.Flow);
        var evaluation = Assert.Single(await chat.Store.AllAsync<Evaluation>(CancellationToken.None));
        Assert.Equal("2026-12", evaluation.Month);
        Assert.Equal([("production", 3, "Kemasan sobek", "Label sederhana", "Kemasan baru"), ("quality", 4, "Kemasan sobek", "Label sederhana", "Kemasan baru")],
            evaluation.Areas.Select(a => (a.AreaId, a.Score, a.Problem, a.Mentored, a.Result)));
        Assert.All(evaluation.Areas, a => Assert.Null(a.DeltaFromDiagnosis));
        Assert.Equal("c1", evaluation.CohortId);
    }

    [Fact]
    public async Task ASkippedArea_IsNotStored_AndWrittenNotesMayLeaveOneOut()
    {
        var chat = await MentorWithLoggedVisitAsync("production", "quality");
        await chat.StartAsync();
        await chat.PressAsync(chat.Button("Abon Ikan Mama Ani"));

        await chat.PressAsync(chat.Button("⏭ Lewati bidang ini"));
        Assert.Contains("Bidang 2 dari 2", chat.LastReply.Text);
        await chat.TextAsync("5");
        await chat.PressAsync(chat.Button("✏️ Tulis catatan"));
        Assert.Contains("Pertanyaan 1 dari 3", chat.LastReply.Text);
        Assert.Contains("Masalahnya apa?", chat.LastReply.Text);
        await chat.TextAsync("Mutu belum seragam");
        await chat.PressAsync(chat.Button("⏭ Lewati"));
        await chat.TextAsync("Uji rasa 3 batch");

        Assert.Contains("Manajemen produksi: dilewati", chat.LastReply.Text);
        Assert.Contains("Masalah: Mutu belum seragam · Didampingkan: – · Hasil: Uji rasa 3 batch", chat.LastReply.Text);
        await chat.PressAsync(chat.Button("💾 Simpan"));
        var area = Assert.Single(Assert.Single(await chat.Store.AllAsync<Evaluation>(CancellationToken.None)).Areas);
        Assert.Equal(("quality", 5, "Mutu belum seragam", "", "Uji rasa 3 batch"), (area.AreaId, area.Score, area.Problem, area.Mentored, area.Result));
    }

    [Fact]
    public async Task WithEveryAreaSkipped_TheSummaryOffersNoSave_ButEachAreaAgain()
    {
        var chat = await MentorWithLoggedVisitAsync("production");
        await chat.StartAsync();
        await chat.PressAsync(chat.Button("Abon Ikan Mama Ani"));

        await chat.TextAsync("lewati");

        Assert.Contains("Belum ada bidang yang diberi skor", chat.LastReply.Text);
        Assert.Equal(["✏️ Manajemen produksi"], chat.LastReply.Buttons!.SelectMany(row => row).Select(b => b.Label));
        await chat.PressAsync(chat.Button("✏️ Manajemen produksi"));
        await chat.PressAsync(chat.Button("2"));
        await chat.PressAsync(chat.Button("⏭ Tanpa catatan"));
        Assert.Contains("Manajemen produksi: 2", chat.LastReply.Text);
        await chat.PressAsync(chat.Button("💾 Simpan"));
        var area = Assert.Single(Assert.Single(await chat.Store.AllAsync<Evaluation>(CancellationToken.None)).Areas);
        Assert.Equal((2, "", ""), (area.Score, area.Problem, area.Result));
    }

    [Fact]
    public async Task AScoreButtonOfTheAreaBefore_IsStale_AndScoresNothing()
    {
        var chat = await MentorWithLoggedVisitAsync("production", "quality");
        await chat.StartAsync();
        await chat.PressAsync(chat.Button("Abon Ikan Mama Ani"));
        var firstAreaFive = chat.Button("5");
        await chat.PressAsync(chat.Button("3"));
        var firstAreasCard = chat.Button("✅ Pakai catatan ini");
        await chat.PressAsync(firstAreasCard);

        await chat.PressAsync(firstAreaFive);
        Assert.Contains("untuk pertanyaan lain", chat.LastReply.Text);
        Assert.Contains("Skor sekarang", chat.LastReply.Text);
        await chat.PressAsync(chat.Button("4"));
        await chat.PressAsync(firstAreasCard);

        Assert.Contains("sudah tidak berlaku", chat.LastReply.Text);
        Assert.Equal((3, 4), (Draft(chat).Score("production"), Draft(chat).Score("quality")));
        Assert.DoesNotContain("quality", Draft(chat).NotesSettled);
    }

    [Fact]
    public async Task BadInput_IsRefusedWithWhatIsExpected_AndBackGoesFromTheNotesToTheScore_AndToTheAreaBefore()
    {
        var chat = await MentorWithLoggedVisitAsync("production", "quality");
        await chat.StartAsync();
        await chat.PressAsync(chat.Button("Abon Ikan Mama Ani"));
        Assert.False(await chat.BackAsync());

        await chat.TextAsync("sembilan");
        Assert.StartsWith("⚠️", chat.LastReply.Text);
        Assert.Contains("Skor sekarang", chat.LastReply.Text);
        await chat.TextAsync("2");
        Assert.Contains("Catatan Manajemen produksi (skor 2)", chat.LastReply.Text);
        await chat.TextAsync("catatan lain");
        Assert.Contains("Catatan Manajemen produksi (skor 2)", chat.LastReply.Text);

        Assert.True(await chat.BackAsync());
        Assert.Contains("Skor sekarang", chat.LastReply.Text);
        Assert.Contains("✏️ 2", chat.LastReply.Text);
        await chat.PressAsync(chat.Button("4"));
        await chat.PressAsync(chat.Button("✅ Pakai catatan ini"));
        Assert.Contains("Bidang 2 dari 2", chat.LastReply.Text);
        Assert.True(await chat.BackAsync());
        Assert.Contains("Bidang 1 dari 2", chat.LastReply.Text);
        Assert.Equal(4, Draft(chat).Score("production"));
    }

    [Fact]
    public async Task AnAreaOpenedFromTheSummary_ComesBackToTheSummary_WithWhatWasWritten()
    {
        var chat = await MentorWithLoggedVisitAsync("production", "quality");
        await chat.StartAsync();
        await chat.PressAsync(chat.Button("Abon Ikan Mama Ani"));
        await chat.PressAsync(chat.Button("3"));
        await chat.PressAsync(chat.Button("✅ Pakai catatan ini"));
        await chat.PressAsync(chat.Button("4"));
        await chat.PressAsync(chat.Button("⏭ Tanpa catatan"));

        await chat.PressAsync(chat.Button("✏️ Manajemen produksi"));
        Assert.Contains("Bidang 1 dari 2", chat.LastReply.Text);
        await chat.PressAsync(chat.Button("5"));
        Assert.Contains("Catatan Manajemen produksi (skor 5):", chat.LastReply.Text);
        await chat.PressAsync(chat.Button("✅ Pakai catatan ini"));

        Assert.Contains("Ringkasan evaluasi", chat.LastReply.Text);
        Assert.Contains("Manajemen produksi: 5", chat.LastReply.Text);
        await chat.PressAsync(chat.Button("💾 Simpan"));
        var evaluation = Assert.Single(await chat.Store.AllAsync<Evaluation>(CancellationToken.None));
        Assert.Equal([("production", 5, "Kemasan sobek"), ("quality", 4, "")], evaluation.Areas.Select(a => (a.AreaId, a.Score, a.Problem)));
    }

    [Fact]
    public async Task LeftHalfWay_StartsAgainAtTheNoteBeingWritten()
    {
        var chat = await MentorWithLoggedVisitAsync("production");
        await chat.StartAsync();
        await chat.PressAsync(chat.Button("Abon Ikan Mama Ani"));
        await chat.PressAsync(chat.Button("4"));
        await chat.PressAsync(chat.Button("✏️ Tulis catatan"));
        await chat.TextAsync("Catatan produksi belum rutin");
        chat.Conversation.CloseFlow(); // /batal: the flow is left, its draft stays

        await chat.StartAsync();

        Assert.Contains("Apa yang didampingkan?", chat.LastReply.Text);
        await chat.TextAsync("Buku catatan harian");
        await chat.TextAsync("Catatan 5 hari");
        Assert.Contains("Ringkasan evaluasi", chat.LastReply.Text);
        chat.Conversation.CloseFlow();
        await chat.StartAsync();
        Assert.Contains("Ringkasan evaluasi", chat.LastReply.Text);
        await chat.PressAsync(chat.Button("💾 Simpan"));
        var area = Assert.Single(Assert.Single(await chat.Store.AllAsync<Evaluation>(CancellationToken.None)).Areas);
        Assert.Equal((4, "Catatan produksi belum rutin", "Buku catatan harian"), (area.Score, area.Problem, area.Mentored));
    }

    [Fact]
    public async Task OnTheSecondOfTheMonth_LastMonthIsEvaluated_WhileItsEvaluationIsMissing()
    {
        var chat = await MentorWithLoggedVisitAsync("production");
        var business = Assert.Single(await chat.Store.AllAsync<Ikm.Workflow.Businesses.Business>(CancellationToken.None));
        var november = new Visit
        {
            Id = "v0", CohortId = "c1", BusinessId = business.Id, MentorUserId = FlowHarness.ChatId, Status = VisitStatus.Completed,
            StartedAt = new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero), EndedAt = new DateTimeOffset(2026, 11, 20, 5, 0, 0, TimeSpan.Zero),
            Problem = "Resep belum baku", Areas = ["quality"],
        };
        await chat.Store.CommitAsync([new ChangeSet { Documents = [new(november)] }], CancellationToken.None);
        chat.Now = new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero);

        await chat.StartAsync();

        Assert.Contains("Evaluasi bulan November 2026", chat.LastReply.Text);
        await chat.PressAsync(chat.Button("Abon Ikan Mama Ani"));
        // November's logbook, not December's: its area, and its notes.
        Assert.Contains("Evaluasi November 2026 · Bidang 1 dari 1: Manajemen mutu", chat.LastReply.Text);
        await chat.PressAsync(chat.Button("3"));
        Assert.Contains("Masalah: Resep belum baku", chat.LastReply.Text);
        await chat.PressAsync(chat.Button("✅ Pakai catatan ini"));
        await chat.PressAsync(chat.Button("💾 Simpan"));
        var evaluation = Assert.Single(await chat.Store.AllAsync<Evaluation>(CancellationToken.None));
        Assert.Equal(("2026-11", "quality", "Resep belum baku"), (evaluation.Month, evaluation.Areas[0].AreaId, evaluation.Areas[0].Problem));

        await chat.StartAsync();
        Assert.Contains("Evaluasi bulan Desember 2026", chat.LastReply.Text);
    }

    [Fact]
    public async Task AMentorWithoutIkms_IsToldSo()
    {
        var chat = new FlowHarness(Flow(), VisitFlowsScene.Mentor);

        await chat.StartAsync();

        Assert.Contains("Belum ada IKM", chat.LastReply.Text);
        Assert.Equal("", chat.Conversation.Flow);
    }

    private static EvaluationDraft Draft(FlowHarness chat) =>
        System.Text.Json.JsonSerializer.Deserialize<EvaluationDraft>(chat.Conversation.Data["draft:evaluation"])!;

    private static EvaluationFlow Flow() => new(TestCatalog.Instance, new QuestionPrompter(), NullLogger<EvaluationFlow>.Instance);

    /// <summary>
    /// The scene's mentor on 15 December, whose IKM has no diagnosis yet and one logged visit this month on
    /// <paramref name="areas"/>; November's prompt (30 November, valid 10 days) is over, so December is evaluated.
    /// </summary>
    internal static async Task<FlowHarness> MentorWithLoggedVisitAsync(params string[] areas)
    {
        var (store, business) = await VisitFlowsScene.SeedAsync();
        var visit = new Visit
        {
            Id = "v1", CohortId = "c1", BusinessId = business.Id, MentorUserId = FlowHarness.ChatId, Status = VisitStatus.Completed,
            StartedAt = new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero), EndedAt = new DateTimeOffset(2026, 12, 1, 5, 0, 0, TimeSpan.Zero),
            Problem = "Kemasan sobek", Mentored = "Label sederhana", Result = "Kemasan baru", Areas = [.. areas],
        };
        await store.CommitAsync([new ChangeSet { Documents = [new(visit)] }], CancellationToken.None);
        return new FlowHarness(Flow(), VisitFlowsScene.Mentor, store) { Now = new DateTimeOffset(2026, 12, 15, 1, 0, 0, TimeSpan.Zero) };
    }
}
