using Ikm.Workflow.Parsing;
using System.Globalization;
using Ikm.Workflow.Audit;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Flows.Questions;
using Ikm.Workflow.Flows.Visits;
using Ikm.Workflow.Kernel;
using Ikm.Workflow.Members;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Questionnaires;
using Ikm.Workflow.Texts;
using Microsoft.Extensions.Logging;
using static Ikm.Workflow.Flows.Evaluations.EvaluationFigures;

namespace Ikm.Workflow.Flows.Evaluations;

/// <summary>
/// The monthly evaluation: for an assigned IKM, per area of its mentoring plan, the questions of
/// questionnaires/evaluation.yaml — the score now (1–5), then problem, what was mentored, result — with the month's
/// logbook shown for context. Stored once per IKM and month with deltas against the diagnosis and the previous month.
/// Owners give a short self-assessment (the questions marked self_assessment: the scores) the same month.
/// </summary>
public sealed class EvaluationFlow(IQuestionnaireCatalog catalog, QuestionPrompter prompter, ILogger<EvaluationFlow> log)
    : Flow<EvaluationState, EvaluationTrigger, EvaluationDraft>("ev"), IRouteOwner
{
    public const string FlowName = "evaluation";

    public override string Name => FlowName;
    protected override EvaluationState Idle => EvaluationState.Idle;
    protected override EvaluationTrigger Start => EvaluationTrigger.Begin;

    public IEnumerable<EntryRoute> Routes =>
    [
        new(MemberRole.Mentor, StartAsync) { Buttons = [MenuPresenter.EvaluationButton, "vs:eval"], Commands = ["evaluasi"], Help = Visits.VisitTexts.EvaluationHelp, Continues = FlowName },
        new(MemberRole.Owner, StartSelfAsync) { Buttons = [MenuPresenter.SelfAssessmentButton] },
    ];

    /// <summary>The area is in the buttons' data, so a score button of an earlier area is recognised as stale.</summary>
    private QuestionnaireRunner Runner(EvaluationDraft draft) =>
        new(prompter, draft.Self ? catalog.Evaluation.SelfAssessment : catalog.Evaluation, "ev." + draft.Area);

    /// <summary>
    /// A mentor's evaluation left half-way (/batal, a menu, a restart) continues at the first missing answer of the area
    /// it stopped in, while the IKM is still assigned to this mentor; otherwise the mentor chooses an IKM.
    /// </summary>
    public override async Task StartAsync(TurnContext context)
    {
        var stored = StoredDraft(context);
        if (!stored.Self && stored.Areas.Count > 0 && await ProgramDirectory.AssignmentForAsync(context, stored.BusinessId) is not null)
            await BeginAsync(context, EvaluationTrigger.Resume, stored);
        else
            await BeginAsync(context, await MentorVisits.HasIkmsAsync(context) ? EvaluationTrigger.Begin : EvaluationTrigger.FoundNoIkms);
    }

    /// <summary>The owner's optional self-assessment: scores for the areas of their own plan.</summary>
    public async Task StartSelfAsync(TurnContext context)
    {
        var business = await context.Work.GetBusinessAsync(context.Message.UserId);
        var areas = business is null ? [] : await PlanAreasAsync(context, catalog, business);
        if (business is null || areas.Count == 0)
            await BeginAsync(context, EvaluationTrigger.FoundNoPlan);
        else
            await BeginAsync(context, EvaluationTrigger.BeginSelf, new EvaluationDraft { BusinessId = business.Id, Areas = areas, Self = true });
    }

    protected override void Configure(FlowBuilder<EvaluationState, EvaluationTrigger, EvaluationDraft> flow)
    {
        var chooseIkm = flow.Trigger<EvaluatedIkm>(EvaluationTrigger.ChooseIkm);

        flow.Step(EvaluationState.Idle)
            .Permit(EvaluationTrigger.Begin, EvaluationState.ChoosingIkm)
            .Permit(EvaluationTrigger.Resume, EvaluationState.Area)
            .Permit(EvaluationTrigger.BeginSelf, EvaluationState.Area)
            .Permit(EvaluationTrigger.FoundNoIkms, EvaluationState.NothingAssigned)
            .Permit(EvaluationTrigger.FoundNoPlan, EvaluationState.NoPlan);

        flow.Step(EvaluationState.ChoosingIkm)
            .Prompt(ListIkmsAsync, "list the mentor's IKMs")
            .OnButton(MentorVisits.IkmButton(Choices), ReadIkmAsync, chooseIkm)
            .PermitIf(chooseIkm, EvaluationState.Area, ikm => ikm.Areas.Count > 0, "plan or logbook areas")
            .PermitIf(chooseIkm, EvaluationState.NothingToEvaluate, ikm => ikm.Areas.Count == 0, "no plan, no logbook");

        flow.Step(EvaluationState.Area)
            .OnEntryFrom(chooseIkm, (turn, ikm) => { turn.Draft.BusinessId = ikm.BusinessId; turn.Draft.Areas = [.. ikm.Areas]; }, "first plan area")
            .OnEntryFrom(EvaluationTrigger.BeginSelf, async turn => turn.Reply(turn.T(EvaluationTexts.SelfIntro, IndonesianFormat.Month(await MonthAsync(turn.Context, turn.Draft.BusinessId), turn.Language))), "self-assessment: the month")
            .OnEntryFrom(EvaluationTrigger.AreaDone, turn => turn.Draft.Index++, "next plan area")
            .OnEntryFrom(EvaluationTrigger.AreaBack, ToLastAnswerOfAreaBefore, "the area before, at its last answer")
            .Prompt(AskAsync, "ask the area's questions")
            .Help(turn => AskAsync(turn))
            .OnAnswer(turn => Runner(turn.Draft).Handle(turn.Context, turn.Draft.AnswersOf(turn.Draft.Area)) == FormStep.Completed, EvaluationTrigger.AreaDone)
            .Back(turn => Runner(turn.Draft).Back(turn.Context, turn.Draft.AnswersOf(turn.Draft.Area)) || BackAnArea(turn))
            .PermitReentryIf(EvaluationTrigger.AreaDone, draft => !draft.IsLastArea, "more plan areas")
            .PermitReentryIf(EvaluationTrigger.AreaBack, draft => draft.Index > 0, "an area before")
            .PermitIf(EvaluationTrigger.AreaDone, EvaluationState.Saved, draft => draft.IsLastArea, "the last area");

        flow.Step(EvaluationState.Saved).Ends()
            .OnEntryFrom(EvaluationTrigger.AreaDone, SaveAsync, "store the evaluation with deltas");

        flow.Step(EvaluationState.NothingAssigned).Ends()
            .OnEntryFrom(EvaluationTrigger.FoundNoIkms, turn => turn.Reply(turn.T(VisitTexts.NoIkms)), "no IKM assigned");

        flow.Step(EvaluationState.NothingToEvaluate).Ends()
            .OnEntryFrom(chooseIkm, (turn, _) => turn.Reply(turn.T(EvaluationTexts.NoAreas)), "nothing to evaluate yet");

        flow.Step(EvaluationState.NoPlan).Ends()
            .OnEntryFrom(EvaluationTrigger.FoundNoPlan, turn => turn.Reply(turn.T(EvaluationTexts.NoPlan)), "no mentoring plan yet");
    }

    private async Task ListIkmsAsync(FlowTurn<EvaluationDraft> turn)
    {
        var assignments = await ProgramDirectory.ActiveAssignmentsOfMentorAsync(turn.Context, turn.Message.UserId);
        var cohort = await turn.Work.GetAsync<Cohort>(assignments[0].CohortId);
        var month = MentorVisits.CalendarOf(cohort).MonthKeyOf(turn.Now);
        await MentorVisits.ListIkmsAsync(turn.Context, Choices, turn.T(EvaluationTexts.ChooseIkm, IndonesianFormat.Month(month, turn.Language)));
    }

    /// <summary>/kembali at an area's first question goes on to the area before; at the first area there is nothing before.</summary>
    private static bool BackAnArea(FlowTurn<EvaluationDraft> turn)
    {
        if (turn.Draft.Index == 0) return false;
        turn.Then(EvaluationTrigger.AreaBack);
        return true;
    }

    private void ToLastAnswerOfAreaBefore(FlowTurn<EvaluationDraft> turn)
    {
        var draft = turn.Draft;
        draft.Index--;
        var answers = draft.AnswersOf(draft.Area);
        answers.Current = Runner(draft).Session(answers).Previous(null)?.Id;
    }

    /// <summary>An IKM assigned to this mentor, with its plan's areas — or, without a diagnosis yet, the areas of this month's logbook.</summary>
    private async Task<Read<EvaluatedIkm>> ReadIkmAsync(FlowTurn<EvaluationDraft> turn, string payload)
    {
        var assigned = await MentorVisits.ReadAssignedIkmAsync(turn.Context, payload, log);
        if (!assigned.IsValue) return Read<EvaluatedIkm>.Refuse(assigned.Refusal!);
        var business = (await ProgramDirectory.BusinessAsync(turn.Context, assigned.Value))!;
        var areas = await PlanAreasAsync(turn.Context, catalog, business);
        if (areas.Count == 0) areas = [.. (await MonthVisitsAsync(turn.Context, business.Id)).SelectMany(v => v.Areas).Distinct()];
        return Read<EvaluatedIkm>.Ok(new EvaluatedIkm(business.Id, areas));
    }

    /// <summary>The area's next question; its first comes with the area's figures and, for a mentor, the month's logbook of it.</summary>
    private async Task AskAsync(FlowTurn<EvaluationDraft> turn)
    {
        var draft = turn.Draft;
        var answers = draft.AnswersOf(draft.Area);
        var intro = answers.Answers.Count == 0 ? await AreaIntroAsync(turn) : null;
        var runner = Runner(draft);
        // After /kembali the question asked is an answered one, to be changed; otherwise the first one not answered yet.
        if (answers.Current is { } asked && answers.Answers.ContainsKey(asked)) runner.AskCurrent(turn.Context, answers, preface: null, intro);
        else runner.AskNext(turn.Context, answers, intro);
    }

    private async Task<string> AreaIntroAsync(FlowTurn<EvaluationDraft> turn)
    {
        var draft = turn.Draft;
        var baselines = await BaselinesAsync(turn.Context, draft.BusinessId, draft.Self);
        var (diagnosisScore, previous) = (baselines.Diagnosis(draft.Area), baselines.Previous(draft.Area));
        var lines = new List<string>
        {
            turn.T(EvaluationTexts.AreaHeader, draft.Index + 1, draft.Areas.Count, AreaLabel(draft.Area, turn.Language), Format(diagnosisScore, turn.Language), Format(previous)),
        };
        if (!draft.Self)
        {
            lines.Add(turn.T(EvaluationTexts.Logbook));
            var entries = (await MonthVisitsAsync(turn.Context, draft.BusinessId)).Where(v => v.Areas.Contains(draft.Area)).ToList();
            if (entries.Count == 0) lines.Add(turn.T(EvaluationTexts.NoLogbook));
            var culture = Languages.Culture(turn.Language);
            lines.AddRange(entries.Select(v => $"· {v.StartedAt.ToString("d MMM", culture)}: {v.Problem} → {v.Result}"));
        }

        return string.Join("\n", lines);
    }

    private async Task SaveAsync(FlowTurn<EvaluationDraft> turn)
    {
        var (draft, context) = (turn.Draft, turn.Context);
        var business = await ProgramDirectory.BusinessAsync(context, draft.BusinessId);
        var assignment = draft.Self ? null : await ProgramDirectory.AssignmentForAsync(context, draft.BusinessId);
        var cohortId = assignment?.CohortId ?? (await MembershipAsync(context, draft.BusinessId))?.CohortId ?? "";
        var month = await MonthAsync(context, draft.BusinessId);
        var evaluationId = EvaluationId(draft.BusinessId, month, draft.Self);
        var earlier = await context.Work.GetAsync<Evaluation>(evaluationId);
        var evaluation = new Evaluation
        {
            Id = evaluationId,
            // A month evaluated again replaces the earlier one: written at the version stored, as every write.
            Version = earlier?.Version ?? 0,
            CohortId = cohortId,
            BusinessId = draft.BusinessId,
            AuthorUserId = context.Message.UserId,
            SelfAssessment = draft.Self,
            Month = month,
            CompletedAt = context.Now,
        };
        var shownMonth = IndonesianFormat.Month(month, turn.Language);
        var lines = new List<string> { turn.T(draft.Self ? EvaluationTexts.SelfSaved : EvaluationTexts.Saved, draft.Self ? shownMonth : business?.BusinessName ?? "IKM", shownMonth) };
        var baselines = await BaselinesAsync(context, draft.BusinessId, draft.Self);
        foreach (var area in draft.Areas)
        {
            var answers = Runner(draft).Relevant(draft.AnswersOf(area));
            var score = int.Parse(answers.GetValueOrDefault("score") ?? "0", CultureInfo.InvariantCulture);
            var (diagnosisScore, previous) = (baselines.Diagnosis(area), baselines.Previous(area));
            evaluation.Areas.Add(new AreaEvaluation
            {
                AreaId = area,
                Score = score,
                Problem = answers.GetValueOrDefault("problem") ?? "",
                Mentored = answers.GetValueOrDefault("mentored") ?? "",
                Result = answers.GetValueOrDefault("result") ?? "",
                DeltaFromDiagnosis = diagnosisScore is { } d ? Math.Round(score - d, 1) : null,
                DeltaFromPreviousMonth = previous is { } p ? score - p : null,
            });
            if (!draft.Self)
                lines.Add(turn.T(EvaluationTexts.Line, AreaLabel(area, turn.Language), score, Delta(diagnosisScore, score, turn.Language), Delta(previous, score)));
        }

        context.Work.Stage(evaluation);
        // Redoing a month replaces the mentor's scores: an edit of the record coordinators compare mentors by.
        // An owner's self-assessment is theirs alone, and their account id would outlive an erasure.
        if (earlier is not null && !draft.Self)
            AuditTrail.Record(context, AuditAction.EvaluationEdited, cohortId,
                [AuditEntry.Target("evaluation", evaluationId), AuditEntry.Target("business", draft.BusinessId)],
                "scores", Scores(earlier), Scores(evaluation));
        turn.Reply(string.Join("\n", lines));
    }

    private string AreaLabel(string area, string language) => catalog.Diagnosis.FindArea(area)?.Label.Get(language) ?? area;
}
