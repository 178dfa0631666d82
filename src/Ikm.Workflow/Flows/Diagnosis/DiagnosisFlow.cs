using Humanizer;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Flows.Questions;
using Ikm.Workflow.Kernel;
using Ikm.Workflow.Members;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Questionnaires;
using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Flows.Diagnosis;

/// <summary>
/// The diagnosis usaha: intro (or "continue? 12 of 32 answered, last 3 days ago") → one question at a time, each answer
/// saved in the DiagnosisResponse → result card with a score per area, the three weakest, and the mentoring plan.
/// </summary>
public sealed class DiagnosisFlow(IQuestionnaireCatalog catalog, QuestionPrompter prompter) : Flow<DiagnosisState, DiagnosisTrigger, DiagnosisDraft>("dg"), IRouteOwner
{
    public const string FlowName = "diagnosis";

    public override string Name => FlowName;
    protected override DiagnosisState Idle => DiagnosisState.Idle;
    protected override DiagnosisTrigger Start => DiagnosisTrigger.Begin;

    public IEnumerable<EntryRoute> Routes =>
    [
        new(MemberRole.Owner, StartAsync) { Buttons = [MenuPresenter.DiagnosisButton], Continues = FlowName },
        new(MemberRole.Owner, ShowPlanAsync) { Buttons = [MenuPresenter.PlanButton] },
    ];

    public override async Task StartAsync(TurnContext context) =>
        await BeginAsync(context, await context.Work.GetBusinessAsync(context.Message.UserId) is null ? DiagnosisTrigger.FoundNoBusiness : DiagnosisTrigger.Begin);

    /// <summary>"Rencana pembinaan": the plan of the latest completed diagnosis.</summary>
    public async Task ShowPlanAsync(TurnContext context)
    {
        if (await LatestAsync(context, DiagnosisStatus.Completed) is not { } done)
            context.Reply(context.T(DiagnosisTexts.NoPlanYet), [[new Button(context.T(MenuTexts.Diagnosis), MenuPresenter.DiagnosisButton)]]);
        else
            context.Reply(DiagnosisResultCard.Plan(context, DiagnosisScorer.Score(QuestionnaireOf(done), done.Answers)));
    }

    protected override void Configure(FlowBuilder<DiagnosisState, DiagnosisTrigger, DiagnosisDraft> flow)
    {
        flow.Step(DiagnosisState.Idle)
            .Permit(DiagnosisTrigger.Begin, DiagnosisState.Intro)
            .Permit(DiagnosisTrigger.FoundNoBusiness, DiagnosisState.NotRegistered);

        flow.Step(DiagnosisState.Intro)
            .Prompt(ShowIntroAsync, "intro, or the diagnosis in progress, or the last one")
            .Help(turn => turn.Reply(turn.T(DiagnosisTexts.IntroHelp)))
            .OnChoice(DiagnosisChoice.Resume, DiagnosisTrigger.Resume)
            .OnChoice(DiagnosisChoice.New, DiagnosisTrigger.StartNew)
            .OnChoice(DiagnosisChoice.Result, DiagnosisTrigger.ShowResult)
            .Otherwise(turn => turn.Message.Kind == IncomingKind.Button ? Stale(turn) : ShowIntroAsync(turn))
            .PermitIf(DiagnosisTrigger.Resume, DiagnosisState.Answering, draft => draft.ResponseId is not null, "a diagnosis in progress")
            .Permit(DiagnosisTrigger.StartNew, DiagnosisState.Answering)
            .Permit(DiagnosisTrigger.ShowResult, DiagnosisState.ResultShown);

        flow.Step(DiagnosisState.Answering)
            .OnEntryFrom(DiagnosisTrigger.StartNew, StartNew, "a new response")
            .OnEntryFrom(DiagnosisTrigger.Resume, turn => turn.Draft.Current = null, "continue at the first unanswered")
            .Prompt(AskAsync, "ask the question")
            .Help(turn => WithResponseAsync(turn, (runner, sink) => { runner.AskCurrent(turn.Context, sink, preface: null); return true; }))
            .OnAnswer(turn => WithResponseAsync(turn, (runner, sink) => runner.Handle(turn.Context, sink) == FormStep.Completed), DiagnosisTrigger.Completed)
            .Back(turn => WithResponseAsync(turn, (runner, sink) => runner.Back(turn.Context, sink)))
            .Permit(DiagnosisTrigger.Completed, DiagnosisState.Completed)
            .Permit(DiagnosisTrigger.ResponseGone, DiagnosisState.Intro);

        flow.Step(DiagnosisState.Completed).Ends()
            .OnEntryFrom(DiagnosisTrigger.Completed, CompleteAsync, "score, result card, plan");

        flow.Step(DiagnosisState.ResultShown).Ends()
            .OnEntryFrom(DiagnosisTrigger.ShowResult, ShowLastResultAsync, "the last result card");

        flow.Step(DiagnosisState.NotRegistered).Ends()
            .OnEntryFrom(DiagnosisTrigger.FoundNoBusiness,
                turn => turn.Reply(turn.T(DiagnosisTexts.RegisterFirst), [[new Button(turn.T(DiagnosisTexts.Register), MenuPresenter.ProfileButton)]]),
                "register first");
    }

    private async Task ShowIntroAsync(FlowTurn<DiagnosisDraft> turn)
    {
        var inProgress = await LatestAsync(turn.Context, DiagnosisStatus.InProgress);
        var completed = await LatestAsync(turn.Context, DiagnosisStatus.Completed);
        var culture = Languages.Culture(turn.Language);
        turn.Draft.ResponseId = inProgress?.Id;
        if (inProgress is not null)
        {
            var progress = new QuestionnaireSession(QuestionnaireOf(inProgress), inProgress.Answers, inProgress.FromProfile).Progress(null);
            var when = inProgress.LastAnsweredAt.Humanize(dateToCompareAgainst: turn.Now, culture: culture);
            turn.Reply(turn.T(DiagnosisTexts.ResumePrompt, progress.Answered, progress.Total, when),
                [[turn.Button(DiagnosisTexts.Resume, DiagnosisChoice.Resume), turn.Button(DiagnosisTexts.Restart, DiagnosisChoice.New)]]);
        }
        else if (completed is not null)
        {
            var when = (completed.CompletedAt ?? completed.LastAnsweredAt).Humanize(dateToCompareAgainst: turn.Now, culture: culture);
            turn.Reply(turn.T(DiagnosisTexts.CompletedBefore, when),
                [[turn.Button(DiagnosisTexts.LastResult, DiagnosisChoice.Result), turn.Button(DiagnosisTexts.Retake, DiagnosisChoice.New)]]);
        }
        else
        {
            var questionnaire = catalog.Diagnosis;
            var prefilled = ProfileFields.Prefill(questionnaire, await turn.Work.GetBusinessAsync(turn.Message.UserId));
            var length = QuestionnaireLength.Of(questionnaire, prefilled, prefilled.Keys);
            turn.Reply(IntroText(turn, questionnaire, length, prefilled.Count), [[turn.Button(DiagnosisTexts.Begin, DiagnosisChoice.New)]]);
        }
    }

    /// <summary>"Sekitar 38–44 pertanyaan …, ±12 menit": what the skip logic may ask, after what the profile answered.</summary>
    private static string IntroText(FlowTurn<DiagnosisDraft> turn, Questionnaire questionnaire, QuestionnaireLength length, int prefilled)
    {
        var title = questionnaire.Title.Get(turn.Language);
        var text = length.MinQuestions == length.MaxQuestions
            ? turn.T(DiagnosisTexts.Intro, title, length.MaxQuestions, questionnaire.Areas.Count, length.AboutMinutes)
            : turn.T(DiagnosisTexts.IntroRange, title, length.MinQuestions, length.MaxQuestions, questionnaire.Areas.Count, length.AboutMinutes);
        return prefilled == 0 ? text : text + "\n" + turn.T(DiagnosisTexts.FromProfile, prefilled);
    }

    private async Task StartNew(FlowTurn<DiagnosisDraft> turn)
    {
        var business = await turn.Work.GetBusinessAsync(turn.Message.UserId);
        var questionnaire = catalog.Diagnosis;
        var prefilled = ProfileFields.Prefill(questionnaire, business);
        var response = new DiagnosisResponse
        {
            Id = Guid.NewGuid(),
            OwnerUserId = turn.Message.UserId,
            BusinessId = business?.Id ?? Guid.Empty,
            QuestionnaireId = questionnaire.Id,
            QuestionnaireVersion = questionnaire.Version,
            Status = DiagnosisStatus.InProgress,
            StartedAt = turn.Now,
            LastAnsweredAt = turn.Now,
            Answers = prefilled,
            FromProfile = [.. prefilled.Keys],
        };
        turn.Work.Stage(response);
        turn.Draft.ResponseId = response.Id;
        turn.Draft.Current = null;
        turn.Draft.Selections.Clear();
    }

    /// <summary>The question asked (after /kembali, an answered one to change), else the first unanswered; the result once all are answered.</summary>
    private Task AskAsync(FlowTurn<DiagnosisDraft> turn) =>
        WithResponseAsync(turn, (runner, sink) =>
        {
            if (sink.Current is { } asked && runner.Questionnaire.FindQuestion(asked) is not null) runner.AskCurrent(turn.Context, sink, preface: null);
            else if (!runner.AskNext(turn.Context, sink)) turn.Then(DiagnosisTrigger.Completed);
            return true;
        });

    /// <summary>Runs <paramref name="act"/> on the response in progress; when it is gone (completed elsewhere, erased), back to the intro.</summary>
    private async Task<bool> WithResponseAsync(FlowTurn<DiagnosisDraft> turn, Func<QuestionnaireRunner, DiagnosisAnswers, bool> act)
    {
        if (await InProgressAsync(turn) is not { } response)
        {
            turn.Then(DiagnosisTrigger.ResponseGone);
            return false;
        }

        return act(new QuestionnaireRunner(prompter, QuestionnaireOf(response), Choices.Prefix), new DiagnosisAnswers(turn.Context, response, turn.Draft));
    }

    private async Task CompleteAsync(FlowTurn<DiagnosisDraft> turn)
    {
        var response = (await InProgressAsync(turn))!;
        var result = DiagnosisScorer.Score(QuestionnaireOf(response), response.Answers);
        response.Status = DiagnosisStatus.Completed;
        response.CompletedAt = turn.Now;
        response.AreaScores = result.Areas.Where(a => a.Score is not null).ToDictionary(a => a.Area.Id, a => (double)a.Score!.Value);
        response.WeakestAreas = [.. result.Weakest.Select(a => a.Area.Id)];
        turn.Work.Stage(response);
        turn.Reply(DiagnosisResultCard.Text(turn.Context, response, result));
    }

    private async Task ShowLastResultAsync(FlowTurn<DiagnosisDraft> turn)
    {
        if (await LatestAsync(turn.Context, DiagnosisStatus.Completed) is { } done)
            turn.Reply(DiagnosisResultCard.Text(turn.Context, done, DiagnosisScorer.Score(QuestionnaireOf(done), done.Answers)));
        else
            await Stale(turn);
    }

    private static Task Stale(FlowTurn<DiagnosisDraft> turn)
    {
        turn.Reply(turn.T(CommonTexts.StaleButton));
        return Task.CompletedTask;
    }

    private Questionnaire QuestionnaireOf(DiagnosisResponse response) =>
        catalog.Find(response.QuestionnaireId, response.QuestionnaireVersion) ?? catalog.Diagnosis;

    private static async Task<DiagnosisResponse?> LatestAsync(TurnContext context, DiagnosisStatus status) =>
        (await context.Work.GetDiagnosesAsync(context.Message.UserId)).LastOrDefault(d => d.Status == status);

    private static async Task<DiagnosisResponse?> InProgressAsync(FlowTurn<DiagnosisDraft> turn) =>
        turn.Draft.ResponseId is { } id
            ? (await turn.Work.GetDiagnosesAsync(turn.Message.UserId)).FirstOrDefault(d => d.Id == id && d.Status == DiagnosisStatus.InProgress)
            : null;

    /// <summary>Diagnoses begun before the typed draft kept "dg.id", "dg.q" and "dg.sel.{question}" in the conversation.</summary>
    protected override DiagnosisDraft? ImportEarlierDraft(IDictionary<string, string> data)
    {
        var keys = data.Keys.Where(k => k.StartsWith("dg.", StringComparison.Ordinal)).ToList();
        if (keys.Count == 0) return null;
        var draft = new DiagnosisDraft
        {
            ResponseId = data.TryGetValue("dg.id", out var id) && Guid.TryParse(id, out var responseId) ? responseId : null,
            Current = data.TryGetValue("dg.q", out var asked) ? asked : null,
            Selections = keys.Where(k => k.StartsWith("dg.sel.", StringComparison.Ordinal))
                .ToDictionary(k => k["dg.sel.".Length..], k => data[k].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList()),
        };
        foreach (var key in keys) data.Remove(key);
        return draft;
    }
}
