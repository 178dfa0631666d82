using System.Globalization;
using Humanizer;
using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Flows.Questions;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Questionnaires;
using Ikm.Workflow.Texts;
using Stateless;
using Stateless.Reflection;

namespace Ikm.Workflow.Flows.Diagnosis;

/// <summary>
/// The diagnosis usaha: intro (or "continue? 12 of 32 answered, last 3 days ago") → one question at a time, each answer
/// saved in the DiagnosisResponse → result card with a score per area, the three weakest, and the mentoring plan.
/// </summary>
public sealed class DiagnosisFlow(IQuestionnaireCatalog catalog, QuestionPrompter prompter) : IFlow
{
    public const string FlowName = "diagnosis";
    private const string Prefix = "dg";
    private const string ResponseKey = "dg.id";
    private const string CurrentKey = "dg.q";

    public string Name => FlowName;

    public async Task StartAsync(TurnContext context)
    {
        context.Conversation.State = nameof(DiagnosisState.Intro);
        context.Conversation.Data.Remove(CurrentKey);
        if (await context.Work.GetBusinessAsync(context.Message.UserId) is null)
        {
            Close(context);
            context.Reply(context.T(DiagnosisTexts.RegisterFirst), [[new Button(context.T(DiagnosisTexts.Register), MenuPresenter.ProfileButton)]]);
            return;
        }

        await ShowIntroAsync(context);
    }

    public async Task HandleAsync(TurnContext context)
    {
        var machine = Build(context);
        switch (State(context))
        {
            case DiagnosisState.Intro:
                if (Pressed(context, "resume") && machine.CanFire(DiagnosisTrigger.Resume) && await InProgressAsync(context) is not null)
                    await machine.FireAsync(DiagnosisTrigger.Resume);
                else if (Pressed(context, "new"))
                    await machine.FireAsync(DiagnosisTrigger.StartNew);
                else if (Pressed(context, "result") && await LatestCompletedAsync(context) is { } done)
                {
                    ShowResult(context, done);
                    Close(context);
                }
                else if (context.Message.Kind == IncomingKind.Button)
                    context.Reply(context.T(CommonTexts.StaleButton));
                else
                    await ShowIntroAsync(context);
                return;
            case DiagnosisState.Answering:
                await HandleAnswerAsync(context, machine);
                return;
        }
    }

    public async Task HelpAsync(TurnContext context)
    {
        if (State(context) == DiagnosisState.Answering)
            await AskCurrentAsync(context, preface: null);
        else
            context.Reply(context.T(DiagnosisTexts.IntroHelp));
    }

    public async Task<bool> BackAsync(TurnContext context)
    {
        if (State(context) != DiagnosisState.Answering || await CurrentResponseAsync(context) is not { } response) return false;
        var questionnaire = QuestionnaireOf(response);
        if (new QuestionnaireSession(questionnaire, response.Answers).Previous(Current(context)) is not { } previous) return false;
        context.Conversation.Data[CurrentKey] = previous.Id;
        await AskCurrentAsync(context, preface: null);
        return true;
    }

    public StateMachineInfo Describe() => Build(TurnContextFactory.ForDiagram(nameof(DiagnosisState.Intro))).GetInfo();

    /// <summary>"Rencana pembinaan": the plan of the latest completed diagnosis.</summary>
    public async Task ShowPlanAsync(TurnContext context)
    {
        if (await LatestCompletedAsync(context) is not { } done)
        {
            context.Reply(context.T(DiagnosisTexts.NoPlanYet), [[new Button(context.T(MenuTexts.Diagnosis), MenuPresenter.DiagnosisButton)]]);
            return;
        }

        var result = DiagnosisScorer.Score(QuestionnaireOf(done), done.Answers);
        context.Reply(PlanText(context, result));
    }

    private StateMachine<DiagnosisState, DiagnosisTrigger> Build(TurnContext context)
    {
        var machine = new StateMachine<DiagnosisState, DiagnosisTrigger>(
            () => State(context),
            state => context.Conversation.State = state.ToString());

        machine.Configure(DiagnosisState.Intro)
            .Permit(DiagnosisTrigger.Resume, DiagnosisState.Answering)
            .Permit(DiagnosisTrigger.StartNew, DiagnosisState.Answering);

        machine.Configure(DiagnosisState.Answering)
            .OnEntryFromAsync(DiagnosisTrigger.Resume, () => AskNextAsync(context), "ask first unanswered")
            .OnEntryFromAsync(DiagnosisTrigger.StartNew, () => StartNewAsync(context), "new response, ask first")
            .InternalTransitionAsync(DiagnosisTrigger.Answered, _ => AskNextAsync(context))
            .Permit(DiagnosisTrigger.Completed, DiagnosisState.Done);

        machine.Configure(DiagnosisState.Done)
            .OnEntryFromAsync(DiagnosisTrigger.Completed, () => CompleteAsync(context), "score, result card, plan");

        return machine;
    }

    private async Task ShowIntroAsync(TurnContext context)
    {
        var diagnoses = await context.Work.GetDiagnosesAsync(context.Message.UserId);
        var inProgress = diagnoses.LastOrDefault(d => d.Status == DiagnosisStatus.InProgress);
        var completed = diagnoses.LastOrDefault(d => d.Status == DiagnosisStatus.Completed);
        var culture = Languages.Culture(context.Language);

        if (inProgress is not null)
        {
            var session = new QuestionnaireSession(QuestionnaireOf(inProgress), inProgress.Answers);
            var progress = session.Progress(null);
            var when = inProgress.LastAnsweredAt.Humanize(dateToCompareAgainst: context.Now, culture: culture);
            context.Conversation.Data[ResponseKey] = inProgress.Id.ToString();
            context.Reply(context.T(DiagnosisTexts.ResumePrompt, progress.Answered, progress.Total, when),
                [[new Button(context.T(DiagnosisTexts.Resume), Prefix + ":resume"), new Button(context.T(DiagnosisTexts.Restart), Prefix + ":new")]]);
            return;
        }

        if (completed is not null)
        {
            var when = (completed.CompletedAt ?? completed.LastAnsweredAt).Humanize(dateToCompareAgainst: context.Now, culture: culture);
            context.Reply(context.T(DiagnosisTexts.CompletedBefore, when),
                [[new Button(context.T(DiagnosisTexts.LastResult), Prefix + ":result"), new Button(context.T(DiagnosisTexts.Retake), Prefix + ":new")]]);
            return;
        }

        var questionnaire = catalog.Diagnosis;
        var total = new QuestionnaireSession(questionnaire, new Dictionary<string, string>()).Progress(null).Total;
        context.Reply(context.T(DiagnosisTexts.Intro, questionnaire.Title.Get(context.Language), total),
            [[new Button(context.T(DiagnosisTexts.Begin), Prefix + ":new")]]);
    }

    private async Task HandleAnswerAsync(TurnContext context, StateMachine<DiagnosisState, DiagnosisTrigger> machine)
    {
        var response = await CurrentResponseAsync(context);
        if (response is null || Current(context) is not { } questionId || QuestionnaireOf(response).FindQuestion(questionId) is not { } question)
        {
            Close(context);
            await StartAsync(context);
            return;
        }

        var sink = new DiagnosisAnswers(context, response, Prefix);
        switch (prompter.Interpret(context, Prefix, question, sink))
        {
            case Interpretation.Answer answer:
                sink.Store(question.Id, answer.Value);
                var done = new QuestionnaireSession(QuestionnaireOf(response), response.Answers).FirstUnanswered() is null;
                await machine.FireAsync(done ? DiagnosisTrigger.Completed : DiagnosisTrigger.Answered);
                break;
            case Interpretation.Refused refused:
                await AskCurrentAsync(context, refused.Reply);
                break;
            case Interpretation.Toggled:
                await AskCurrentAsync(context, preface: null);
                break;
            default:
                await AskCurrentAsync(context, context.T(QuestionTexts.StaleQuestion));
                break;
        }
    }

    private async Task StartNewAsync(TurnContext context)
    {
        var business = await context.Work.GetBusinessAsync(context.Message.UserId);
        var questionnaire = catalog.Diagnosis;
        var response = new DiagnosisResponse
        {
            Id = Guid.NewGuid(),
            OwnerUserId = context.Message.UserId,
            BusinessId = business?.Id ?? Guid.Empty,
            QuestionnaireId = questionnaire.Id,
            QuestionnaireVersion = questionnaire.Version,
            Status = DiagnosisStatus.InProgress,
            StartedAt = context.Now,
            LastAnsweredAt = context.Now,
        };
        context.Work.Stage(response);
        context.Conversation.Data[ResponseKey] = response.Id.ToString();
        context.Conversation.Data.Remove(CurrentKey);
        await AskNextAsync(context);
    }

    private async Task AskNextAsync(TurnContext context)
    {
        if (await CurrentResponseAsync(context) is not { } response) return;
        var next = new QuestionnaireSession(QuestionnaireOf(response), response.Answers).FirstUnanswered();
        if (next is null) return;
        context.Conversation.Data[CurrentKey] = next.Id;
        await AskCurrentAsync(context, preface: null);
    }

    private async Task AskCurrentAsync(TurnContext context, string? preface)
    {
        if (await CurrentResponseAsync(context) is not { } response || Current(context) is not { } id) return;
        var questionnaire = QuestionnaireOf(response);
        if (questionnaire.FindQuestion(id) is not { } question) return;
        var session = new QuestionnaireSession(questionnaire, response.Answers);
        var current = response.Answers.TryGetValue(id, out var stored) ? QuestionAnswer.Display(question, stored, context.Language) : null;
        prompter.Ask(context, Prefix, question, new DiagnosisAnswers(context, response, Prefix), session.Progress(id), current, preface);
    }

    private async Task CompleteAsync(TurnContext context)
    {
        var response = (await CurrentResponseAsync(context))!;
        var result = DiagnosisScorer.Score(QuestionnaireOf(response), response.Answers);
        response.Status = DiagnosisStatus.Completed;
        response.CompletedAt = context.Now;
        response.AreaScores = result.Areas.Where(a => a.Score is not null).ToDictionary(a => a.Area.Id, a => (double)a.Score!.Value);
        response.WeakestAreas = [.. result.Weakest.Select(a => a.Area.Id)];
        context.Work.Stage(response);
        ShowResult(context, response);
        Close(context);
    }

    private void ShowResult(TurnContext context, DiagnosisResponse response)
    {
        var result = DiagnosisScorer.Score(QuestionnaireOf(response), response.Answers);
        var culture = Languages.Culture(context.Language);
        var lines = new List<string>
        {
            context.T(DiagnosisTexts.ResultTitle, (response.CompletedAt ?? context.Now).ToString("d MMMM yyyy", culture)),
            "",
        };
        foreach (var area in result.Areas)
        {
            var score = area.Score is { } s ? $"{Bar(s)} {s.ToString("0.0", culture)}" : context.T(DiagnosisTexts.NotScored);
            lines.Add($"{area.Area.Label.Get(context.Language)}\n   {score}");
        }

        lines.Add("");
        lines.Add(context.T(DiagnosisTexts.Weakest));
        lines.AddRange(result.Weakest.Select((a, i) => $"{i + 1}. {a.Area.Label.Get(context.Language)}"));
        lines.Add("");
        lines.Add(PlanText(context, result));
        context.Reply(string.Join("\n", lines));
    }

    private static string PlanText(TurnContext context, DiagnosisResult result)
    {
        var lines = new List<string> { context.T(DiagnosisTexts.Plan) };
        foreach (var area in result.PlanAreas)
        {
            lines.Add("▸ " + area.Area.Label.Get(context.Language));
            lines.AddRange(area.Area.PlanTopics.Select(t => "   • " + t.Get(context.Language)));
        }

        return string.Join("\n", lines);
    }

    /// <summary>A five-step text bar: ▰▰▰▱▱ for 3.</summary>
    private static string Bar(decimal score)
    {
        var filled = (int)Math.Clamp(Math.Round(score, MidpointRounding.AwayFromZero), 0, 5);
        return new string('▰', filled) + new string('▱', 5 - filled);
    }

    private Questionnaire QuestionnaireOf(DiagnosisResponse response) =>
        catalog.Find(response.QuestionnaireId, response.QuestionnaireVersion) ?? catalog.Diagnosis;

    private static async Task<DiagnosisResponse?> InProgressAsync(TurnContext context) =>
        (await context.Work.GetDiagnosesAsync(context.Message.UserId)).LastOrDefault(d => d.Status == DiagnosisStatus.InProgress);

    private static async Task<DiagnosisResponse?> LatestCompletedAsync(TurnContext context) =>
        (await context.Work.GetDiagnosesAsync(context.Message.UserId)).LastOrDefault(d => d.Status == DiagnosisStatus.Completed);

    private static async Task<DiagnosisResponse?> CurrentResponseAsync(TurnContext context)
    {
        if (!context.Conversation.Data.TryGetValue(ResponseKey, out var id) || !Guid.TryParse(id, out var responseId)) return null;
        return (await context.Work.GetDiagnosesAsync(context.Message.UserId)).FirstOrDefault(d => d.Id == responseId && d.Status == DiagnosisStatus.InProgress);
    }

    private static bool Pressed(TurnContext context, string action) => context.Message.ButtonData == $"{Prefix}:{action}";

    private static DiagnosisState State(TurnContext context) =>
        Enum.TryParse<DiagnosisState>(context.Conversation.State, out var state) ? state : DiagnosisState.Intro;

    private static string? Current(TurnContext context) => context.Conversation.Data.GetValueOrDefault(CurrentKey);

    private static void Close(TurnContext context)
    {
        context.Conversation.CloseFlow();
        context.Conversation.Data.Remove(CurrentKey);
    }
}
