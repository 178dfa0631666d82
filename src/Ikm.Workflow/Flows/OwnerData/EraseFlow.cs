using Ikm.Workflow.Engine;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Texts;
using Stateless;
using Stateless.Reflection;

namespace Ikm.Workflow.Flows.OwnerData;

/// <summary>
/// /hapusdata: asks once, then removes the owner's personal data in one write (<see cref="OwnerErasure"/> says what goes
/// and what stays anonymised for the program's figures).
/// </summary>
public sealed class EraseFlow(OwnerErasure erasure) : IFlow
{
    public const string FlowName = "erase";
    private const string Prefix = "er";

    public string Name => FlowName;

    public Task StartAsync(TurnContext context)
    {
        context.Conversation.State = nameof(EraseState.Confirming);
        return Build(context).FireAsync(EraseTrigger.Ask);
    }

    public async Task HandleAsync(TurnContext context)
    {
        var machine = Build(context);
        if (context.Message.ButtonData == Prefix + ":yes") await machine.FireAsync(EraseTrigger.Confirm);
        else if (context.Message.ButtonData == Prefix + ":no") await machine.FireAsync(EraseTrigger.Keep);
        else if (context.Message.Kind == IncomingKind.Button) context.Reply(context.T(CommonTexts.StaleButton));
        else await HelpAsync(context);
    }

    public Task HelpAsync(TurnContext context)
    {
        context.Reply(context.T(OwnerDataTexts.EraseHelp), Buttons(context));
        return Task.CompletedTask;
    }

    public Task<bool> BackAsync(TurnContext context) => Task.FromResult(false);

    public StateMachineInfo Describe() => Build(TurnContextFactory.ForDiagram(nameof(EraseState.Confirming))).GetInfo();

    private StateMachine<EraseState, EraseTrigger> Build(TurnContext context)
    {
        var machine = new StateMachine<EraseState, EraseTrigger>(
            () => Enum.TryParse<EraseState>(context.Conversation.State, out var s) ? s : EraseState.Confirming,
            state => context.Conversation.State = state.ToString());

        machine.Configure(EraseState.Confirming)
            .InternalTransition(EraseTrigger.Ask, () => context.Reply(context.T(OwnerDataTexts.AskErase), Buttons(context)))
            .Permit(EraseTrigger.Confirm, EraseState.Done)
            .Permit(EraseTrigger.Keep, EraseState.Done);

        machine.Configure(EraseState.Done)
            .OnEntryFromAsync(EraseTrigger.Confirm, () => EraseAsync(context), "erase the owner everywhere, tell mentor and coordinators")
            .OnEntryFrom(EraseTrigger.Keep, () => Finish(context, context.T(OwnerDataTexts.Kept)), "nothing changed");

        return machine;
    }

    private async Task EraseAsync(TurnContext context)
    {
        var summary = await erasure.EraseAsync(context);
        var erased = new List<string>();
        if (summary.Profile) erased.Add(context.T(OwnerDataTexts.ErasedProfile));
        if (summary.Diagnoses > 0) erased.Add(context.T(OwnerDataTexts.ErasedDiagnoses, summary.Diagnoses));
        if (summary.Visits + summary.Evaluations > 0) erased.Add(context.T(OwnerDataTexts.ErasedVisits, summary.Visits, summary.Evaluations));
        if (summary.Account) erased.Add(context.T(OwnerDataTexts.ErasedAccount));
        if (summary.Answers) erased.Add(context.T(OwnerDataTexts.ErasedConversation));
        erased.Add(context.T(OwnerDataTexts.ErasedMessages));
        Finish(context, context.T(OwnerDataTexts.Erased, string.Join(", ", erased)));
    }

    private static void Finish(TurnContext context, string text)
    {
        context.Conversation.CloseFlow();
        context.Reply(text, removeKeyboard: true);
    }

    private static IReadOnlyList<IReadOnlyList<Button>> Buttons(TurnContext context) =>
        [[new Button(context.T(OwnerDataTexts.ConfirmErase), Prefix + ":yes")], [new Button(context.T(OwnerDataTexts.KeepData), Prefix + ":no")]];
}
