using Ikm.Workflow.Businesses;
using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Questionnaires;
using Ikm.Workflow.Texts;
using Stateless;
using Stateless.Reflection;

namespace Ikm.Workflow.Flows.OwnerData;

/// <summary>
/// /hapusdata: asks once, then removes the owner's personal data in one write — the business and diagnoses are kept
/// anonymised (no owner id, no names, no free text) for the program's figures; the member record is deleted.
/// </summary>
public sealed class EraseFlow(IQuestionnaireCatalog catalog) : IFlow
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
            .OnEntryFromAsync(EraseTrigger.Confirm, () => EraseAsync(context), "anonymise business and diagnoses, delete member")
            .OnEntryFrom(EraseTrigger.Keep, () => Finish(context, context.T(OwnerDataTexts.Kept)), "nothing changed");

        return machine;
    }

    private async Task EraseAsync(TurnContext context)
    {
        var userId = context.Message.UserId;
        var erased = new List<string>();
        if (await context.Work.GetBusinessAsync(userId) is { } business)
        {
            BusinessProfile.Anonymise(business, context.Now);
            context.Work.Stage(business);
            erased.Add(context.T(OwnerDataTexts.ErasedProfile));
        }

        var diagnoses = await context.Work.GetDiagnosesAsync(userId);
        foreach (var diagnosis in diagnoses)
        {
            RemoveFreeText(diagnosis);
            diagnosis.OwnerUserId = 0;
            context.Work.Stage(diagnosis);
        }

        if (diagnoses.Count > 0) erased.Add(context.T(OwnerDataTexts.ErasedDiagnoses, diagnoses.Count));
        if (context.Member is not null)
        {
            context.Work.DeleteMember(userId);
            erased.Add(context.T(OwnerDataTexts.ErasedAccount));
        }

        if (context.Conversation.Data.Count > 0) erased.Add(context.T(OwnerDataTexts.ErasedConversation));
        context.Conversation.Data.Clear();
        // Messages already sent to this chat may repeat the profile (the summary card): they go too.
        context.Work.PurgeOutbox(context.Message.ChatId);
        erased.Add(context.T(OwnerDataTexts.ErasedMessages));
        Finish(context, context.T(OwnerDataTexts.Erased, string.Join(", ", erased)));
    }

    /// <summary>Free-text answers may name people or places; choices and numbers are kept for the scores.</summary>
    private void RemoveFreeText(DiagnosisResponse diagnosis)
    {
        var questionnaire = catalog.Find(diagnosis.QuestionnaireId, diagnosis.QuestionnaireVersion) ?? catalog.Diagnosis;
        foreach (var id in diagnosis.Answers.Keys.ToList())
        {
            if (questionnaire.FindQuestion(id)?.Type is null or QuestionType.Text or QuestionType.Phone or QuestionType.Location or QuestionType.Photo)
                diagnosis.Answers.Remove(id);
        }
    }

    private static void Finish(TurnContext context, string text)
    {
        context.Conversation.CloseFlow();
        context.Reply(text, removeKeyboard: true);
    }

    private static IReadOnlyList<IReadOnlyList<Button>> Buttons(TurnContext context) =>
        [[new Button(context.T(OwnerDataTexts.ConfirmErase), Prefix + ":yes")], [new Button(context.T(OwnerDataTexts.KeepData), Prefix + ":no")]];
}
