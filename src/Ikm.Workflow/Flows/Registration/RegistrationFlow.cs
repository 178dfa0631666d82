using System.Globalization;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Flows.Questions;
using Ikm.Workflow.Kernel;
using Ikm.Workflow.Members;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Mentoring.Actions;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Questionnaires;
using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Flows.Registration;

/// <summary>
/// Consent → the registration questionnaire (questionnaires/registration.yaml), one question at a time → a summary
/// card with ✏️ per field → Simpan stores the Business. Editing the profile later opens the summary directly.
/// </summary>
public sealed class RegistrationFlow(SentraLabels sentra, QuestionPrompter prompter, MenuPresenter menu)
    : Flow<RegistrationState, RegistrationTrigger, RegistrationDraft>("rg"), IRouteOwner
{
    public const string FlowName = "registration";
    private ButtonKind<ButtonKind.Id> ConsentButton => Choices.Kind("consent");
    private ButtonKind<ButtonKind.Id> FieldButton => Choices.Kind("edit");

    public override string Name => FlowName;
    protected override RegistrationState Idle => RegistrationState.Idle;
    protected override RegistrationTrigger Start => RegistrationTrigger.Begin;

    public IEnumerable<EntryRoute> Routes => [new(MemberRole.Owner, StartEditAsync) { Buttons = [MenuPresenter.ProfileButton], Continues = FlowName }];

    /// <summary>The registration form of this owner: its sentra question offers their cohort's sentra when the cohort has a list.</summary>
    private Questionnaire QuestionnaireOf(RegistrationDraft draft) => sentra.RegistrationFor(draft.Sentra);

    private QuestionnaireRunner Form(RegistrationDraft draft) => new(prompter, QuestionnaireOf(draft), Choices.Prefix);

    /// <summary>Starts, or resumes after /batal where the owner stopped once they consented (the answers are in the draft).</summary>
    public override async Task StartAsync(TurnContext context)
    {
        var stored = StoredDraft(context);
        if (stored.ConsentedAt is null)
        {
            await BeginAsync(context, RegistrationTrigger.Begin, new RegistrationDraft { Sentra = await CohortSentraAsync(context) });
            return;
        }

        // A form answered before this version keeps the list its answers were given from.
        if (stored.Form.Answers.Count == 0) stored.Sentra ??= await CohortSentraAsync(context);
        await BeginAsync(context, RegistrationTrigger.Resume, stored);
    }

    /// <summary>"Profil saya": the stored profile as a summary card, each field editable.</summary>
    public async Task StartEditAsync(TurnContext context)
    {
        if (await context.Work.GetBusinessAsync(context.Message.UserId) is not { } business)
        {
            await StartAsync(context);
            return;
        }

        var draft = new RegistrationDraft { Sentra = await CohortSentraAsync(context) };
        var form = QuestionnaireOf(draft);
        var commodityValues = form.FindQuestion(SentraLabels.QuestionId)?.Choices.Select(c => c.Value).ToList() ?? [];
        draft.Form = new FormProgress { Answers = sentra.ToForm(form, BusinessProfile.ToAnswers(business, commodityValues), context.Language) };
        await BeginAsync(context, RegistrationTrigger.BeginEdit, draft);
    }

    /// <summary>The sentra list of the cohort the owner is invited to, or admitted or waiting in; null (the default list) without one.</summary>
    private static async Task<List<string>?> CohortSentraAsync(TurnContext context)
    {
        var cohortId = context.Conversation.Data.GetValueOrDefault(InviteActions.OwnerInviteCohortKey)
            ?? (await context.Work.FindAsync<CohortMembership>(DocumentIndex.Owner(context.Message.UserId)))
                .Where(m => m.CohortId.Length > 0 && m.Status is MembershipStatus.Approved or MembershipStatus.Pending)
                .MaxBy(m => m.RequestedAt)?.CohortId;
        return cohortId is not null && await context.Work.GetAsync<Cohort>(cohortId) is { Commodities.Count: > 0 } cohort ? [.. cohort.Commodities] : null;
    }

    protected override void Configure(FlowBuilder<RegistrationState, RegistrationTrigger, RegistrationDraft> flow)
    {
        var answerConsent = flow.Trigger<bool>(RegistrationTrigger.AnswerConsent);
        var edit = flow.Trigger<string>(RegistrationTrigger.Edit);

        flow.Step(RegistrationState.Idle)
            .Permit(RegistrationTrigger.Begin, RegistrationState.Consent)
            .Permit(RegistrationTrigger.Resume, RegistrationState.Answering)
            .Permit(RegistrationTrigger.BeginEdit, RegistrationState.Summary);

        flow.Step(RegistrationState.Consent)
            .Prompt(turn => turn.Reply(turn.T(RegistrationTexts.Consent), ConsentButtons(turn)), "ask consent")
            .Help(turn => turn.Reply(turn.T(RegistrationTexts.ConsentHelp), ConsentButtons(turn)))
            .OnButton(ConsentButton, (turn, payload) => Task.FromResult(payload is "yes" or "no" ? Read<bool>.Ok(payload == "yes") : Read<bool>.Refuse(turn.T(CommonTexts.StaleButton))), answerConsent)
            .PermitIf(answerConsent, RegistrationState.Answering, accepted => accepted, "accepted")
            .PermitIf(answerConsent, RegistrationState.Declined, accepted => !accepted, "declined");

        flow.Step(RegistrationState.Answering)
            .OnEntryFrom(answerConsent, (turn, _) => turn.Draft.ConsentedAt = turn.Now, "record the consent")
            .OnEntryFrom(RegistrationTrigger.Resume, turn => turn.Draft.Form.Current = null, "continue at the first missing answer")
            .OnEntryFrom(edit, (turn, field) => turn.Draft.Form.Current = field, "the field to change")
            .OnEntryFrom(RegistrationTrigger.Back, turn => turn.Draft.Form.Current = Form(turn.Draft).Session(turn.Draft.Form).Previous(null)?.Id, "the last question")
            .Prompt(Ask, "ask the question")
            .Help(turn => Form(turn.Draft).AskCurrent(turn.Context, turn.Draft.Form, preface: null))
            .OnAnswer(turn => Form(turn.Draft).Handle(turn.Context, turn.Draft.Form) == FormStep.Completed, RegistrationTrigger.Completed)
            .Back(turn => Form(turn.Draft).Back(turn.Context, turn.Draft.Form))
            .Permit(RegistrationTrigger.Completed, RegistrationState.Summary);

        flow.Step(RegistrationState.Summary)
            .Prompt(turn => ShowSummary(turn, preface: null), "show the summary card")
            .Help(turn => ShowSummary(turn, turn.T(RegistrationTexts.SummaryHelp)))
            .OnChoice(SummaryChoice.Confirm, RegistrationTrigger.Confirm)
            .OnButton(FieldButton, ReadField, edit)
            .Back(RegistrationTrigger.Back)
            .Permit(RegistrationTrigger.Edit, RegistrationState.Answering)
            .Permit(RegistrationTrigger.Back, RegistrationState.Answering)
            .Permit(RegistrationTrigger.Confirm, RegistrationState.Saved);

        flow.Step(RegistrationState.Saved).Ends()
            .OnEntryFrom(RegistrationTrigger.Confirm, SaveAsync, "store the business");

        flow.Step(RegistrationState.Declined).Ends()
            .OnEntryFrom(answerConsent, (turn, _) => turn.Reply(turn.T(RegistrationTexts.Declined)), "nothing stored");
    }

    /// <summary>The question asked (a field to change, the one left at /batal) or else the first unanswered; the summary once all are answered.</summary>
    private void Ask(FlowTurn<RegistrationDraft> turn)
    {
        var form = turn.Draft.Form;
        var runner = Form(turn.Draft);
        if (form.Current is { } current && QuestionnaireOf(turn.Draft).FindQuestion(current) is not null) runner.AskCurrent(turn.Context, form, preface: null);
        else if (!runner.AskNext(turn.Context, form)) turn.Then(RegistrationTrigger.Completed);
    }

    private Task<Read<string>> ReadField(FlowTurn<RegistrationDraft> turn, string questionId) =>
        Task.FromResult(QuestionnaireOf(turn.Draft).FindQuestion(questionId) is { } field && Form(turn.Draft).Session(turn.Draft.Form).IsRelevant(field)
            ? Read<string>.Ok(field.Id)
            : Read<string>.Refuse(turn.T(CommonTexts.StaleButton)));

    private void ShowSummary(FlowTurn<RegistrationDraft> turn, string? preface)
    {
        var relevant = Form(turn.Draft).Relevant(turn.Draft.Form);
        var lines = new List<string>();
        if (preface is not null) lines.Add(preface);
        lines.Add(turn.T(RegistrationTexts.SummaryTitle));
        var buttons = new List<Button>();
        foreach (var question in QuestionnaireOf(turn.Draft).Questions)
        {
            if (!relevant.TryGetValue(question.Id, out var value)) continue;
            var name = RegistrationFields.Names.TryGetValue(question.Id, out var n) ? turn.T(n) : question.Label.Get(turn.Language);
            lines.Add($"• {name}: {QuestionAnswer.Display(question, value, turn.Language)}");
            buttons.Add(new Button("✏️ " + name, FieldButton.Encode(new(question.Id))));
        }

        lines.Add("");
        lines.Add(turn.T(RegistrationTexts.SummaryFooter));
        var rows = buttons.Chunk(2).Select(pair => (IReadOnlyList<Button>)pair).ToList();
        rows.Add([turn.Button(RegistrationTexts.Save, SummaryChoice.Confirm)]);
        turn.Reply(string.Join("\n", lines), rows);
    }

    private async Task SaveAsync(FlowTurn<RegistrationDraft> turn)
    {
        var context = turn.Context;
        var userId = context.Message.UserId;
        var existing = await context.Work.GetBusinessAsync(userId);
        var business = existing ?? new Business { Id = Guid.NewGuid(), OwnerUserId = userId, RegisteredAt = context.Now };
        BusinessProfile.Apply(business, sentra.ToStored(QuestionnaireOf(turn.Draft), Form(turn.Draft).Relevant(turn.Draft.Form)));
        if (turn.Draft.ConsentedAt is { } consentedAt)
            business.Consent = new ConsentRecord(BusinessProfile.ConsentVersion, consentedAt);
        business.UpdatedAt = context.Now;
        context.Work.Stage(business);
        if (existing is null)
        {
            await ApprovalActions.RequestAsync(context, business, context.Conversation.Data.GetValueOrDefault(InviteActions.OwnerInviteCohortKey), sentra);
            turn.Reply(turn.T(RegistrationTexts.Saved, business.BusinessName ?? ""), [[new Button(turn.T(RegistrationTexts.StartDiagnosis), MenuPresenter.DiagnosisButton)]]);
        }
        else
        {
            menu.Show(context, turn.T(RegistrationTexts.Updated));
        }
    }

    private IReadOnlyList<IReadOnlyList<Button>> ConsentButtons(FlowTurn<RegistrationDraft> turn) =>
        [[new Button(turn.T(RegistrationTexts.Accept), ConsentButton.Encode(new("yes"))), new Button(turn.T(RegistrationTexts.Decline), ConsentButton.Encode(new("no")))]];

    /// <summary>Registrations begun before the typed draft kept "rg.consent", "rg.q" and "rg.a.{question}" in the conversation.</summary>
    protected override RegistrationDraft? ImportEarlierDraft(IDictionary<string, string> data)
    {
        var keys = data.Keys.Where(k => k.StartsWith("rg.", StringComparison.Ordinal)).ToList();
        if (keys.Count == 0) return null;
        var draft = new RegistrationDraft
        {
            ConsentedAt = data.TryGetValue("rg.consent", out var at) && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.None, out var consentedAt) ? consentedAt : null,
            Form = new FormProgress
            {
                Answers = keys.Where(k => k.StartsWith("rg.a.", StringComparison.Ordinal)).ToDictionary(k => k["rg.a.".Length..], k => data[k]),
                Current = data.TryGetValue("rg.q", out var asked) ? asked : null,
            },
        };
        foreach (var key in keys) data.Remove(key);
        return draft;
    }
}
