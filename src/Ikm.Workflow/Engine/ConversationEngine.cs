using Ikm.Workflow.Flows.Onboarding;
using Ikm.Workflow.Members;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Mentoring.Actions;
using Ikm.Workflow.Texts;
using Microsoft.Extensions.Logging;

namespace Ikm.Workflow.Engine;

/// <summary>
/// Handles one update against a chat's conversation: the engine's own commands first (/start, /menu, /batal,
/// /kembali, /bantuan), then the routes flows and views declare (menu buttons, commands), actions, then the open
/// flow. No I/O of its own: reads and writes go through the turn's <see cref="ChatWork"/>, stored by the pipeline.
/// </summary>
public sealed class ConversationEngine
{
    private const string LeavePrefix = "menu:leave:";
    private const string StayButton = "menu:stay";

    private readonly Dictionary<string, IFlow> _flows;
    private readonly Dictionary<string, EntryRoute> _byButton = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EntryRoute> _byCommand = new(StringComparer.Ordinal);
    private readonly List<IActionHandler> _actions;
    private readonly MenuPresenter _menu;
    private readonly OnboardingFlow _onboarding;
    private readonly InviteActions _invites;
    private readonly CommandGuide _guide;
    private readonly ILogger<ConversationEngine> _log;

    public ConversationEngine(
        IEnumerable<IFlow> flows,
        IEnumerable<IRouteOwner> routeOwners,
        IEnumerable<IActionHandler> actions,
        MenuPresenter menu,
        OnboardingFlow onboarding,
        InviteActions invites,
        ILogger<ConversationEngine> log)
    {
        _flows = flows.ToDictionary(f => f.Name, StringComparer.Ordinal);
        _actions = [.. actions];
        (_menu, _onboarding, _invites, _log) = (menu, onboarding, invites, log);
        var help = new EntryRoute(null, ShowGuideAsync) { Buttons = [MenuPresenter.HelpButton] };
        var routes = routeOwners.SelectMany(o => o.Routes).Append(help).ToList();
        _guide = new CommandGuide(routes);
        foreach (var route in routes)
        {
            foreach (var button in route.Buttons)
                if (!_byButton.TryAdd(button, route)) throw new InvalidOperationException($"Button '{button}' is declared by two routes.");
            foreach (var command in route.Commands)
                if (!_byCommand.TryAdd(command, route)) throw new InvalidOperationException($"Command '/{command}' is declared by two routes.");
        }
    }

    public IReadOnlyCollection<IFlow> Flows => _flows.Values;

    public async Task HandleAsync(TurnContext context)
    {
        var message = context.Message;
        if (message.Kind == IncomingKind.Command && await TryCommandAsync(context, message.Command!))
            return;

        if (BadInputRefusal(context) is { } refusal)
        {
            await RefuseAsync(context, refusal);
            return;
        }

        if (message.ButtonData is { } data && data.StartsWith(MenuPresenter.Prefix, StringComparison.Ordinal))
        {
            await HandleMenuButtonAsync(context, data);
            return;
        }

        if (message.ButtonData is { } routeData && _byButton.TryGetValue(routeData, out var route))
        {
            await OpenAsync(context, route);
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
            await _onboarding.StartAsync(context);
            return;
        }

        _menu.Show(context);
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
            else _menu.Show(context);
            return;
        }

        var leave = data.StartsWith(LeavePrefix, StringComparison.Ordinal);
        var target = leave ? MenuPresenter.Prefix + data[LeavePrefix.Length..] : data;
        if (!_byButton.TryGetValue(target, out var route))
        {
            context.Reply(context.T(CommonTexts.StaleButton));
            return;
        }

        if (!leave && OpenFlow(context) is { } current && current != _onboarding && current.Name != route.Continues)
        {
            context.Reply(context.T(MenuTexts.LeaveOpenFlow),
            [[new Button(context.T(MenuTexts.Leave), LeavePrefix + target[MenuPresenter.Prefix.Length..]), new Button(context.T(MenuTexts.Continue), StayButton)]]);
            return;
        }

        if (!Allowed(context, route)) return;
        context.Conversation.CloseFlow();
        await route.Open(context);
    }

    private async Task OpenAsync(TurnContext context, EntryRoute route)
    {
        if (Allowed(context, route)) await route.Open(context);
    }

    /// <summary>The route's role, checked on the server for every way in (a forged or old button, a typed command).</summary>
    private bool Allowed(TurnContext context, EntryRoute route)
    {
        if (route.Role is not { } role || context.Member?.Role == role || (role == MemberRole.Coordinator && ProgramDirectory.IsCoordinator(context))) return true;
        _log.LogWarning("Route refused for user {UserId}: needs role {Role}", context.Message.UserId, role);
        context.Reply(context.T(role switch
        {
            MemberRole.Coordinator => CommonTexts.CoordinatorsOnly,
            MemberRole.Mentor => ProgramTexts.MentorsOnly,
            _ => MenuTexts.OwnersOnly,
        }));
        return false;
    }

    private async Task<bool> TryCommandAsync(TurnContext context, string command)
    {
        switch (command)
        {
            case "start" when context.Message.CommandArgument is { } token:
                await _invites.RedeemAsync(context, token);
                return true;
            case "start":
                if (context.Member is { Role: not MemberRole.None })
                {
                    context.Conversation.CloseFlow();
                    _menu.Show(context, context.T(MenuTexts.WelcomeBack));
                }
                else
                {
                    await _onboarding.StartAsync(context);
                }
                return true;
            case "menu":
                var left = OpenFlow(context) is { } leftFlow && leftFlow != _onboarding;
                context.Conversation.CloseFlow();
                if (context.Member is null) await _onboarding.StartAsync(context);
                else _menu.Show(context, left ? context.T(MenuTexts.LeftOpenFlow) : null);
                return true;
            case "batal" or "cancel":
                var hadFlow = OpenFlow(context) is not null;
                context.Conversation.CloseFlow();
                _menu.Show(context, context.T(hadFlow ? CommonTexts.Cancelled : CommonTexts.NothingToCancel));
                return true;
            case "kembali" or "back":
                if (OpenFlow(context) is not { } flow || !await flow.BackAsync(context))
                    context.Reply(context.T(CommonTexts.NothingToGoBack));
                return true;
            case "bantuan" or "help":
                await ShowGuideAsync(context);
                if (OpenFlow(context) is { } open) await open.HelpAsync(context);
                return true;
            default:
                if (_byCommand.TryGetValue(command, out var route))
                {
                    await OpenAsync(context, route);
                    return true;
                }

                await RefuseAsync(context, context.T(CommonTexts.UnknownCommand, Echo.Clip(command)));
                return true;
        }
    }

    /// <summary>/bantuan of the member's role: made from the declared routes (<see cref="CommandGuide"/>).</summary>
    private async Task ShowGuideAsync(TurnContext context)
    {
        var role = context.Member?.Role ?? MemberRole.None;
        var nextStep = role == MemberRole.Owner ? await OwnerNextStepAsync(context) : null;
        context.Reply(_guide.For(role, context.Language, Mentoring.ProgramDirectory.IsAdministrator(context), nextStep));
    }

    private static async Task<string> OwnerNextStepAsync(TurnContext context)
    {
        if (await context.Work.GetBusinessAsync(context.Message.UserId) is null)
            return context.T(GuideTexts.NextRegister, context.T(MenuTexts.Profile));
        var diagnosed = (await context.Work.GetDiagnosesAsync(context.Message.UserId)).Any(d => d.Status == Diagnoses.DiagnosisStatus.Completed);
        return diagnosed
            ? context.T(GuideTexts.NextPlan, context.T(MenuTexts.Plan), context.T(MenuTexts.SelfAssessment))
            : context.T(GuideTexts.NextDiagnosis, context.T(MenuTexts.Diagnosis));
    }

    /// <summary>
    /// Input no flow can use — an unknown command, an empty, too long or letterless text, a sticker — is refused here,
    /// for every flow alike, with the open flow's question asked again in the same message: flows only see what they can read.
    /// </summary>
    private async Task RefuseAsync(TurnContext context, string refusal)
    {
        context.PrefaceNextReply(refusal);
        if (OpenFlow(context) is { } open) await open.HelpAsync(context);
        context.FlushPreface();
    }

    private static string? BadInputRefusal(TurnContext context)
    {
        var message = context.Message;
        switch (message.Kind)
        {
            case IncomingKind.Unsupported:
                return context.T(CommonTexts.Unsupported);
            case IncomingKind.Text:
                var text = message.Text ?? "";
                if (string.IsNullOrWhiteSpace(text))
                    return context.T(CommonTexts.EmptyText);

                if (text.Length > CommonTexts.MaxTextLength)
                    return context.T(CommonTexts.TooLong, text.Length.ToString("N0", Languages.Culture(context.Language)),
                        CommonTexts.MaxTextLength.ToString("N0", Languages.Culture(context.Language)));

                if (!text.Any(char.IsLetterOrDigit) && text.Trim() != "-")
                    return context.T(CommonTexts.NoLetters);

                return null;
            default:
                return null;
        }
    }
}
