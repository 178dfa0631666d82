using System.Globalization;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Flows.Questions;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Program.Actions;
using Ikm.Workflow.Questionnaires;
using Ikm.Workflow.Texts;
using Stateless;
using Stateless.Reflection;

namespace Ikm.Workflow.Flows.Registration;

/// <summary>
/// Consent → the registration questionnaire, one question at a time (answers saved per question in the conversation)
/// → a summary card with ✏️ per field → Simpan stores the Business. Editing the profile later opens the summary directly.
/// </summary>
public sealed class RegistrationFlow(IQuestionnaireCatalog catalog, QuestionPrompter prompter, MenuPresenter menu) : IFlow
{
    public const string FlowName = "registration";
    private const string Prefix = "rg";
    private const string AnswerPrefix = "rg.a.";
    private const string ConsentKey = "rg.consent";

    public string Name => FlowName;

    private Questionnaire Questionnaire => catalog.Registration;

    /// <summary>Answers live in the conversation under "rg.a.{question}", the question being asked under "rg.q".</summary>
    private ConversationForm Form => new(prompter, Questionnaire, Prefix);

    /// <summary>Starts, or resumes after /batal where the owner stopped (answers are kept in the conversation).</summary>
    public Task StartAsync(TurnContext context)
    {
        if (context.Conversation.Data.ContainsKey(ConsentKey))
        {
            context.Conversation.State = nameof(RegistrationState.Answering);
            if (!Form.AskNext(context))
            {
                context.Conversation.State = nameof(RegistrationState.Summary);
                ShowSummary(context, preface: null);
            }

            return Task.CompletedTask;
        }

        ClearData(context);
        context.Conversation.State = nameof(RegistrationState.Consent);
        return Build(context).Machine.FireAsync(RegistrationTrigger.Begin);
    }

    /// <summary>"Profil saya": the stored profile as a summary card, each field editable.</summary>
    public async Task StartEditAsync(TurnContext context)
    {
        var business = await context.Work.GetBusinessAsync(context.Message.UserId);
        if (business is null)
        {
            await StartAsync(context);
            return;
        }

        ClearData(context);
        var commodityValues = Questionnaire.FindQuestion("commodity")?.Choices.Select(c => c.Value).ToList() ?? [];
        foreach (var (id, value) in BusinessProfile.ToAnswers(business, commodityValues))
            context.Conversation.Data[AnswerPrefix + id] = value;
        context.Conversation.State = nameof(RegistrationState.Consent);
        await Build(context).Machine.FireAsync(RegistrationTrigger.BeginEdit);
    }

    public async Task HandleAsync(TurnContext context)
    {
        var (machine, edit) = Build(context);
        switch (State(context))
        {
            case RegistrationState.Consent:
                if (Pressed(context, "consent:yes")) await machine.FireAsync(RegistrationTrigger.Accept);
                else if (Pressed(context, "consent:no")) await machine.FireAsync(RegistrationTrigger.Decline);
                else Reject(context);
                return;
            case RegistrationState.Summary:
                var data = context.Message.ButtonData;
                if (Pressed(context, "confirm")) await machine.FireAsync(RegistrationTrigger.Confirm);
                else if (data is not null && data.StartsWith(Prefix + ":edit:", StringComparison.Ordinal)
                         && Questionnaire.FindQuestion(data[(Prefix.Length + 6)..]) is { } field && Form.Session(context).IsRelevant(field))
                    await machine.FireAsync(edit, field.Id);
                else Reject(context);
                return;
            case RegistrationState.Answering:
                if (Form.Handle(context) == FormStep.Completed)
                    await machine.FireAsync(RegistrationTrigger.Completed);
                return;
        }
    }

    public Task HelpAsync(TurnContext context)
    {
        switch (State(context))
        {
            case RegistrationState.Consent:
                context.Reply(context.T(RegistrationTexts.ConsentHelp), ConsentButtons(context));
                break;
            case RegistrationState.Summary:
                ShowSummary(context, context.T(RegistrationTexts.SummaryHelp));
                break;
            default:
                Form.AskCurrent(context, preface: null);
                break;
        }

        return Task.CompletedTask;
    }

    public async Task<bool> BackAsync(TurnContext context)
    {
        if (State(context) == RegistrationState.Answering) return Form.Back(context);
        var machine = Build(context).Machine;
        if (!machine.CanFire(RegistrationTrigger.Back) || Form.Session(context).Previous(null) is null) return false;
        await machine.FireAsync(RegistrationTrigger.Back);
        return true;
    }

    public StateMachineInfo Describe() => Build(TurnContextFactory.ForDiagram(nameof(RegistrationState.Consent))).Machine.GetInfo();

    private (StateMachine<RegistrationState, RegistrationTrigger> Machine,
        StateMachine<RegistrationState, RegistrationTrigger>.TriggerWithParameters<string> Edit) Build(TurnContext context)
    {
        var machine = new StateMachine<RegistrationState, RegistrationTrigger>(
            () => State(context),
            state => context.Conversation.State = state.ToString());
        var edit = machine.SetTriggerParameters<string>(RegistrationTrigger.Edit);

        machine.Configure(RegistrationState.Consent)
            .InternalTransition(RegistrationTrigger.Begin, () => context.Reply(context.T(RegistrationTexts.Consent), ConsentButtons(context)))
            .Permit(RegistrationTrigger.Accept, RegistrationState.Answering)
            .Permit(RegistrationTrigger.BeginEdit, RegistrationState.Summary)
            .Permit(RegistrationTrigger.Decline, RegistrationState.Done);

        machine.Configure(RegistrationState.Answering)
            .OnEntryFrom(RegistrationTrigger.Accept, () => AcceptConsent(context), "record consent, ask first question")
            .OnEntryFrom(edit, field => Form.Ask(context, field), "ask the field again")
            .OnEntryFrom(RegistrationTrigger.Back, () => Form.Ask(context, Form.Session(context).Previous(null)!.Id), "ask the last question")
            .Permit(RegistrationTrigger.Completed, RegistrationState.Summary);

        machine.Configure(RegistrationState.Summary)
            .OnEntry(() => ShowSummary(context, preface: null), "show summary card")
            .Permit(RegistrationTrigger.Edit, RegistrationState.Answering)
            .Permit(RegistrationTrigger.Back, RegistrationState.Answering)
            .Permit(RegistrationTrigger.Confirm, RegistrationState.Done);

        machine.Configure(RegistrationState.Done)
            .OnEntryFrom(RegistrationTrigger.Decline, () => Finish(context, declined: true), "nothing stored")
            .OnEntryFromAsync(RegistrationTrigger.Confirm, () => SaveAsync(context), "store business");

        return (machine, edit);
    }

    private void AcceptConsent(TurnContext context)
    {
        context.Conversation.Data[ConsentKey] = context.Now.ToString("O", CultureInfo.InvariantCulture);
        Form.AskNext(context);
    }

    private void ShowSummary(TurnContext context, string? preface)
    {
        var relevant = Form.Relevant(context);
        var lines = new List<string>();
        if (preface is not null) lines.Add(preface);
        lines.Add(context.T(RegistrationTexts.SummaryTitle));
        var buttons = new List<Button>();
        foreach (var question in Questionnaire.Questions)
        {
            if (!relevant.TryGetValue(question.Id, out var value)) continue;
            var name = RegistrationFields.Names.TryGetValue(question.Id, out var n) ? context.T(n) : question.Label.Get(context.Language);
            lines.Add($"• {name}: {QuestionAnswer.Display(question, value, context.Language)}");
            buttons.Add(new Button("✏️ " + name, $"{Prefix}:edit:{question.Id}"));
        }

        lines.Add("");
        lines.Add(context.T(RegistrationTexts.SummaryFooter));
        var rows = buttons.Chunk(2).Select(pair => (IReadOnlyList<Button>)pair).ToList();
        rows.Add([new Button(context.T(RegistrationTexts.Save), Prefix + ":confirm")]);
        context.Reply(string.Join("\n", lines), rows);
    }

    private void Finish(TurnContext context, bool declined)
    {
        ClearData(context);
        context.Conversation.CloseFlow();
        context.Reply(context.T(RegistrationTexts.Declined));
    }

    private async Task SaveAsync(TurnContext context)
    {
        var answers = Form.Relevant(context);
        var userId = context.Message.UserId;
        var existing = await context.Work.GetBusinessAsync(userId);
        var business = existing ?? new Business { Id = Guid.NewGuid(), OwnerUserId = userId, RegisteredAt = context.Now };
        BusinessProfile.Apply(business, answers);
        if (context.Conversation.Data.TryGetValue(ConsentKey, out var consentAt))
            business.Consent = new ConsentRecord(BusinessProfile.ConsentVersion, DateTimeOffset.Parse(consentAt, CultureInfo.InvariantCulture));
        business.UpdatedAt = context.Now;
        context.Work.Stage(business);
        if (existing is null)
            await ApprovalActions.RequestAsync(context, business, context.Conversation.Data.GetValueOrDefault(InviteActions.OwnerInviteCohortKey));

        ClearData(context);
        context.Conversation.CloseFlow();
        if (existing is null)
            context.Reply(context.T(RegistrationTexts.Saved, business.BusinessName ?? ""), [[new Button(context.T(RegistrationTexts.StartDiagnosis), MenuPresenter.DiagnosisButton)]]);
        else
            menu.Show(context, context.T(RegistrationTexts.Updated));
    }

    private static void Reject(TurnContext context) =>
        context.Reply(context.T(context.Message.Kind == IncomingKind.Button ? CommonTexts.StaleButton : RegistrationTexts.ConsentHelp));

    private static bool Pressed(TurnContext context, string action) => context.Message.ButtonData == $"{Prefix}:{action}";

    private static IReadOnlyList<IReadOnlyList<Button>> ConsentButtons(TurnContext context) =>
        [[new Button(context.T(RegistrationTexts.Accept), Prefix + ":consent:yes"), new Button(context.T(RegistrationTexts.Decline), Prefix + ":consent:no")]];

    private static RegistrationState State(TurnContext context) =>
        Enum.TryParse<RegistrationState>(context.Conversation.State, out var state) ? state : RegistrationState.Consent;

    private void ClearData(TurnContext context) => Form.Clear(context);
}
