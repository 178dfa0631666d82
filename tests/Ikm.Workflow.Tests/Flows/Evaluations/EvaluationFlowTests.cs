using Ikm.Workflow.Flows.Evaluations;
using Ikm.Workflow.Flows.Questions;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Storage;
using Ikm.Workflow.Tests.Flows.Visits;
using Ikm.Workflow.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ikm.Workflow.Tests.Flows.Evaluations;

/// <summary>The monthly evaluation through the kernel: questions from questionnaires/evaluation.yaml, once per area.</summary>
public sealed class EvaluationFlowTests
{
    [Fact]
    public async Task WithoutADiagnosis_TheLogbooksAreasAreEvaluated_AndStoredWithTheirAnswers()
    {
        var chat = await MentorWithLoggedVisitAsync("production", "quality");

        await chat.StartAsync();
        Assert.Contains("Evaluasi bulan Desember 2026", chat.LastReply.Text);
        await chat.PressAsync(chat.Button("Abon Ikan Mama Ani"));
        Assert.Contains("Bidang 1 dari 2", chat.LastReply.Text);
        Assert.Contains("Kemasan sobek → Kemasan baru", chat.LastReply.Text);
        Assert.Contains("Skor sekarang", chat.LastReply.Text);
        // The scale is one row of five.
        Assert.Equal(["1", "2", "3", "4", "5"], Assert.Single(chat.LastReply.Buttons!).Select(b => b.Label));

        await AnswerAreaAsync(chat, "3", "masalah produksi", "didampingi produksi", "hasil produksi");
        Assert.Contains("Bidang 2 dari 2", chat.LastReply.Text);
        await AnswerAreaAsync(chat, "4", "masalah mutu", "didampingi mutu", "hasil mutu");

        Assert.Contains("Evaluasi Abon Ikan Mama Ani bulan Desember 2026 tersimpan", chat.LastReply.Text);
        Assert.Equal("", chat.Conversation.Flow);
        var evaluation = Assert.Single(await chat.Store.AllAsync<Evaluation>(CancellationToken.None));
        Assert.Equal(["production", "quality"], evaluation.Areas.Select(a => a.AreaId));
        Assert.Equal([3, 4], evaluation.Areas.Select(a => a.Score));
        Assert.Equal(["didampingi produksi", "didampingi mutu"], evaluation.Areas.Select(a => a.Mentored));
        Assert.All(evaluation.Areas, a => Assert.Null(a.DeltaFromDiagnosis));
        Assert.Equal("c1", evaluation.CohortId);
    }

    [Fact]
    public async Task AScoreButtonOfTheAreaBefore_IsStale_AndScoresNothing()
    {
        var chat = await MentorWithLoggedVisitAsync("production", "quality");
        await chat.StartAsync();
        await chat.PressAsync(chat.Button("Abon Ikan Mama Ani"));
        var firstAreaFive = chat.Button("5");
        await AnswerAreaAsync(chat, "3", "p", "m", "r");

        await chat.PressAsync(firstAreaFive);

        Assert.Contains("untuk pertanyaan lain", chat.LastReply.Text);
        Assert.Contains("Skor sekarang", chat.LastReply.Text);
        Assert.Empty(Draft(chat).AnswersOf("quality").Answers);
    }

    [Fact]
    public async Task BadInput_IsRefusedWithWhatIsExpected_AndBackReturnsToTheScore()
    {
        var chat = await MentorWithLoggedVisitAsync("production");
        await chat.StartAsync();
        await chat.PressAsync(chat.Button("Abon Ikan Mama Ani"));

        await chat.TextAsync("sembilan");
        Assert.StartsWith("⚠️", chat.LastReply.Text);
        Assert.Contains("Skor sekarang", chat.LastReply.Text);
        await chat.TextAsync("2");
        Assert.Contains("Masalahnya apa?", chat.LastReply.Text);
        await chat.LocationAsync(-0.9, 119.9);
        Assert.Contains("Masalahnya apa?", chat.LastReply.Text);
        Assert.Equal(["score"], Draft(chat).AnswersOf("production").Answers.Keys);

        Assert.True(await chat.BackAsync());
        Assert.Contains("Skor sekarang", chat.LastReply.Text);
        await chat.PressAsync(chat.Button("4"));
        Assert.Equal("4", Draft(chat).AnswersOf("production").Answers["score"]);
        Assert.Contains("Masalahnya apa?", chat.LastReply.Text);
    }

    [Fact]
    public async Task Back_AtTheFirstQuestionOfAnArea_GoesToTheLastAnswerOfTheAreaBefore()
    {
        var chat = await MentorWithLoggedVisitAsync("production", "quality");
        await chat.StartAsync();
        await chat.PressAsync(chat.Button("Abon Ikan Mama Ani"));
        Assert.False(await chat.BackAsync());
        await AnswerAreaAsync(chat, "3", "p", "m", "r");

        Assert.True(await chat.BackAsync());
        Assert.Contains("Apa hasilnya?", chat.LastReply.Text);
        Assert.Equal(("production", "result"), (Draft(chat).Area, Draft(chat).AnswersOf("production").Current));
        await chat.TextAsync("hasil baru");
        Assert.Contains("Bidang 2 dari 2", chat.LastReply.Text);
        await AnswerAreaAsync(chat, "4", "p2", "m2", "r2");

        var evaluation = Assert.Single(await chat.Store.AllAsync<Evaluation>(CancellationToken.None));
        Assert.Equal([("production", 3, "hasil baru"), ("quality", 4, "r2")], evaluation.Areas.Select(a => (a.AreaId, a.Score, a.Result)));
    }

    [Fact]
    public async Task LeftHalfWay_StartsAgainAtTheMissingAnswer()
    {
        var chat = await MentorWithLoggedVisitAsync("production");
        await chat.StartAsync();
        await chat.PressAsync(chat.Button("Abon Ikan Mama Ani"));
        await chat.PressAsync(chat.Button("4"));
        await chat.TextAsync("Catatan produksi belum rutin");
        chat.Conversation.CloseFlow(); // /batal: the flow is left, its draft stays

        await chat.StartAsync();

        Assert.Contains("Apa yang didampingkan?", chat.LastReply.Text);
        Assert.DoesNotContain("Bidang 1", chat.LastReply.Text);
        await chat.TextAsync("Buku catatan harian");
        await chat.TextAsync("Catatan 5 hari");
        var area = Assert.Single(Assert.Single(await chat.Store.AllAsync<Evaluation>(CancellationToken.None)).Areas);
        Assert.Equal((4, "Catatan produksi belum rutin", "Buku catatan harian"), (area.Score, area.Problem, area.Mentored));
    }

    [Fact]
    public async Task AMentorWithoutIkms_IsToldSo()
    {
        var chat = new FlowHarness(Flow(), VisitFlowsScene.Mentor);

        await chat.StartAsync();

        Assert.Contains("Belum ada IKM", chat.LastReply.Text);
        Assert.Equal("", chat.Conversation.Flow);
    }

    private static async Task AnswerAreaAsync(FlowHarness chat, string score, string problem, string mentored, string result)
    {
        await chat.PressAsync(chat.Button(score));
        await chat.TextAsync(problem);
        await chat.TextAsync(mentored);
        await chat.TextAsync(result);
    }

    private static EvaluationDraft Draft(FlowHarness chat) =>
        System.Text.Json.JsonSerializer.Deserialize<EvaluationDraft>(chat.Conversation.Data["draft:evaluation"])!;

    private static EvaluationFlow Flow() => new(TestCatalog.Instance, new QuestionPrompter(), NullLogger<EvaluationFlow>.Instance);

    /// <summary>The scene's mentor, whose IKM has no diagnosis yet and one logged visit this month on <paramref name="areas"/>.</summary>
    internal static async Task<FlowHarness> MentorWithLoggedVisitAsync(params string[] areas)
    {
        var (store, business) = await VisitFlowsScene.SeedAsync();
        var visit = new Visit
        {
            Id = "v1", CohortId = "c1", BusinessId = business.Id, MentorUserId = FlowHarness.ChatId, Status = VisitStatus.Completed,
            StartedAt = new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero), EndedAt = new DateTimeOffset(2026, 12, 1, 5, 0, 0, TimeSpan.Zero),
            Problem = "Kemasan sobek", Result = "Kemasan baru", Areas = [.. areas],
        };
        await store.CommitAsync([new ChangeSet { Documents = [new(visit)] }], CancellationToken.None);
        return new FlowHarness(Flow(), VisitFlowsScene.Mentor, store);
    }
}
