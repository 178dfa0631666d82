using System.Text.Json.Serialization;
using Ikm.Workflow.Flows.Questions;

namespace Ikm.Workflow.Flows.Evaluations;

/// <summary>
/// The IKM being evaluated, its month, the areas asked about in order and what was said per area — kept across /batal
/// and restarts, and stored as an evaluation only when the summary is saved.
/// </summary>
public sealed record EvaluationDraft
{
    public Guid BusinessId { get; set; }
    /// <summary>"2026-11": fixed when the IKM is chosen, so an evaluation begun on the last day is saved for that month.</summary>
    public string Month { get; set; } = "";
    public List<string> Areas { get; set; } = [];
    public int Index { get; set; }
    /// <summary>The owner's self-assessment of their own business (scores only), not a mentor's evaluation.</summary>
    public bool Self { get; set; }
    /// <summary>An area opened again from the summary: once it is done, the summary comes back instead of the next area.</summary>
    public bool Editing { get; set; }
    public Dictionary<string, FormProgress> Answers { get; set; } = [];
    /// <summary>Areas the mentor chose to skip this month: not stored, not counted in any average.</summary>
    public List<string> Skipped { get; set; } = [];
    /// <summary>Areas whose notes are settled (kept from the logbook, written, or left empty).</summary>
    public List<string> NotesSettled { get; set; } = [];

    [JsonIgnore] public string Area => Areas.ElementAtOrDefault(Index) ?? "";

    /// <summary>After this area the summary comes: it is the last one, or it was opened from the summary.</summary>
    [JsonIgnore] public bool SummaryNext => Editing || Index >= Areas.Count - 1;

    [JsonIgnore] public bool AreaSkipped => Skipped.Contains(Area);

    [JsonIgnore] public bool HasAnyScore => Areas.Any(a => Score(a) is not null);

    public void Begin(EvaluatedIkm ikm)
    {
        BusinessId = ikm.BusinessId;
        Month = ikm.Month;
        Areas = [.. ikm.Areas];
    }

    public void Reopen(int index)
    {
        Index = index;
        Editing = true;
    }

    public void ScoreArea(string score)
    {
        AnswersOf(Area).Store(EvaluationQuestions.Score, score);
        Skipped.Remove(Area);
    }

    /// <summary>A skipped area keeps nothing: no score, no notes.</summary>
    public void SkipArea()
    {
        Answers.Remove(Area);
        if (!Skipped.Contains(Area)) Skipped.Add(Area);
        NotesSettled.Remove(Area);
    }

    /// <summary>The area's notes are <paramref name="notes"/> (kept from the logbook, or none), and settled.</summary>
    public void SettleNotes(IReadOnlyDictionary<string, string> notes)
    {
        ClearNotes();
        var answers = AnswersOf(Area);
        foreach (var (question, text) in notes.Where(n => n.Value.Length > 0)) answers.Answers[question] = text;
        if (!NotesSettled.Contains(Area)) NotesSettled.Add(Area);
    }

    public void ClearNotes()
    {
        var answers = AnswersOf(Area);
        foreach (var question in answers.Answers.Keys.Where(k => k != EvaluationQuestions.Score).ToList()) answers.Answers.Remove(question);
        answers.Current = null;
        NotesSettled.Remove(Area);
    }

    /// <summary>The area's notes written or kept so far, by question id.</summary>
    public IReadOnlyDictionary<string, string> NotesOf(string area) =>
        Answers.GetValueOrDefault(area)?.Answers.Where(a => a.Key != EvaluationQuestions.Score).ToDictionary() ?? [];

    public FormProgress AnswersOf(string area) => Answers.TryGetValue(area, out var answers) ? answers : Answers[area] = new FormProgress();

    public int? Score(string area) =>
        !Skipped.Contains(area) && Answers.GetValueOrDefault(area)?.Answers.GetValueOrDefault(EvaluationQuestions.Score) is { Length: > 0 } score
            ? int.Parse(score, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    /// <summary>Done: skipped, or scored with its notes settled (an owner's self-assessment has no notes).</summary>
    public bool IsDone(string area) => Skipped.Contains(area) || (Score(area) is not null && (Self || NotesSettled.Contains(area)));

    /// <summary>The notes being written now: a note question was asked and the notes are not settled.</summary>
    public bool IsWriting(string area) =>
        !NotesSettled.Contains(area) && Answers.GetValueOrDefault(area)?.Current is { } current && current != EvaluationQuestions.Score;
}

/// <summary>A chosen IKM with the month it is evaluated for and the areas its evaluation asks about.</summary>
public sealed record EvaluatedIkm(Guid BusinessId, string Month, IReadOnlyList<string> Areas);

/// <summary>The question ids of questionnaires/evaluation.yaml the flow relies on; the notes share the logbook's ids.</summary>
public static class EvaluationQuestions
{
    public const string Score = "score";
}
