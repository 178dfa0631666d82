using System.Globalization;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Flows.Questions;
using Ikm.Workflow.Members;
using Ikm.Workflow.Program;
using Ikm.Workflow.Questionnaires;
using Ikm.Workflow.Texts;
using Stateless;
using Stateless.Reflection;

namespace Ikm.Workflow.Flows.Cohorts;

/// <summary>A coordinator opens a cohort: the cohort form (questionnaires/cohort.yaml), then the Cohort document.</summary>
public sealed class CohortFlow(IQuestionnaireCatalog catalog, QuestionPrompter prompter) : IFlow
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

    public Task StartAsync(TurnContext context)
    {
        if (!ProgramDirectory.IsCoordinator(context))
        {
            Close(context);
            context.Reply(context.T(ProgramTexts.CoordinatorsOnly));
            return Task.CompletedTask;
        }

        context.Conversation.State = nameof(CohortState.Answering);
        return Build(context).FireAsync(CohortTrigger.Begin);
    }

    public async Task HandleAsync(TurnContext context)
    {
        if (!ProgramDirectory.IsCoordinator(context))
        {
            Close(context);
            context.Reply(context.T(ProgramTexts.CoordinatorsOnly));
            return;
        }

        var step = Form.Handle(context);
        if (step == FormStep.Completed)
            await Build(context).FireAsync(CohortTrigger.Completed);
    }

    public Task HelpAsync(TurnContext context)
    {
        Form.AskCurrent(context, preface: null);
        return Task.CompletedTask;
    }

    public Task<bool> BackAsync(TurnContext context) => Task.FromResult(Form.Back(context));

    public StateMachineInfo Describe() => Build(TurnContextFactory.ForDiagram(nameof(CohortState.Answering))).GetInfo();

    private StateMachine<CohortState, CohortTrigger> Build(TurnContext context)
    {
        var machine = new StateMachine<CohortState, CohortTrigger>(
            () => Enum.TryParse<CohortState>(context.Conversation.State, out var s) ? s : CohortState.Answering,
            state => context.Conversation.State = state.ToString());

        machine.Configure(CohortState.Answering)
            .InternalTransition(CohortTrigger.Begin, () => Form.AskNext(context))
            .Permit(CohortTrigger.Completed, CohortState.Done);

        machine.Configure(CohortState.Done)
            .OnEntryFrom(CohortTrigger.Completed, () => Create(context), "store cohort, creator becomes its coordinator");

        return machine;
    }

    private void Create(TurnContext context)
    {
        var answers = Form.Relevant(context);
        int Int(string id, int fallback) => answers.TryGetValue(id, out var v) && int.TryParse(v, CultureInfo.InvariantCulture, out var n) ? n : fallback;
        double Dec(string id, double fallback) => answers.TryGetValue(id, out var v) && double.TryParse(v, CultureInfo.InvariantCulture, out var d) ? d : fallback;

        var cohort = new Cohort
        {
            Id = ProgramIds.NewCohortId(),
            Name = answers["name"],
            Region = answers["region"],
            TimeZoneId = TimeZones[answers["timezone"]],
            StartDate = DateOnly.ParseExact(answers["start_date"], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            DurationMonths = Int("duration", 6),
            Rules = new CohortRules
            {
                MinVisitsPerWeek = Int("min_visits", 1),
                MinHoursPerVisit = Dec("min_hours", 4),
                MaxIkmsPerMentor = Int("max_ikm", 5),
            },
            Commodities = [.. answers["commodities"].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            CreatedBy = context.Message.UserId,
            CreatedAt = context.Now,
        };
        context.Work.Stage(cohort);
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
        Close(context);
        var culture = Languages.Culture(context.Language);
        var zone = answers["timezone"].ToUpperInvariant();
        context.Reply(context.T(ProgramTexts.CohortCreated, cohort.Name, cohort.Region, zone,
            cohort.StartDate.ToString("d MMMM yyyy", culture), cohort.DurationMonths,
            cohort.Rules.MinVisitsPerWeek, cohort.Rules.MinHoursPerVisit.ToString("0.#", culture), cohort.Rules.MaxIkmsPerMentor));
    }

    private static void Close(TurnContext context)
    {
        context.Conversation.Flow = "";
        context.Conversation.State = "";
    }
}
