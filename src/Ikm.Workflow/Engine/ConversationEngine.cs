using Ikm.Workflow.Flows.Cohorts;
using Ikm.Workflow.Flows.Diagnosis;
using Ikm.Workflow.Flows.Evaluations;
using Ikm.Workflow.Flows.Visits;
using Ikm.Workflow.Flows.Onboarding;
using Ikm.Workflow.Flows.OwnerData;
using Ikm.Workflow.Flows.Registration;
using Ikm.Workflow.Members;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Program.Actions;
using Ikm.Workflow.Questionnaires;
using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Engine;

/// <summary>
/// Handles one update against a chat's conversation: global commands first (/start, /menu, /batal, /kembali,
/// /bantuan, /bahasa, /datasaya, /hapusdata…), then input checks, menu buttons, then the open flow.
/// No I/O of its own: reads and writes go through the turn's <see cref="ChatWork"/>, stored by the pipeline.
/// </summary>
public sealed class ConversationEngine(
    IEnumerable<IFlow> flows,
    MenuPresenter menu,
    OnboardingFlow onboarding,
    RegistrationFlow registration,
    DiagnosisFlow diagnosis,
    EraseFlow erase,
    IQuestionnaireCatalog catalog,
    IEnumerable<IActionHandler> actions,
    InviteActions invites,
    CohortFlow cohortFlow,
    EvaluationFlow evaluation,
    OwnerVisitsView ownerVisits,
    Flows.Visits.CheckIn.CheckInFlow checkIn,
    Flows.Visits.Retro.RetroVisitFlow retroVisit)
{
    private readonly List<IActionHandler> _actions = [.. actions];
    private const string LeavePrefix = "menu:leave:";
    private const string StayButton = "menu:stay";

    private readonly Dictionary<string, IFlow> _flows = flows.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<IFlow> Flows => _flows.Values;

    public async Task HandleAsync(TurnContext context)
    {
        var message = context.Message;
        if (message.Kind == IncomingKind.Command && await TryGlobalCommandAsync(context, message.Command!))
            return;

        if (RejectBadInput(context))
            return;

        if (message.ButtonData is { } data && data.StartsWith(MenuPresenter.Prefix, StringComparison.Ordinal))
        {
            await HandleMenuButtonAsync(context, data);
            return;
        }

        if (message.ButtonData is { } actionData && _actions.FirstOrDefault(a => a.ButtonPrefixes.Any(p => actionData.StartsWith(p, StringComparison.Ordinal))) is { } action)
        {
            await action.HandleAsync(context);
            return;
        }

        if (OpenFlow(context) is { } flow)
        {
            await flow.HandleAsync(context);
            return;
        }

        if (message.Kind == IncomingKind.Button)
        {
            context.Reply(context.T(CommonTexts.StaleButton));
            return;
        }

        if (context.Member is null)
        {
            await StartFlowAsync(context, onboarding);
            return;
        }

        menu.Show(context);
    }

    public async Task StartFlowAsync(TurnContext context, IFlow flow)
    {
        context.Conversation.Flow = flow.Name;
        context.Conversation.State = "";
        await flow.StartAsync(context);
    }

    private IFlow? OpenFlow(TurnContext context) =>
        _flows.GetValueOrDefault(context.Conversation.Flow);

    /// <summary>
    /// A menu button (also on old messages and proactive notices). While another flow is open the user is asked
    /// whether to leave it — its answers are kept — or to continue it; the open flow's state is not touched.
    /// </summary>
    private async Task HandleMenuButtonAsync(TurnContext context, string data)
    {
        if (data == StayButton)
        {
            if (OpenFlow(context) is { } open) await open.HelpAsync(context);
            else menu.Show(context);
            return;
        }

        var leave = data.StartsWith(LeavePrefix, StringComparison.Ordinal);
        var target = leave ? MenuPresenter.Prefix + data[LeavePrefix.Length..] : data;
        if (!leave && OpenFlow(context) is { } current && current != onboarding && !IsFlowOf(target, current))
        {
            context.Reply(context.T(MenuTexts.LeaveOpenFlow),
            [[new Button(context.T(MenuTexts.Leave), LeavePrefix + target[MenuPresenter.Prefix.Length..]), new Button(context.T(MenuTexts.Continue), StayButton)]]);
            return;
        }

        var needed = target switch
        {
            MenuPresenter.HelpButton => (MemberRole?)null,
            MenuPresenter.CohortButton => MemberRole.Coordinator,
            MenuPresenter.CheckInButton or MenuPresenter.RetroButton or MenuPresenter.EvaluationButton => MemberRole.Mentor,
            _ => MemberRole.Owner,
        };
        if (needed is { } role && context.Member?.Role != role)
        {
            context.Reply(context.T(role switch
            {
                MemberRole.Coordinator => CommonTexts.CoordinatorsOnly,
                MemberRole.Mentor => Program.ProgramTexts.MentorsOnly,
                _ => MenuTexts.OwnersOnly,
            }));
            return;
        }

        context.Conversation.CloseFlow();
        switch (target)
        {
            case MenuPresenter.ProfileButton:
                context.Conversation.Flow = registration.Name;
                await registration.StartEditAsync(context);
                break;
            case MenuPresenter.DiagnosisButton:
                await StartFlowAsync(context, diagnosis);
                break;
            case MenuPresenter.PlanButton:
                await diagnosis.ShowPlanAsync(context);
                break;
            case MenuPresenter.HelpButton:
                context.Reply(context.T(CommonTexts.GlobalHelp));
                break;
            case MenuPresenter.CohortButton:
                await StartFlowAsync(context, cohortFlow);
                break;
            case MenuPresenter.CheckInButton:
                await checkIn.StartAsync(context);
                break;
            case MenuPresenter.RetroButton:
                await retroVisit.StartAsync(context);
                break;
            case MenuPresenter.EvaluationButton:
                await evaluation.StartAsync(context);
                break;
            case MenuPresenter.VisitsButton:
                await ownerVisits.ShowAsync(context);
                break;
            case MenuPresenter.SelfAssessmentButton:
                await evaluation.StartSelfAsync(context);
                break;
            default:
                context.Reply(context.T(CommonTexts.StaleButton));
                break;
        }
    }

    private bool IsFlowOf(string target, IFlow flow) =>
        (target == MenuPresenter.ProfileButton && flow == registration) || (target == MenuPresenter.DiagnosisButton && flow == diagnosis)
        || (target == MenuPresenter.CohortButton && flow == cohortFlow)
        || (target == MenuPresenter.EvaluationButton && flow == evaluation);

    private async Task<bool> TryGlobalCommandAsync(TurnContext context, string command)
    {
        switch (command)
        {
            case "start" when context.Message.CommandArgument is { } token:
                await invites.RedeemAsync(context, token);
                return true;
            case "start":
                if (context.Member is { Role: not MemberRole.None })
                {
                    context.Conversation.CloseFlow();
                    menu.Show(context, context.T(MenuTexts.WelcomeBack));
                }
                else
                {
                    await StartFlowAsync(context, onboarding);
                }
                return true;
            case "menu":
                context.Conversation.CloseFlow();
                if (context.Member is null) await StartFlowAsync(context, onboarding);
                else menu.Show(context);
                return true;
            case "batal" or "cancel":
                var hadFlow = OpenFlow(context) is not null;
                context.Conversation.CloseFlow();
                menu.Show(context, context.T(hadFlow ? CommonTexts.Cancelled : CommonTexts.NothingToCancel));
                return true;
            case "kembali" or "back":
                if (OpenFlow(context) is not { } flow || !await flow.BackAsync(context))
                    context.Reply(context.T(CommonTexts.NothingToGoBack));
                return true;
            case "bantuan" or "help":
                context.Reply(context.T(CommonTexts.GlobalHelp));
                if (OpenFlow(context) is { } open) await open.HelpAsync(context);
                return true;
            case "bahasa" or "language":
                await onboarding.StartLanguageChangeAsync(context);
                return true;
            case "datasaya" or "mydata":
                OwnerDataService.Request(context);
                return true;
            case "hapusdata" or "deletemydata":
                await StartFlowAsync(context, erase);
                return true;
            case "kuesioner" or "questionnaire":
                UseQuestionnaire(context);
                return true;
            default:
                if (_actions.FirstOrDefault(a => a.Commands.Contains(command)) is { } handler)
                {
                    await handler.HandleAsync(context);
                    return true;
                }

                if (OpenFlow(context) is not null) return false;
                context.Reply(context.T(CommonTexts.UnknownCommand, Echo.Clip(command)));
                return true;
        }
    }

    /// <summary>
    /// /kuesioner file.yaml: points new diagnoses at another questionnaire file, if it is valid. The switch holds for
    /// every cohort, so only a program-wide administrator may make it; a cohort's coordinator is told so.
    /// </summary>
    private void UseQuestionnaire(TurnContext context)
    {
        if (context.Member?.Role != MemberRole.Coordinator && !Program.ProgramDirectory.IsAdministrator(context))
        {
            context.Reply(context.T(CommonTexts.CoordinatorsOnly));
            return;
        }

        if (!Program.ProgramDirectory.IsAdministrator(context))
        {
            context.Reply(context.T(Program.ProgramTexts.AdministratorsOnly));
            return;
        }

        // Only a plain file name of the questionnaires folder: anything else is answered with the usage, not echoed.
        if (context.Message.CommandArgument is not { } fileName || !IsPlainFileName(fileName))
        {
            context.Reply(context.T(CommonTexts.QuestionnaireUsage, catalog.Diagnosis.Id, catalog.Diagnosis.Version));
            return;
        }

        var former = catalog.Diagnosis;
        var result = catalog.TryUseDiagnosis(fileName);
        if (result.IsSuccess)
        {
            var questionnaire = result.Questionnaire!;
            Audit.AuditTrail.Record(context, Audit.AuditAction.QuestionnaireSwitched, "", [Audit.AuditEntry.Target("questionnaire", questionnaire.Id)],
                "diagnosis", $"{former.Id} {former.Version}", $"{questionnaire.Id} {questionnaire.Version}");
            context.Reply(context.T(CommonTexts.QuestionnaireSwitched, questionnaire.Title.Get(context.Language), questionnaire.Id, questionnaire.Version, questionnaire.Questions.Count));
            return;
        }

        var errors = result.Errors.Take(10).Select(e => "• " + e.Describe(context.Language));
        context.Reply(context.T(CommonTexts.QuestionnaireRefused, fileName, catalog.Diagnosis.Id) + "\n" + string.Join("\n", errors));
    }

    private static bool IsPlainFileName(string name) =>
        name.Length <= Echo.MaxLength && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    /// <summary>Answers input no flow can use, so flows only see text they can read.</summary>
    private static bool RejectBadInput(TurnContext context)
    {
        var message = context.Message;
        switch (message.Kind)
        {
            case IncomingKind.Unsupported:
                context.Reply(context.T(CommonTexts.Unsupported));
                return true;
            case IncomingKind.Text:
                var text = message.Text ?? "";
                if (string.IsNullOrWhiteSpace(text))
                {
                    context.Reply(context.T(CommonTexts.EmptyText));
                    return true;
                }

                if (text.Length > CommonTexts.MaxTextLength)
                {
                    context.Reply(context.T(CommonTexts.TooLong, text.Length.ToString("N0", Languages.Culture(context.Language)),
                        CommonTexts.MaxTextLength.ToString("N0", Languages.Culture(context.Language))));
                    return true;
                }

                if (!text.Any(char.IsLetterOrDigit) && text.Trim() != "-")
                {
                    context.Reply(context.T(CommonTexts.NoLetters));
                    return true;
                }

                return false;
            default:
                return false;
        }
    }
}
