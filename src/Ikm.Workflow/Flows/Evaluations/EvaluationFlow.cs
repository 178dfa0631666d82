using Ikm.Workflow.Engine;
using Ikm.Workflow.Flows.Questions;
using Ikm.Workflow.Flows.Visits;
using Ikm.Workflow.Kernel;
using Ikm.Workflow.Members;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Parsing;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Questionnaires;
using Ikm.Workflow.Texts;
using Microsoft.Extensions.Logging;
using static Ikm.Workflow.Flows.Evaluations.EvaluationFigures;

namespace Ikm.Workflow.Flows.Evaluations;

/// <summary>
/// The monthly evaluation: for an assigned IKM, per area of its mentoring plan, one score (1–5) or "skip this area";
/// then the area's notes (problem, what was mentored, result) as the month's logbook has them — kept with one press,
/// written anew, or left out — and a summary of every area before anything is stored. A typical IKM of three areas
/// takes eight inputs. Stored once per IKM and month with deltas against the diagnosis and the previous month.
/// Owners give a short self-assessment (the questions marked self_assessment: the scores) the same month.
/// </summary>
public sealed partial class EvaluationFlow(IQuestionnaireCatalog catalog, QuestionPrompter prompter, ILogger<EvaluationFlow> log)
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

    /// <summary>
    /// A mentor's evaluation left half-way (/batal, a menu, a restart) continues where it stopped — the first area not
    /// done, at its score, its notes or the note being written, or the summary — while the IKM is still assigned to this
    /// mentor; otherwise the mentor chooses an IKM.
    /// </summary>
    public override async Task StartAsync(TurnContext context)
    {
        var stored = StoredDraft(context);
        if (!stored.Self && stored is { Areas.Count: > 0, Month.Length: > 0 } && await ProgramDirectory.AssignmentForAsync(context, stored.BusinessId) is not null)
            await BeginAsync(context, PlaceForResume(stored), stored);
        else
            await BeginAsync(context, await MentorVisits.HasIkmsAsync(context) ? EvaluationTrigger.Begin : EvaluationTrigger.FoundNoIkms);
    }

    /// <summary>The owner's optional self-assessment: scores for the areas of their own plan, this month.</summary>
    public async Task StartSelfAsync(TurnContext context)
    {
        var business = await context.Work.GetBusinessAsync(context.Message.UserId);
        var areas = business is null ? [] : await PlanAreasAsync(context, catalog, business);
        if (business is null || areas.Count == 0)
            await BeginAsync(context, EvaluationTrigger.FoundNoPlan);
        else
            await BeginAsync(context, EvaluationTrigger.BeginSelf,
                new EvaluationDraft { BusinessId = business.Id, Month = await MonthAsync(context, business.Id), Areas = areas, Self = true });
    }

    protected override void Configure(FlowBuilder<EvaluationState, EvaluationTrigger, EvaluationDraft> flow)
    {
        var chooseIkm = flow.Trigger<EvaluatedIkm>(EvaluationTrigger.ChooseIkm);
        var editArea = flow.Trigger<int>(EvaluationTrigger.EditArea);

        flow.Step(EvaluationState.Idle)
            .Permit(EvaluationTrigger.Begin, EvaluationState.ChoosingIkm)
            .Permit(EvaluationTrigger.BeginSelf, EvaluationState.Score)
            .Permit(EvaluationTrigger.ResumeScore, EvaluationState.Score)
            .Permit(EvaluationTrigger.ResumeNotes, EvaluationState.Notes)
            .Permit(EvaluationTrigger.ResumeWriting, EvaluationState.Writing)
            .Permit(EvaluationTrigger.ResumeSummary, EvaluationState.Summary)
            .Permit(EvaluationTrigger.FoundNoIkms, EvaluationState.NothingAssigned)
            .Permit(EvaluationTrigger.FoundNoPlan, EvaluationState.NoPlan);

        flow.Step(EvaluationState.ChoosingIkm)
            .Prompt(ListIkmsAsync, "list the mentor's IKMs")
            .OnButton(MentorVisits.IkmButton(Choices), ReadIkmAsync, chooseIkm)
            .PermitIf(chooseIkm, EvaluationState.Score, ikm => ikm.Areas.Count > 0, "plan or logbook areas")
            .PermitIf(chooseIkm, EvaluationState.NothingToEvaluate, ikm => ikm.Areas.Count == 0, "no plan, no logbook");

        flow.Step(EvaluationState.Score)
            .OnEntryFrom(chooseIkm, (turn, ikm) => turn.Draft.Begin(ikm), "the IKM's month and first plan area")
            .OnEntryFrom(EvaluationTrigger.BeginSelf, turn => turn.Reply(turn.T(EvaluationTexts.SelfIntro, IndonesianFormat.Month(turn.Draft.Month, turn.Language))), "self-assessment: the month")
            .OnEntryFrom(EvaluationTrigger.Scored, turn => turn.Draft.Index++, "the next area")
            .OnEntryFrom(EvaluationTrigger.AreaDone, turn => turn.Draft.Index++, "the next area")
            .OnEntryFrom(EvaluationTrigger.BackToAreaBefore, turn => turn.Draft.Index--, "the area before")
            .OnEntryFrom(EvaluationTrigger.BackToLastArea, turn => turn.Draft.Index = turn.Draft.Areas.Count - 1, "the last area")
            .OnEntryFrom(editArea, (turn, index) => turn.Draft.Reopen(index), "an area opened from the summary")
            .Prompt(turn => AskScoreAsync(turn), "the area's score, or skip the area")
            .OnAnswer(ReadScoreAsync, EvaluationTrigger.Scored)
            .Back(BackFromScore)
            .PermitIf(EvaluationTrigger.Scored, EvaluationState.Notes, draft => !draft.Self && !draft.AreaSkipped, "scored: its notes")
            .PermitReentryIf(EvaluationTrigger.Scored, draft => (draft.Self || draft.AreaSkipped) && !draft.SummaryNext, "skipped, or an owner's score: the next area")
            .PermitIf(EvaluationTrigger.Scored, EvaluationState.Summary, draft => (draft.Self || draft.AreaSkipped) && draft.SummaryNext, "skipped, or an owner's score: the summary")
            .PermitReentryIf(EvaluationTrigger.BackToAreaBefore, draft => draft.Index > 0, "an area before")
            .Permit(EvaluationTrigger.Review, EvaluationState.Summary);

        flow.Step(EvaluationState.Notes)
            .OnEntryFrom(EvaluationTrigger.BackToNotes, turn => turn.Draft.ClearNotes(), "back from the first note: nothing written, the card is where it continues")
            .Prompt(ShowNotesAsync, "the area's notes, prefilled from the month's logbook")
            .OnButton(UseNotesButton, ReadShownNotesAsync, (turn, notes) => turn.Draft.SettleNotes(notes), EvaluationTrigger.AreaDone)
            .OnButton(NoNotesButton, ReadShownNotesAsync, (turn, _) => turn.Draft.SettleNotes(NoNotes), EvaluationTrigger.AreaDone)
            .OnButton(WriteNotesButton, ReadShownNotesAsync, (_, _) => { }, EvaluationTrigger.WriteNotes)
            .Back(EvaluationTrigger.BackToScore)
            .PermitIf(EvaluationTrigger.AreaDone, EvaluationState.Score, draft => !draft.SummaryNext, "the next area")
            .PermitIf(EvaluationTrigger.AreaDone, EvaluationState.Summary, draft => draft.SummaryNext, "the summary")
            .Permit(EvaluationTrigger.WriteNotes, EvaluationState.Writing)
            .Permit(EvaluationTrigger.BackToScore, EvaluationState.Score);

        flow.Step(EvaluationState.Writing)
            .OnEntryFrom(EvaluationTrigger.WriteNotes, turn => turn.Draft.ClearNotes(), "the notes written anew")
            .Prompt(AskNote, "the next note, each optional")
            .OnAnswer(ReadNote, EvaluationTrigger.AreaDone)
            .Back(turn => NotesRunner(turn.Draft).Back(turn.Context, turn.Draft.AnswersOf(turn.Draft.Area)) || ThenBack(turn, EvaluationTrigger.BackToNotes))
            .PermitIf(EvaluationTrigger.AreaDone, EvaluationState.Score, draft => !draft.SummaryNext, "the next area")
            .PermitIf(EvaluationTrigger.AreaDone, EvaluationState.Summary, draft => draft.SummaryNext, "the summary")
            .Permit(EvaluationTrigger.BackToNotes, EvaluationState.Notes);

        flow.Step(EvaluationState.Summary)
            .OnEntry(turn => turn.Draft.Editing = false, "every area in order again")
            .Prompt(ShowSummaryAsync, "every area before anything is stored")
            .OnChoice(SummaryChoice.Save, EvaluationTrigger.Save)
            .OnButton(EditButton, (turn, area) => Task.FromResult(ReadEditArea(turn, area)), editArea)
            .Back(EvaluationTrigger.BackToLastArea)
            .PermitIf(EvaluationTrigger.Save, EvaluationState.Saved, draft => draft.HasAnyScore, "an area is scored")
            .Permit(EvaluationTrigger.EditArea, EvaluationState.Score)
            .Permit(EvaluationTrigger.BackToLastArea, EvaluationState.Score);

        flow.Step(EvaluationState.Saved).Ends()
            .OnEntryFrom(EvaluationTrigger.Save, SaveAsync, "store the scored areas with their deltas");

        flow.Step(EvaluationState.NothingAssigned).Ends()
            .OnEntryFrom(EvaluationTrigger.FoundNoIkms, turn => turn.Reply(turn.T(VisitTexts.NoIkms)), "no IKM assigned");

        flow.Step(EvaluationState.NothingToEvaluate).Ends()
            .OnEntryFrom(chooseIkm, (turn, _) => turn.Reply(turn.T(EvaluationTexts.NoAreas)), "nothing to evaluate yet");

        flow.Step(EvaluationState.NoPlan).Ends()
            .OnEntryFrom(EvaluationTrigger.FoundNoPlan, turn => turn.Reply(turn.T(EvaluationTexts.NoPlan)), "no mentoring plan yet");
    }

    private static readonly IReadOnlyDictionary<string, string> NoNotes = new Dictionary<string, string>();

    private ButtonKind<ButtonKind.Id> UseNotesButton => Choices.Kind("use");
    private ButtonKind<ButtonKind.Id> WriteNotesButton => Choices.Kind("write");
    private ButtonKind<ButtonKind.Id> NoNotesButton => Choices.Kind("none");
    private ButtonKind<ButtonKind.Id> EditButton => Choices.Kind("edit");

    private Questionnaire Questions(EvaluationDraft draft) => draft.Self ? catalog.Evaluation.SelfAssessment : catalog.Evaluation;

    private Question ScoreQuestion(EvaluationDraft draft) =>
        Questions(draft).FindQuestion(EvaluationQuestions.Score) ?? throw new InvalidOperationException("evaluation.yaml has no score question.");

    /// <summary>The area is in the buttons' data, so a score button of an earlier area is recognised as stale.</summary>
    private static string Prefix(EvaluationDraft draft) => "ev." + draft.Area;

    private QuestionnaireRunner NotesRunner(EvaluationDraft draft) => new(prompter, catalog.Evaluation.MentorOnly, Prefix(draft));

    /// <summary>Where a stored evaluation continues: the first area not done, at the step it stopped in; the summary when every area is done.</summary>
    private static EvaluationTrigger PlaceForResume(EvaluationDraft draft)
    {
        draft.Editing = false;
        var open = draft.Areas.FindIndex(area => !draft.IsDone(area));
        if (open < 0) return EvaluationTrigger.ResumeSummary;
        draft.Index = open;
        if (draft.Score(draft.Area) is null) return EvaluationTrigger.ResumeScore;
        return draft.IsWriting(draft.Area) ? EvaluationTrigger.ResumeWriting : EvaluationTrigger.ResumeNotes;
    }

    /// <summary>/kembali at a score: back to the summary an area was opened from, else to the area before; at the first area there is nothing before.</summary>
    private static bool BackFromScore(FlowTurn<EvaluationDraft> turn)
    {
        if (turn.Draft.Editing) return ThenBack(turn, EvaluationTrigger.Review);
        return turn.Draft.Index > 0 && ThenBack(turn, EvaluationTrigger.BackToAreaBefore);
    }

    private static bool ThenBack(FlowTurn<EvaluationDraft> turn, EvaluationTrigger trigger)
    {
        turn.Then(trigger);
        return true;
    }

    /// <summary>
    /// An IKM assigned to this mentor, the month it is evaluated for, and its plan's areas — or, without a diagnosis yet,
    /// the areas of that month's logbook; when last month (its prompt still standing) has no logbook either, this
    /// month's logbook, for this month.
    /// </summary>
    private async Task<Read<EvaluatedIkm>> ReadIkmAsync(FlowTurn<EvaluationDraft> turn, string payload)
    {
        var assigned = await MentorVisits.ReadAssignedIkmAsync(turn.Context, payload, log);
        if (!assigned.IsValue) return Read<EvaluatedIkm>.Refuse(assigned.Refusal!);
        var business = (await ProgramDirectory.BusinessAsync(turn.Context, assigned.Value))!;
        var month = await MonthToEvaluateAsync(turn.Context, (await ProgramDirectory.AssignmentForAsync(turn.Context, business.Id))!);
        IReadOnlyList<string> areas = await PlanAreasAsync(turn.Context, catalog, business);
        if (areas.Count > 0) return Read<EvaluatedIkm>.Ok(new EvaluatedIkm(business.Id, month, areas));
        areas = await LogbookAreasAsync(turn.Context, business.Id, month);
        var thisMonth = await MonthAsync(turn.Context, business.Id);
        if (areas.Count == 0 && month != thisMonth) (month, areas) = (thisMonth, await LogbookAreasAsync(turn.Context, business.Id, thisMonth));
        return Read<EvaluatedIkm>.Ok(new EvaluatedIkm(business.Id, month, areas));
    }

    private static async Task<IReadOnlyList<string>> LogbookAreasAsync(TurnContext context, Guid businessId, string month) =>
        [.. (await MonthVisitsAsync(context, businessId, month)).SelectMany(v => v.Areas).Distinct()];

    /// <summary>A score stored, or the area skipped (true); anything else is refused with the score question again (false).</summary>
    private async Task<bool> ReadScoreAsync(FlowTurn<EvaluationDraft> turn)
    {
        var draft = turn.Draft;
        switch (prompter.Interpret(turn.Context, Prefix(draft), ScoreQuestion(draft), draft.AnswersOf(draft.Area)))
        {
            case Interpretation.Answer { Value: "" }:
                draft.SkipArea();
                return true;
            case Interpretation.Answer answer:
                draft.ScoreArea(answer.Value);
                return true;
            case Interpretation.Refused refused:
                await AskScoreAsync(turn, refused.Reply);
                return false;
            default:
                await AskScoreAsync(turn, turn.T(QuestionTexts.StaleQuestion));
                return false;
        }
    }

    /// <summary>The notes card's button, for the area asked now (an earlier area's card is stale), with the notes it showed.</summary>
    private async Task<Read<IReadOnlyDictionary<string, string>>> ReadShownNotesAsync(FlowTurn<EvaluationDraft> turn, string area) =>
        area == turn.Draft.Area
            ? Read<IReadOnlyDictionary<string, string>>.Ok(await ShownNotesAsync(turn))
            : Read<IReadOnlyDictionary<string, string>>.Refuse(turn.T(CommonTexts.StaleButton));

    private static Read<int> ReadEditArea(FlowTurn<EvaluationDraft> turn, string area) =>
        turn.Draft.Areas.IndexOf(area) is var index and >= 0 ? Read<int>.Ok(index) : Read<int>.Refuse(turn.T(CommonTexts.StaleButton));

    private void AskNote(FlowTurn<EvaluationDraft> turn)
    {
        var answers = turn.Draft.AnswersOf(turn.Draft.Area);
        var runner = NotesRunner(turn.Draft);
        // After /kembali the note asked is a written one, to be changed; otherwise the first one not written yet.
        if (answers.Current is { } asked && answers.Answers.ContainsKey(asked) && asked != EvaluationQuestions.Score) runner.AskCurrent(turn.Context, answers, preface: null);
        else runner.AskNext(turn.Context, answers);
    }

    private bool ReadNote(FlowTurn<EvaluationDraft> turn)
    {
        var written = NotesRunner(turn.Draft).Handle(turn.Context, turn.Draft.AnswersOf(turn.Draft.Area)) == FormStep.Completed;
        if (written) turn.Draft.NotesSettled.Add(turn.Draft.Area);
        return written;
    }

    private string AreaLabel(string area, string language) => catalog.Diagnosis.FindArea(area)?.Label.Get(language) ?? area;
}
