using Ikm.Workflow.Parsing;
using Ikm.Workflow.Mentoring.Rules;
using Ikm.Workflow.Audit;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Flows.Questions;
using Ikm.Workflow.Kernel;
using Ikm.Workflow.Members;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Questionnaires;
using Ikm.Workflow.Texts;
using Microsoft.Extensions.Logging;
using static Ikm.Workflow.Flows.Cohorts.CohortFormMapping;

namespace Ikm.Workflow.Flows.Cohorts;

/// <summary>
/// A coordinator opens a cohort — the cohort form (questionnaires/cohort.yaml), then the Cohort document — or changes one
/// of the cohorts they coordinate, field by field from its summary. Only coordinators, checked on every message.
/// </summary>
public sealed class CohortFlow(IQuestionnaireCatalog catalog, QuestionPrompter prompter, ILogger<CohortFlow> log)
    : Flow<CohortState, CohortTrigger, CohortDraft>("ch"), IRouteOwner
{
    public const string FlowName = "cohort";
    private ButtonKind<ButtonKind.Id> EditButton => Choices.Kind("edit");
    private ButtonKind<ButtonKind.Id> FieldButton => Choices.Kind("field");

    public override string Name => FlowName;
    protected override CohortState Idle => CohortState.Idle;
    protected override CohortTrigger Start => CohortTrigger.Begin;

    public IEnumerable<EntryRoute> Routes => [new(MemberRole.Coordinator, StartAsync) { Buttons = [MenuPresenter.CohortButton], Commands = ["kohort", "cohort"], Help = CohortTexts.CohortHelp, Continues = FlowName }];

    private QuestionnaireRunner Form => new(prompter, catalog.CohortForm, Choices.Prefix);

    /// <summary>With no cohort yet the form starts at once; otherwise the coordinator picks a cohort to edit, or a new one.</summary>
    public override async Task StartAsync(TurnContext context)
    {
        if (!ProgramDirectory.IsCoordinator(context))
            await BeginAsync(context, CohortTrigger.NotCoordinator);
        else
            await BeginAsync(context, (await ProgramDirectory.CoordinatedCohortsAsync(context)).Count == 0 ? CohortTrigger.BeginNew : CohortTrigger.Begin);
    }

    /// <summary>The role is checked again on every message: it may have been taken away while the form was open.</summary>
    protected override CohortTrigger? Interruption(TurnContext context) =>
        ProgramDirectory.IsCoordinator(context) ? null : CohortTrigger.NotCoordinator;

    protected override void Configure(FlowBuilder<CohortState, CohortTrigger, CohortDraft> flow)
    {
        var editCohort = flow.Trigger<Cohort>(CohortTrigger.EditCohort);
        var editField = flow.Trigger<string>(CohortTrigger.EditField);

        flow.Step(CohortState.Idle)
            .Permit(CohortTrigger.Begin, CohortState.Choosing)
            .Permit(CohortTrigger.BeginNew, CohortState.Answering)
            .Permit(CohortTrigger.NotCoordinator, CohortState.CoordinatorsOnly);

        flow.Step(CohortState.Choosing)
            .Prompt(ListCohortsAsync, "list the coordinator's cohorts")
            .OnChoice(CohortChoice.New, CohortTrigger.New)
            .OnButton(EditButton, ReadCohortAsync, editCohort)
            .Permit(CohortTrigger.New, CohortState.Answering)
            .Permit(CohortTrigger.EditCohort, CohortState.Summary)
            .Permit(CohortTrigger.NotCoordinator, CohortState.CoordinatorsOnly);

        flow.Step(CohortState.Answering)
            .Prompt(turn => { Form.AskNext(turn.Context, turn.Draft.Form); }, "ask the first question")
            .Help(turn => Form.AskCurrent(turn.Context, turn.Draft.Form, preface: null))
            .OnAnswer(turn => Form.Handle(turn.Context, turn.Draft.Form) == FormStep.Completed, CohortTrigger.Completed)
            .Back(turn => Form.Back(turn.Context, turn.Draft.Form))
            .Permit(CohortTrigger.Completed, CohortState.Created)
            .Permit(CohortTrigger.NotCoordinator, CohortState.CoordinatorsOnly);

        flow.Step(CohortState.Summary)
            .OnEntryFrom(editCohort, (turn, cohort) => { turn.Draft.Form = Prefill(cohort); turn.Draft.EditedCohortId = cohort.Id; }, "the stored cohort as answers")
            .Prompt(ShowSummary, "show the cohort with ✏️ per field")
            .OnChoice(CohortChoice.Save, CohortTrigger.Save)
            .OnButton(FieldButton, ReadField, editField)
            .Permit(CohortTrigger.EditField, CohortState.EditingField)
            .Permit(CohortTrigger.Save, CohortState.Saved)
            .Permit(CohortTrigger.NotCoordinator, CohortState.CoordinatorsOnly);

        flow.Step(CohortState.EditingField)
            .OnEntryFrom(editField, (turn, field) => turn.Draft.Form.Current = field, "the field pressed")
            .Prompt(turn => Form.AskCurrent(turn.Context, turn.Draft.Form, preface: null), "ask the field again")
            .OnAnswer(turn => Form.Handle(turn.Context, turn.Draft.Form) == FormStep.Completed, CohortTrigger.FieldAnswered)
            .Permit(CohortTrigger.FieldAnswered, CohortState.Summary)
            .Permit(CohortTrigger.NotCoordinator, CohortState.CoordinatorsOnly);

        flow.Step(CohortState.Created).Ends()
            .OnEntryFrom(CohortTrigger.Completed, Create, "store the cohort, its creator becomes its coordinator");

        flow.Step(CohortState.Saved).Ends()
            .OnEntryFrom(CohortTrigger.Save, SaveEditAsync, "store the edited cohort");

        flow.Step(CohortState.CoordinatorsOnly).Ends()
            .OnEntryFrom(CohortTrigger.NotCoordinator, turn => turn.Reply(turn.T(ProgramTexts.CoordinatorsOnly)), "coordinators only");
    }

    private async Task ListCohortsAsync(FlowTurn<CohortDraft> turn)
    {
        var rows = (await ProgramDirectory.CoordinatedCohortsAsync(turn.Context))
            .Select(c => (IReadOnlyList<Button>)[new Button("✏️ " + c.Name, EditButton.Encode(new(c.Id)))])
            .ToList();
        rows.Add([turn.Button(CohortTexts.NewCohort, CohortChoice.New)]);
        turn.Reply(turn.T(CohortTexts.Choose), rows);
    }

    /// <summary>A cohort button read back: the cohort, when it exists and the user coordinates it (a forged one is logged and audited, ids only).</summary>
    private async Task<Read<Cohort>> ReadCohortAsync(FlowTurn<CohortDraft> turn, string cohortId) =>
        await turn.Work.GetAsync<Cohort>(cohortId) is { } cohort && await ProgramDirectory.CheckCoordinatesAsync(turn.Context, cohort.Id, log)
            ? Read<Cohort>.Ok(cohort)
            : Read<Cohort>.Refuse(turn.T(CommonTexts.StaleButton));

    private Task<Read<string>> ReadField(FlowTurn<CohortDraft> turn, string questionId) =>
        Task.FromResult(catalog.CohortForm.FindQuestion(questionId) is { } question
            ? Read<string>.Ok(question.Id)
            : Read<string>.Refuse(turn.T(CommonTexts.StaleButton)));

    private void ShowSummary(FlowTurn<CohortDraft> turn)
    {
        var lines = new List<string> { turn.T(CohortTexts.SummaryTitle) };
        var buttons = new List<Button>();
        foreach (var (id, value) in Form.Relevant(turn.Draft.Form))
        {
            var question = catalog.CohortForm.FindQuestion(id)!;
            var name = CohortTexts.FieldNames.TryGetValue(id, out var text) ? turn.T(text) : id;
            lines.Add($"• {name}: {QuestionAnswer.Display(question, value, turn.Language)}");
            buttons.Add(new Button("✏️ " + name, FieldButton.Encode(new(id))));
        }

        var rows = buttons.Chunk(2).Select(pair => (IReadOnlyList<Button>)pair).ToList();
        rows.Add([turn.Button(CohortTexts.Save, CohortChoice.Save)]);
        turn.Reply(string.Join("\n", lines), rows);
    }

    private async Task SaveEditAsync(FlowTurn<CohortDraft> turn)
    {
        if (await turn.Work.GetAsync<Cohort>(turn.Draft.EditedCohortId ?? "") is not { } cohort) return;
        var before = Answers(cohort);
        Apply(cohort, Form.Relevant(turn.Draft.Form));
        turn.Work.Stage(cohort);
        foreach (var (field, value) in Answers(cohort).Where(a => before.GetValueOrDefault(a.Key) != a.Value))
        {
            var coded = !FreeTextFields.Contains(field);
            AuditTrail.Record(turn.Context, AuditAction.CohortEdited, cohort.Id, [AuditEntry.Target("cohort", cohort.Id)],
                field, coded ? before.GetValueOrDefault(field) : null, coded ? value : null);
        }

        turn.Reply(turn.T(CohortTexts.Saved, cohort.Name));
    }

    private void Create(FlowTurn<CohortDraft> turn)
    {
        var (context, answers) = (turn.Context, Form.Relevant(turn.Draft.Form));
        var cohort = new Cohort
        {
            Id = ProgramIds.NewCohortId(),
            CreatedBy = turn.Message.UserId,
            CreatedAt = turn.Now,
        };
        Apply(cohort, answers);
        turn.Work.Stage(cohort);
        AuditTrail.Record(context, AuditAction.CohortCreated, cohort.Id, [AuditEntry.Target("cohort", cohort.Id)]);
        turn.Work.Stage(new CohortStaff
        {
            Id = CohortStaff.IdFor(cohort.Id, turn.Message.UserId),
            CohortId = cohort.Id,
            UserId = turn.Message.UserId,
            Role = MemberRole.Coordinator,
            DisplayName = turn.T(ProgramTexts.RoleCoordinator),
            JoinedAt = turn.Now,
        });
        var culture = Languages.Culture(turn.Language);
        turn.Reply(turn.T(ProgramTexts.CohortCreated, cohort.Name, cohort.Region, answers["timezone"].ToUpperInvariant(),
            IndonesianFormat.Date(cohort.StartDate, turn.Language), cohort.DurationMonths,
            cohort.Rules.MinVisitsPerWeek, cohort.Rules.MinHoursPerVisit.ToString("0.#", culture), cohort.Rules.MaxIkmsPerMentor));
    }
}
