using System.Text.Json.Serialization;
using Ikm.Workflow.Flows.Questions;

namespace Ikm.Workflow.Flows.Evaluations;

/// <summary>The IKM being evaluated, the areas asked about in order, and the answers per area (kept across /batal and restarts).</summary>
public sealed record EvaluationDraft
{
    public Guid BusinessId { get; set; }
    public List<string> Areas { get; set; } = [];
    public int Index { get; set; }
    /// <summary>The owner's self-assessment of their own business (scores only), not a mentor's evaluation.</summary>
    public bool Self { get; set; }
    public Dictionary<string, FormProgress> Answers { get; set; } = [];

    [JsonIgnore] public string Area => Areas.ElementAtOrDefault(Index) ?? "";

    [JsonIgnore] public bool IsLastArea => Index >= Areas.Count - 1;

    public FormProgress AnswersOf(string area) => Answers.TryGetValue(area, out var answers) ? answers : Answers[area] = new FormProgress();
}

/// <summary>A chosen IKM with the areas its evaluation asks about.</summary>
public sealed record EvaluatedIkm(Guid BusinessId, IReadOnlyList<string> Areas);
