using Ikm.Workflow.Tests.Support;
using System.Text;
using Ikm.Workflow.Questionnaires;

namespace Ikm.Workflow.Tests.Questionnaires;

/// <summary>The shipped questionnaires/diagnosis.yaml.</summary>
public sealed class DiagnosisQuestionnaireTests
{
    private static readonly string[] TenAreas =
        ["production", "quality", "marketing", "branding", "finance", "legality", "people", "equipment", "innovation", "capital"];

    private static Questionnaire Load()
    {
        var result = QuestionnaireFile.Load(RepositoryFiles.DiagnosisQuestionnaire);
        Assert.True(result.IsSuccess, string.Join(Environment.NewLine, result.Errors));
        return result.Questionnaire;
    }

    [Fact]
    public void LoadFile_ReturnsNoErrors_WhenDefaultDiagnosis()
    {
        var result = QuestionnaireFile.Load(RepositoryFiles.DiagnosisQuestionnaire);

        Assert.Empty(result.Errors);
        Assert.Equal("diagnosis", result.Questionnaire!.Id);
        Assert.False(string.IsNullOrWhiteSpace(result.Questionnaire.Version));
    }

    [Fact]
    public void LoadFile_HasAtLeast32Questions_WhenDefaultDiagnosis()
    {
        Assert.True(Load().Questions.Count >= 32);
    }

    [Fact]
    public void LoadFile_CoversAllTenAreas_WhenDefaultDiagnosis()
    {
        var questionnaire = Load();

        Assert.Equal(TenAreas, questionnaire.Areas.Select(a => a.Id));
        foreach (var area in TenAreas)
            Assert.True(questionnaire.Questions.Count(q => q.Area == area && q.IsScored) >= 3, $"area {area} has fewer than 3 scored questions");
    }

    [Fact]
    public void LoadFile_HasTwoToFourPlanTopicsInBothLanguages_WhenDefaultDiagnosis()
    {
        foreach (var area in Load().Areas)
        {
            Assert.InRange(area.PlanTopics.Count, 2, 4);
            Assert.All(area.PlanTopics, t => Assert.True(t.Text.Values.ContainsKey("id") && t.Text.Values.ContainsKey("en")));
            Assert.True(area.Label.Values.ContainsKey("en"));
        }
    }

    [Fact]
    public void LoadFile_LabelsEveryQuestionAndChoiceInBothLanguages_WhenDefaultDiagnosis()
    {
        foreach (var question in Load().Questions)
        {
            Assert.True(question.Label.Values.ContainsKey("en"), question.Id);
            Assert.All(question.Choices, c => Assert.True(c.Label.Values.ContainsKey("en"), $"{question.Id}/{c.Value}"));
        }
    }

    [Fact]
    public void LoadFile_MostQuestionsAnswerableByButton_WhenDefaultDiagnosis()
    {
        var questions = Load().Questions;

        Assert.True(questions.Count(q => q.HasChoices) * 10 >= questions.Count * 8);
    }

    [Fact]
    public void LoadFile_KeepsCallbackDataShort_WhenDefaultDiagnosis()
    {
        foreach (var question in Load().Questions)
        {
            foreach (var choice in question.Choices)
                Assert.True(Encoding.UTF8.GetByteCount($"dq:{question.Id}:{choice.Value}") < 64, $"{question.Id}/{choice.Value}");
        }
    }

    [Fact]
    public void Session_SkipsCreditQuestions_WhenNoBankAccount()
    {
        var questionnaire = Load();
        var session = new QuestionnaireSession(questionnaire, new Dictionary<string, string> { ["fin_bank_account"] = "no" });

        Assert.False(session.IsRelevant(questionnaire.FindQuestion("fin_credit")!));
        Assert.False(session.IsRelevant(questionnaire.FindQuestion("fin_transfer")!));
        Assert.Equal("leg_nib", session.Next("fin_bank_account")!.Id);
    }

    [Fact]
    public void Session_AsksCredit_WhenBankAccount()
    {
        var questionnaire = Load();
        var session = new QuestionnaireSession(questionnaire, new Dictionary<string, string> { ["fin_bank_account"] = "yes" });

        Assert.Equal("fin_transfer", session.Next("fin_bank_account")!.Id);
        Assert.True(session.IsRelevant(questionnaire.FindQuestion("fin_had_credit")!));
    }

    [Fact]
    public void Session_SkipsMarketplaceQuestions_WhenNotSellingOnline()
    {
        var questionnaire = Load();
        var session = new QuestionnaireSession(questionnaire, new Dictionary<string, string> { ["mkt_online"] = "no" });

        Assert.Equal("mkt_phone_skill", session.Next("mkt_online")!.Id);
        Assert.False(session.IsRelevant(questionnaire.FindQuestion("mkt_orders")!));
    }

    [Fact]
    public void Session_AsksMarketplaceOrders_WhenMarketplaceSelected()
    {
        var questionnaire = Load();
        var answers = new Dictionary<string, string> { ["mkt_online"] = "yes", ["mkt_channels"] = "wa market" };
        var session = new QuestionnaireSession(questionnaire, answers);

        Assert.Equal("mkt_orders", session.Next("mkt_channels")!.Id);
    }

    [Fact]
    public void Score_GivesEveryAreaAScoreAndAPlan_WhenAllAnsweredWithFirstChoice()
    {
        var questionnaire = Load();
        var answers = new Dictionary<string, string>();
        var session = new QuestionnaireSession(questionnaire, answers);
        var guard = 0;
        while (session.FirstUnanswered() is { } question && guard++ < 200)
        {
            answers[question.Id] = question.Type switch
            {
                QuestionType.SelectOne or QuestionType.SelectMultiple or QuestionType.YesNo => question.Choices[0].Value,
                _ => "",
            };
        }

        var result = DiagnosisScorer.Score(questionnaire, answers);

        Assert.All(result.Areas, a => Assert.InRange(a.Score!.Value, 1m, 5m));
        Assert.Equal(3, result.Weakest.Count);
        Assert.NotEmpty(result.PlanTopics);
        Assert.True(session.IsComplete);
    }
}
