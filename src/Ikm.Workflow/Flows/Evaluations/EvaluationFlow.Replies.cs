using Ikm.Workflow.Audit;
using Ikm.Workflow.Kernel;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Parsing;
using Ikm.Workflow.Texts;
using static Ikm.Workflow.Flows.Evaluations.EvaluationFigures;

namespace Ikm.Workflow.Flows.Evaluations;

/// <summary>What the evaluation says at each step: the IKM list, an area's score, its notes card, the summary, the saved record.</summary>
public sealed partial class EvaluationFlow
{
    private async Task ListIkmsAsync(FlowTurn<EvaluationDraft> turn)
    {
        var months = new HashSet<string>();
        foreach (var assignment in await ProgramDirectory.ActiveAssignmentsOfMentorAsync(turn.Context, turn.Message.UserId))
            months.Add(await MonthToEvaluateAsync(turn.Context, assignment));
        var title = months.Count == 1
            ? turn.T(EvaluationTexts.ChooseIkm, IndonesianFormat.Month(months.Single(), turn.Language))
            : turn.T(EvaluationTexts.ChooseIkmOfSeveralMonths);
        await Visits.MentorVisits.ListIkmsAsync(turn.Context, Choices, title);
    }

    /// <summary>The area's score question under the area's figures (and, for a mentor, how often the month's logbook worked on it).</summary>
    private async Task AskScoreAsync(FlowTurn<EvaluationDraft> turn, string? preface = null)
    {
        var draft = turn.Draft;
        var baselines = await BaselinesAsync(turn.Context, draft.BusinessId, draft.Month, draft.Self);
        var intro = turn.T(EvaluationTexts.AreaHeader, IndonesianFormat.Month(draft.Month, turn.Language), draft.Index + 1, draft.Areas.Count,
            AreaLabel(draft.Area, turn.Language), Format(baselines.Diagnosis(draft.Area), turn.Language), Format(baselines.Previous(draft.Area)));
        var current = draft.Score(draft.Area)?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        prompter.Ask(turn.Context, Prefix(draft), ScoreQuestion(draft), draft.AnswersOf(draft.Area), progress: null, current, preface, intro);
    }

    /// <summary>The notes the card shows: those already kept or written for the area, else the month's logbook of it.</summary>
    private async Task<IReadOnlyDictionary<string, string>> ShownNotesAsync(FlowTurn<EvaluationDraft> turn)
    {
        var draft = turn.Draft;
        var kept = draft.NotesOf(draft.Area);
        if (kept.Values.Any(text => text.Length > 0)) return kept;
        return LogbookNotes(await MonthVisitsAsync(turn.Context, draft.BusinessId, draft.Month), draft.Area);
    }

    private async Task ShowNotesAsync(FlowTurn<EvaluationDraft> turn)
    {
        var draft = turn.Draft;
        var (label, score) = (AreaLabel(draft.Area, turn.Language), draft.Score(draft.Area));
        var notes = await ShownNotesAsync(turn);
        var id = new ButtonKind.Id(draft.Area);
        var write = new Button(turn.T(EvaluationTexts.WriteNotes), WriteNotesButton.Encode(id));
        var none = new Button(turn.T(EvaluationTexts.NoNotes), NoNotesButton.Encode(id));
        if (notes.Values.All(text => text.Length == 0))
        {
            turn.Reply(turn.T(EvaluationTexts.NoLogbookNotes, label, score!), [[write], [none]]);
            return;
        }

        var card = draft.NotesOf(draft.Area).Count > 0 ? EvaluationTexts.NotesCardKept : EvaluationTexts.NotesCard;
        turn.Reply(turn.T(card, label, score!, Shown(notes, "problem"), Shown(notes, "mentored"), Shown(notes, "result")),
            [[new Button(turn.T(EvaluationTexts.UseNotes), UseNotesButton.Encode(id))], [write], [none]]);
    }

    /// <summary>Every area as it would be stored, with 💾 Simpan (once something is scored) and a button to open each area again.</summary>
    private async Task ShowSummaryAsync(FlowTurn<EvaluationDraft> turn)
    {
        var (draft, language) = (turn.Draft, turn.Language);
        var month = IndonesianFormat.Month(draft.Month, language);
        var business = await ProgramDirectory.BusinessAsync(turn.Context, draft.BusinessId);
        var lines = new List<string> { draft.Self ? turn.T(EvaluationTexts.SelfSummary, month) : turn.T(EvaluationTexts.Summary, business?.BusinessName ?? "IKM", month) };
        var baselines = await BaselinesAsync(turn.Context, draft.BusinessId, draft.Month, draft.Self);
        foreach (var area in draft.Areas)
        {
            var label = AreaLabel(area, language);
            if (draft.Score(area) is not { } score)
            {
                lines.Add(turn.T(EvaluationTexts.SkippedLine, label));
                continue;
            }

            lines.Add(draft.Self
                ? turn.T(EvaluationTexts.SelfSummaryLine, label, score)
                : turn.T(EvaluationTexts.Line, label, score, Delta(baselines.Diagnosis(area), score, language), Delta(baselines.Previous(area), score)));
            var notes = draft.NotesOf(area);
            if (!draft.Self && notes.Count > 0)
                lines.Add(turn.T(EvaluationTexts.SummaryNotes, Shown(notes, "problem"), Shown(notes, "mentored"), Shown(notes, "result")));
        }

        var buttons = new List<IReadOnlyList<Button>>();
        if (draft.HasAnyScore) buttons.Add([turn.Button(EvaluationTexts.Save, SummaryChoice.Save)]);
        else lines.Add(turn.T(EvaluationTexts.SummaryNothingScored));
        buttons.AddRange(draft.Areas.Select(area =>
            (IReadOnlyList<Button>)[new Button(turn.T(EvaluationTexts.EditArea, AreaLabel(area, language)), EditButton.Encode(new ButtonKind.Id(area)))]));
        turn.Reply(string.Join("\n", lines), buttons);
    }

    /// <summary>Stores the scored areas (a skipped one is not stored, so no average counts it) with their deltas.</summary>
    private async Task SaveAsync(FlowTurn<EvaluationDraft> turn)
    {
        var (draft, context) = (turn.Draft, turn.Context);
        var business = await ProgramDirectory.BusinessAsync(context, draft.BusinessId);
        var assignment = draft.Self ? null : await ProgramDirectory.AssignmentForAsync(context, draft.BusinessId);
        var cohortId = assignment?.CohortId ?? (await MembershipAsync(context, draft.BusinessId))?.CohortId ?? "";
        var evaluationId = EvaluationId(draft.BusinessId, draft.Month, draft.Self);
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
            Month = draft.Month,
            CompletedAt = context.Now,
        };
        var shownMonth = IndonesianFormat.Month(draft.Month, turn.Language);
        var lines = new List<string> { turn.T(draft.Self ? EvaluationTexts.SelfSaved : EvaluationTexts.Saved, draft.Self ? shownMonth : business?.BusinessName ?? "IKM", shownMonth) };
        var baselines = await BaselinesAsync(context, draft.BusinessId, draft.Month, draft.Self);
        foreach (var area in draft.Areas)
        {
            if (draft.Score(area) is not { } score) continue;
            var notes = draft.NotesOf(area);
            var (diagnosisScore, previous) = (baselines.Diagnosis(area), baselines.Previous(area));
            evaluation.Areas.Add(new AreaEvaluation
            {
                AreaId = area,
                Score = score,
                Problem = notes.GetValueOrDefault("problem") ?? "",
                Mentored = notes.GetValueOrDefault("mentored") ?? "",
                Result = notes.GetValueOrDefault("result") ?? "",
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

    /// <summary>A note as shown on a card: "–" when empty.</summary>
    private static string Shown(IReadOnlyDictionary<string, string> notes, string question) =>
        notes.GetValueOrDefault(question) is { Length: > 0 } text ? text : "–";
}
