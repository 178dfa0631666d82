using Ikm.Workflow.Businesses;
using Ikm.Workflow.Questionnaires;
using Ikm.Workflow.Tests.Support;

namespace Ikm.Workflow.Tests.Questionnaires;

public sealed class QuestionnaireLengthTests
{
    private static readonly Questionnaire Sample = TestQuestionnaires.Load(TestQuestionnaires.Sample);

    [Fact]
    public void Of_GivesTheFewestAndTheMostQuestions_OverEverySkipPath()
    {
        var length = QuestionnaireLength.Of(Sample, new Dictionary<string, string>(), []);

        // Fewest: bank (no), workers (≤ 5), legality (no PIRT), notes. Most: also credit, roles (> 5 workers), PIRT year.
        Assert.Equal(4, length.MinQuestions);
        Assert.Equal(7, length.MaxQuestions);
        Assert.Equal(TimeSpan.FromSeconds(15 + 20 + 30 + 60), length.MinTime);
        Assert.Equal(TimeSpan.FromSeconds(15 + 15 + 20 + 15 + 30 + 20 + 60), length.MaxTime);
    }

    [Fact]
    public void Of_FollowsTheAnswersGiven_AndLeavesOutProfileAnswers()
    {
        var answers = new Dictionary<string, string> { ["has_bank_account"] = "no", ["workers"] = "2" };

        var length = QuestionnaireLength.Of(Sample, answers, ["has_bank_account"]);

        // workers, legality, notes — and the PIRT year (2 workers ≥ 1) when a PIRT is held.
        Assert.Equal(3, length.MinQuestions);
        Assert.Equal(4, length.MaxQuestions);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(9)]
    public void Progress_TotalNeverGrows_AndEndsAtTheNumberAsked_WhenAnsweringTheDiagnosis(int choiceIndex)
    {
        var questionnaire = QuestionnaireFile.Load(RepositoryFiles.DiagnosisQuestionnaire).Questionnaire!;
        var announced = QuestionnaireLength.Of(questionnaire, new Dictionary<string, string>(), []);
        var answers = new Dictionary<string, string>();
        var totals = new List<int>();

        for (var asked = 0; asked < questionnaire.Questions.Count; asked++)
        {
            var session = new QuestionnaireSession(questionnaire, answers);
            if (session.FirstUnanswered() is not { } question) break;
            var progress = session.Progress(question.Id);
            Assert.Equal(asked + 1, progress.Position);
            totals.Add(progress.Total);
            answers[question.Id] = AnswerOf(question, choiceIndex);
        }

        Assert.True(new QuestionnaireSession(questionnaire, answers).IsComplete);
        Assert.Equal(totals.OrderByDescending(t => t), totals);
        Assert.Equal(totals.Count, totals[^1]);
        Assert.Equal(announced.MaxQuestions, totals[0]);
        Assert.InRange(totals.Count, announced.MinQuestions, announced.MaxQuestions);
    }

    [Fact]
    public void Of_AsksFewerQuestions_WhenTheProfileAnswersSome()
    {
        var questionnaire = QuestionnaireFile.Load(RepositoryFiles.DiagnosisQuestionnaire).Questionnaire!;
        var business = new Business { HasBankAccount = true, HadBankCredit = false, KeepsBooks = true, Legality = ["nib", "pirt"], Workers = 4 };
        var prefilled = ProfileFields.Prefill(questionnaire, business);

        var blank = QuestionnaireLength.Of(questionnaire, new Dictionary<string, string>(), []);
        var withProfile = QuestionnaireLength.Of(questionnaire, prefilled, prefilled.Keys);

        Assert.Equal(["fin_bank_account", "fin_had_credit", "fin_keeps_books", "hr_has_workers", "leg_nib", "leg_permits"], prefilled.Keys.Order());
        Assert.True(withProfile.MaxQuestions <= blank.MaxQuestions - prefilled.Count, $"{withProfile} vs {blank}");
        Assert.True(withProfile.MinQuestions < withProfile.MaxQuestions);
        Assert.InRange(withProfile.AboutMinutes, 5, 20);
    }

    private static string AnswerOf(Question question, int choiceIndex) => question.Type switch
    {
        QuestionType.SelectOne or QuestionType.YesNo or QuestionType.SelectMultiple => question.Choices[choiceIndex % question.Choices.Count].Value,
        QuestionType.Integer or QuestionType.Money or QuestionType.Decimal => "120",
        _ => "",
    };
}
