using Ikm.Workflow.Kernel;
using Ikm.Workflow.Messaging;

namespace Ikm.Workflow.Flows.OwnerData;

/// <summary>
/// /hapusdata: asks once, then removes the owner's personal data in one write (<see cref="OwnerErasure"/> says what goes
/// and what stays anonymised for the program's figures).
/// </summary>
public sealed class EraseFlow(OwnerErasure erasure) : Flow<EraseState, EraseTrigger, NoDraft>("er"), Engine.IRouteOwner
{
    public IEnumerable<Engine.EntryRoute> Routes => [new(null, StartAsync) { Commands = ["hapusdata", "deletemydata"], Help = OwnerDataTexts.EraseCommandHelp }];

    public const string FlowName = "erase";

    public override string Name => FlowName;
    protected override EraseState Idle => EraseState.Idle;
    protected override EraseTrigger Start => EraseTrigger.Ask;

    protected override void Configure(FlowBuilder<EraseState, EraseTrigger, NoDraft> flow)
    {
        flow.Step(EraseState.Idle)
            .Permit(EraseTrigger.Ask, EraseState.Confirming);

        flow.Step(EraseState.Confirming)
            .Prompt(turn => turn.Reply(turn.T(OwnerDataTexts.AskErase), Buttons(turn)), "ask to confirm")
            .Help(turn => turn.Reply(turn.T(OwnerDataTexts.EraseHelp), Buttons(turn)))
            .OnChoice(EraseChoice.Yes, EraseTrigger.Confirm)
            .OnChoice(EraseChoice.No, EraseTrigger.Keep)
            .Permit(EraseTrigger.Confirm, EraseState.Erased)
            .Permit(EraseTrigger.Keep, EraseState.Kept);

        flow.Step(EraseState.Erased).Ends()
            .OnEntryFrom(EraseTrigger.Confirm, EraseAsync, "erase the owner everywhere, tell mentor and coordinators");

        flow.Step(EraseState.Kept).Ends()
            .OnEntryFrom(EraseTrigger.Keep, turn => turn.Reply(turn.T(OwnerDataTexts.Kept), removeKeyboard: true), "nothing changed");
    }

    private async Task EraseAsync(FlowTurn<NoDraft> turn)
    {
        var summary = await erasure.EraseAsync(turn.Context);
        var erased = new List<string>();
        if (summary.Profile) erased.Add(turn.T(OwnerDataTexts.ErasedProfile));
        if (summary.Diagnoses > 0) erased.Add(turn.T(OwnerDataTexts.ErasedDiagnoses, summary.Diagnoses));
        if (summary.Visits + summary.Evaluations > 0) erased.Add(turn.T(OwnerDataTexts.ErasedVisits, summary.Visits, summary.Evaluations));
        if (summary.Account) erased.Add(turn.T(OwnerDataTexts.ErasedAccount));
        if (summary.Answers) erased.Add(turn.T(OwnerDataTexts.ErasedConversation));
        erased.Add(turn.T(OwnerDataTexts.ErasedMessages));
        turn.Reply(turn.T(OwnerDataTexts.Erased, string.Join(", ", erased)), removeKeyboard: true);
    }

    private static IReadOnlyList<IReadOnlyList<Button>> Buttons(FlowTurn<NoDraft> turn) =>
        [[turn.Button(OwnerDataTexts.ConfirmErase, EraseChoice.Yes)], [turn.Button(OwnerDataTexts.KeepData, EraseChoice.No)]];
}
