using Ikm.Workflow.Questionnaires;

namespace Ikm.Workflow.Tests.Questionnaires;

public sealed class QuestionnaireSessionTests
{
    private static readonly Questionnaire Sample = TestQuestionnaires.Load(TestQuestionnaires.Sample);

    private static QuestionnaireSession Session(params (string Id, string Value)[] answers) =>
        new(Sample, answers.ToDictionary(a => a.Id, a => a.Value));

    [Fact]
    public void First_ReturnsFirstQuestion_WhenNothingAnswered()
    {
        Assert.Equal("has_bank_account", Session().First()!.Id);
    }

    [Fact]
    public void Next_SkipsCreditQuestion_WhenNoBankAccount()
    {
        var session = Session(("has_bank_account", "no"));

        Assert.Equal("workers", session.Next("has_bank_account")!.Id);
    }

    [Fact]
    public void Next_AsksCreditQuestion_WhenBankAccount()
    {
        var session = Session(("has_bank_account", "yes"));

        Assert.Equal("had_credit", session.Next("has_bank_account")!.Id);
    }

    [Theory]
    [InlineData("3", "legality")]
    [InlineData("5", "legality")]
    [InlineData("6", "has_roles")]
    public void Next_FollowsNumericCondition_WhenWorkersAnswered(string workers, string expected)
    {
        var session = Session(("has_bank_account", "no"), ("workers", workers));

        Assert.Equal(expected, session.Next("workers")!.Id);
    }

    [Theory]
    [InlineData("nib", "1", "notes")]
    [InlineData("pirt", "0", "notes")]
    [InlineData("pirt", "2", "pirt_year")]
    [InlineData("nib pirt", "2", "pirt_year")]
    public void Next_FollowsSelectedAndOr_WhenLegalityAnswered(string legality, string workers, string expected)
    {
        var session = Session(("has_bank_account", "no"), ("workers", workers), ("legality", legality));

        Assert.Equal(expected, session.Next("legality")!.Id);
    }

    [Fact]
    public void Next_ReturnsNull_WhenLastQuestion()
    {
        Assert.Null(Session().Next("notes"));
    }

    [Fact]
    public void FirstUnanswered_ReturnsResumePoint_WhenPartlyAnswered()
    {
        var session = Session(("has_bank_account", "yes"), ("had_credit", "no"));

        Assert.Equal("workers", session.FirstUnanswered()!.Id);
        Assert.False(session.IsComplete);
    }

    [Fact]
    public void FirstUnanswered_ReturnsNull_WhenEveryRelevantQuestionAnswered()
    {
        var session = Session(("has_bank_account", "no"), ("workers", "2"), ("legality", "nib"), ("notes", ""));

        Assert.Null(session.FirstUnanswered());
        Assert.True(session.IsComplete);
    }

    [Fact]
    public void Previous_ReturnsLastAnsweredRelevantQuestion_WhenGoingBack()
    {
        var session = Session(("has_bank_account", "no"), ("workers", "2"));

        Assert.Equal("workers", session.Previous("legality")!.Id);
        Assert.Equal("has_bank_account", session.Previous("workers")!.Id);
    }

    [Fact]
    public void Previous_SkipsQuestionThatBecameIrrelevant_WhenEarlierAnswerChanged()
    {
        // had_credit was answered while the owner had an account; then the first answer changed to "no".
        var session = Session(("has_bank_account", "no"), ("had_credit", "yes"), ("workers", "2"));

        Assert.Equal("has_bank_account", session.Previous("workers")!.Id);
    }

    [Fact]
    public void Previous_ReturnsNull_WhenAtFirstQuestion()
    {
        Assert.Null(Session(("has_bank_account", "yes")).Previous("has_bank_account"));
    }

    [Fact]
    public void Previous_ReturnsLastAnswer_WhenQuestionnaireFinished()
    {
        var session = Session(("has_bank_account", "no"), ("workers", "2"), ("legality", "nib"), ("notes", ""));

        Assert.Equal("notes", session.Previous(null)!.Id);
    }

    [Fact]
    public void Progress_CountsOnlyRelevantQuestions_WhenSkipLogicApplies()
    {
        var session = Session(("has_bank_account", "no"), ("workers", "2"));

        var progress = session.Progress("legality");

        // has_bank_account, workers, legality, notes — credit and roles are skipped; the PIRT year still may be asked.
        Assert.Equal(new QuestionnaireProgress(3, 5, 2), progress);
    }

    [Fact]
    public void Progress_CountsWhatSkipLogicMayStillAsk_WhenAnswerOpensMoreQuestions()
    {
        var session = Session(("has_bank_account", "yes"), ("had_credit", "no"), ("workers", "12"));

        var progress = session.Progress("has_roles");

        Assert.Equal(4, progress.Position);
        Assert.Equal(7, progress.Total); // with the PIRT year, which a PIRT answer opens
        Assert.Equal(3, progress.Answered);
        Assert.False(progress.IsComplete);
    }

    [Fact]
    public void Progress_PointsAtNextQuestion_WhenNoCurrentQuestion()
    {
        var progress = Session(("has_bank_account", "no")).Progress(null);

        Assert.Equal(2, progress.Position);
        Assert.Equal(1, progress.Answered);
    }

    [Fact]
    public void Progress_IsComplete_WhenAllAnswered()
    {
        var progress = Session(("has_bank_account", "no"), ("workers", "2"), ("legality", "nib"), ("notes", "")).Progress(null);

        Assert.True(progress.IsComplete);
        Assert.Equal(4, progress.Position);
    }

    [Fact]
    public void RelevantAnswers_DropsStaleAnswers_WhenQuestionNoLongerRelevant()
    {
        var session = Session(("has_bank_account", "no"), ("had_credit", "yes"), ("workers", "2"));

        var relevant = session.RelevantAnswers();

        Assert.Equal(["has_bank_account", "workers"], relevant.Keys);
    }

    [Fact]
    public void IsRelevant_ReadsOnlyRelevantAnswers_WhenChained()
    {
        // pirt_year depends on workers or the bank; a stale credit answer must not matter.
        var session = Session(("has_bank_account", "no"), ("workers", "0"), ("legality", "pirt"));

        Assert.False(session.IsRelevant(Sample.FindQuestion("pirt_year")!));
        Assert.False(session.IsRelevant(Sample.FindQuestion("had_credit")!));
        Assert.True(session.IsRelevant(Sample.FindQuestion("notes")!));
    }
}
