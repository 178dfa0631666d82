using System.Globalization;
using Ikm.Workflow.Audit;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Flows.Questions;
using Ikm.Workflow.Members;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Program;
using Ikm.Workflow.Questionnaires;
using Ikm.Workflow.Texts;
using Microsoft.Extensions.Logging;
using Stateless;
using Stateless.Reflection;

namespace Ikm.Workflow.Flows.Cohorts;

/// <summary>A coordinator opens a cohort: the cohort form (questionnaires/cohort.yaml), then the Cohort document.</summary>
public sealed class CohortFlow(IQuestionnaireCatalog catalog, QuestionPrompter prompter, ILogger<CohortFlow> log) : IFlow
{
    public const string FlowName = "cohort";

    private static readonly Dictionary<string, string> TimeZones = new()
    {
        ["wib"] = "Asia/Jakarta",
        ["wita"] = "Asia/Makassar",
        ["wit"] = "Asia/Jayapura",
    };

    public string Name => FlowName;

    private ConversationForm Form => new(prompter, catalog.CohortForm, "ch");

    /// <summary>Conversation key of the cohort being edited; absent while a new one is created.</summary>
    private const string EditKey = "ch.edit";

    /// <summary>With no cohort yet the form starts at once; otherwise the coordinator picks a cohort to edit, or a new one.</summary>
    public async Task StartAsync(TurnContext context)
    {
        if (!ProgramDirectory.IsCoordinator(context))
        {
            context.Conversation.CloseFlow();
            context.Reply(context.T(ProgramTexts.CoordinatorsOnly));
            return;
        }

        Form.Clear(context);
        context.Conversation.State = nameof(CohortState.Choosing);
        var cohorts = await ProgramDirectory.CoordinatedCohortsAsync(context);
        if (cohorts.Count == 0)
        {
            await Build(context).FireAsync(CohortTrigger.New);
            return;
        }

        var rows = cohorts.Select(c => (IReadOnlyList<Button>)[new Button("✏️ " + c.Name, "ch:edit:" + c.Id)]).ToList();
        rows.Add([new Button(context.T(CohortTexts.NewCohort), "ch:new")]);
        context.Reply(context.T(CohortTexts.Choose), rows);
    }

    public async Task HandleAsync(TurnContext context)
    {
        if (!ProgramDirectory.IsCoordinator(context))
        {
            context.Conversation.CloseFlow();
            context.Reply(context.T(ProgramTexts.CoordinatorsOnly));
            return;
        }

        var (machine, editField) = BuildWithEdit(context);
        var data = context.Message.ButtonData;
        switch (State(context))
        {
            case CohortState.Choosing when data == "ch:new":
                await machine.FireAsync(CohortTrigger.New);
                break;
            case CohortState.Choosing when data is not null && data.StartsWith("ch:edit:", StringComparison.Ordinal)
                                          && await context.Work.GetAsync<Cohort>(data["ch:edit:".Length..]) is { } cohort:
                if (!await ProgramDirectory.EnsureCoordinatesAsync(context, cohort.Id, log)) break;
                Prefill(context, cohort);
                await machine.FireAsync(CohortTrigger.EditCohort);
                break;
            case CohortState.Answering:
                if (Form.Handle(context) == FormStep.Completed)
                    await machine.FireAsync(context.Conversation.Data.ContainsKey(EditKey) ? CohortTrigger.FieldAnswered : CohortTrigger.Completed);
                break;
            case CohortState.Summary when data == "ch:save":
                await machine.FireAsync(CohortTrigger.Save);
                break;
            case CohortState.Summary when data is not null && data.StartsWith("ch:field:", StringComparison.Ordinal)
                                         && catalog.CohortForm.FindQuestion(data["ch:field:".Length..]) is { } field:
                await machine.FireAsync(editField, field.Id);
                break;
            default:
                context.Reply(context.T(CommonTexts.StaleButton));
                break;
        }
    }

    public Task HelpAsync(TurnContext context)
    {
        if (State(context) == CohortState.Summary) ShowSummary(context);
        else Form.AskCurrent(context, preface: null);
        return Task.CompletedTask;
    }

    public Task<bool> BackAsync(TurnContext context) =>
        Task.FromResult(State(context) == CohortState.Answering && !context.Conversation.Data.ContainsKey(EditKey) && Form.Back(context));

    public StateMachineInfo Describe() => Build(TurnContextFactory.ForDiagram(nameof(CohortState.Choosing))).GetInfo();

    private StateMachine<CohortState, CohortTrigger> Build(TurnContext context) => BuildWithEdit(context).Machine;

    private (StateMachine<CohortState, CohortTrigger> Machine, StateMachine<CohortState, CohortTrigger>.TriggerWithParameters<string> EditField) BuildWithEdit(TurnContext context)
    {
        var machine = new StateMachine<CohortState, CohortTrigger>(
            () => State(context),
            state => context.Conversation.State = state.ToString());
        var editField = machine.SetTriggerParameters<string>(CohortTrigger.EditField);

        machine.Configure(CohortState.Choosing)
            .Permit(CohortTrigger.New, CohortState.Answering)
            .Permit(CohortTrigger.EditCohort, CohortState.Summary);

        machine.Configure(CohortState.Answering)
            .OnEntryFrom(CohortTrigger.New, () => Form.AskNext(context), "ask the first question")
            .OnEntryFrom(editField, field => Form.Ask(context, field), "ask the field again")
            .Permit(CohortTrigger.Completed, CohortState.Done)
            .Permit(CohortTrigger.FieldAnswered, CohortState.Summary);

        machine.Configure(CohortState.Summary)
            .OnEntry(() => ShowSummary(context), "show the cohort with ✏️ per field")
            .Permit(CohortTrigger.EditField, CohortState.Answering)
            .Permit(CohortTrigger.Save, CohortState.Done);

        machine.Configure(CohortState.Done)
            .OnEntryFrom(CohortTrigger.Completed, () => Create(context), "store cohort, creator becomes its coordinator")
            .OnEntryFromAsync(CohortTrigger.Save, () => SaveEditAsync(context), "store the edited cohort");

        return (machine, editField);
    }

    private static CohortState State(TurnContext context) =>
        Enum.TryParse<CohortState>(context.Conversation.State, out var s) ? s : CohortState.Choosing;

    /// <summary>The stored cohort as form answers, so each field can be changed alone.</summary>
    private static void Prefill(TurnContext context, Cohort cohort)
    {
        foreach (var (id, value) in Answers(cohort))
            context.Conversation.Data["ch.a." + id] = value;
        context.Conversation.Data[EditKey] = cohort.Id;
    }

    /// <summary>Fields whose values are the coordinator's own words: an edit of them is recorded without the values.</summary>
    private static readonly HashSet<string> FreeTextFields = ["name", "region", "commodities"];

    /// <summary>A cohort as the form's answers (field id → value).</summary>
    private static Dictionary<string, string> Answers(Cohort cohort) => new()
    {
            ["name"] = cohort.Name,
            ["region"] = cohort.Region,
            ["timezone"] = TimeZones.FirstOrDefault(z => z.Value == cohort.TimeZoneId).Key ?? "wib",
            ["start_date"] = cohort.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["duration"] = cohort.DurationMonths.ToString(CultureInfo.InvariantCulture),
            ["min_visits"] = cohort.Rules.MinVisitsPerWeek.ToString(CultureInfo.InvariantCulture),
            ["min_hours"] = cohort.Rules.MinHoursPerVisit.ToString(CultureInfo.InvariantCulture),
            ["max_ikm"] = cohort.Rules.MaxIkmsPerMentor.ToString(CultureInfo.InvariantCulture),
            ["commodities"] = string.Join(", ", cohort.Commodities),
    };

    private void ShowSummary(TurnContext context)
    {
        var lines = new List<string> { context.T(CohortTexts.SummaryTitle) };
        var buttons = new List<Button>();
        foreach (var (id, value) in Form.Relevant(context))
        {
            var question = catalog.CohortForm.FindQuestion(id)!;
            var name = CohortTexts.FieldNames.TryGetValue(id, out var text) ? context.T(text) : id;
            lines.Add($"• {name}: {QuestionAnswer.Display(question, value, context.Language)}");
            buttons.Add(new Button("✏️ " + name, "ch:field:" + id));
        }

        var rows = buttons.Chunk(2).Select(pair => (IReadOnlyList<Button>)pair).ToList();
        rows.Add([new Button(context.T(CohortTexts.Save), "ch:save")]);
        context.Reply(string.Join("\n", lines), rows);
    }

    private async Task SaveEditAsync(TurnContext context)
    {
        var cohort = await context.Work.GetAsync<Cohort>(context.Conversation.Data[EditKey]);
        if (cohort is not null)
        {
            var before = Answers(cohort);
            Apply(cohort, Form.Relevant(context));
            context.Work.Stage(cohort);
            foreach (var (field, value) in Answers(cohort).Where(a => before.GetValueOrDefault(a.Key) != a.Value))
            {
                var coded = !FreeTextFields.Contains(field);
                AuditTrail.Record(context, AuditAction.CohortEdited, cohort.Id, [AuditEntry.Target("cohort", cohort.Id)],
                    field, coded ? before.GetValueOrDefault(field) : null, coded ? value : null);
            }

            context.Reply(context.T(CohortTexts.Saved, cohort.Name));
        }

        Form.Clear(context);
        context.Conversation.CloseFlow();
    }

    /// <summary>The form's answers onto a cohort (new or edited); empty optional rules keep the program defaults.</summary>
    private static void Apply(Cohort cohort, IReadOnlyDictionary<string, string> answers)
    {
        int Int(string id, int fallback) => answers.TryGetValue(id, out var v) && int.TryParse(v, CultureInfo.InvariantCulture, out var n) ? n : fallback;
        double Dec(string id, double fallback) => answers.TryGetValue(id, out var v) && double.TryParse(v, CultureInfo.InvariantCulture, out var d) ? d : fallback;

        cohort.Name = answers["name"];
        cohort.Region = answers["region"];
        cohort.TimeZoneId = TimeZones[answers["timezone"]];
        cohort.StartDate = DateOnly.ParseExact(answers["start_date"], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        cohort.DurationMonths = Int("duration", 6);
        cohort.Rules.MinVisitsPerWeek = Int("min_visits", 1);
        cohort.Rules.MinHoursPerVisit = Dec("min_hours", 4);
        cohort.Rules.MaxIkmsPerMentor = Int("max_ikm", 5);
        cohort.Commodities = [.. answers["commodities"].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    private void Create(TurnContext context)
    {
        var answers = Form.Relevant(context);
        var cohort = new Cohort
        {
            Id = ProgramIds.NewCohortId(),
            CreatedBy = context.Message.UserId,
            CreatedAt = context.Now,
        };
        Apply(cohort, answers);
        context.Work.Stage(cohort);
        AuditTrail.Record(context, AuditAction.CohortCreated, cohort.Id, [AuditEntry.Target("cohort", cohort.Id)]);
        context.Work.Stage(new CohortStaff
        {
            Id = CohortStaff.IdFor(cohort.Id, context.Message.UserId),
            CohortId = cohort.Id,
            UserId = context.Message.UserId,
            Role = MemberRole.Coordinator,
            DisplayName = context.T(ProgramTexts.RoleCoordinator),
            JoinedAt = context.Now,
        });
        Form.Clear(context);
        context.Conversation.CloseFlow();
        var culture = Languages.Culture(context.Language);
        var zone = answers["timezone"].ToUpperInvariant();
        context.Reply(context.T(ProgramTexts.CohortCreated, cohort.Name, cohort.Region, zone,
            cohort.StartDate.ToString("d MMMM yyyy", culture), cohort.DurationMonths,
            cohort.Rules.MinVisitsPerWeek, cohort.Rules.MinHoursPerVisit.ToString("0.#", culture), cohort.Rules.MaxIkmsPerMentor));
    }
}
