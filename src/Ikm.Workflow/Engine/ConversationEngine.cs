using Ikm.Workflow.Conversations;
using Ikm.Workflow.Flows.Onboarding;
using Ikm.Workflow.Members;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Engine;

/// <summary>
/// Handles one update against a chat's conversation: global commands first (/start, /menu, /batal, /kembali,
/// /bantuan, /bahasa), then input checks, then the open flow. Pure: no I/O, the pipeline stores the result.
/// </summary>
public sealed class ConversationEngine(IEnumerable<IFlow> flows, MenuPresenter menu, OnboardingFlow onboarding)
{
    private readonly Dictionary<string, IFlow> _flows = flows.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<IFlow> Flows => _flows.Values;

    public async Task HandleAsync(TurnContext context)
    {
        var message = context.Message;
        if (message.Kind == IncomingKind.Command && await TryGlobalCommandAsync(context, message.Command!))
            return;

        if (RejectBadInput(context))
            return;

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

    private async Task<bool> TryGlobalCommandAsync(TurnContext context, string command)
    {
        switch (command)
        {
            case "start":
                if (context.Member is { Role: not MemberRole.None })
                {
                    CloseFlow(context);
                    context.Reply(context.T(MenuTexts.WelcomeBack));
                    menu.Show(context);
                }
                else
                {
                    await StartFlowAsync(context, onboarding);
                }
                return true;
            case "menu":
                CloseFlow(context);
                if (context.Member is null) await StartFlowAsync(context, onboarding);
                else menu.Show(context);
                return true;
            case "batal" or "cancel":
                if (OpenFlow(context) is null)
                {
                    context.Reply(context.T(CommonTexts.NothingToCancel));
                }
                else
                {
                    CloseFlow(context);
                    context.Reply(context.T(CommonTexts.Cancelled));
                }
                menu.Show(context);
                return true;
            case "kembali" or "back":
                if (OpenFlow(context) is not { } flow || !await flow.BackAsync(context))
                    context.Reply(context.T(CommonTexts.NothingToGoBack));
                return true;
            case "bantuan" or "help":
                context.Reply(context.T(CommonTexts.GlobalHelp));
                if (OpenFlow(context) is { } open) open.Help(context);
                return true;
            case "bahasa" or "language":
                onboarding.StartLanguageChange(context);
                return true;
            default:
                if (OpenFlow(context) is not null) return false;
                context.Reply(context.T(CommonTexts.UnknownCommand, command));
                return true;
        }
    }

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

                if (!text.Any(char.IsLetterOrDigit))
                {
                    context.Reply(context.T(CommonTexts.NoLetters));
                    return true;
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>Leaves the open flow; answers it collected stay in the conversation data for a later resume.</summary>
    private static void CloseFlow(TurnContext context)
    {
        context.Conversation.Flow = "";
        context.Conversation.State = "";
    }
}
