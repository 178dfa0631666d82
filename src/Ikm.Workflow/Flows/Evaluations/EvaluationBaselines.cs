using Ikm.Workflow.Mentoring;

namespace Ikm.Workflow.Flows.Evaluations;

/// <summary>What an IKM's scores are compared with, loaded once per evaluation turn: its latest diagnosis and last month's evaluation by the same kind of author.</summary>
public sealed record EvaluationBaselines(IReadOnlyDictionary<string, double> DiagnosisScores, Evaluation? PreviousMonth)
{
    public double? Diagnosis(string area) => DiagnosisScores.TryGetValue(area, out var score) ? score : null;

    public int? Previous(string area) => PreviousMonth?.Areas.FirstOrDefault(a => a.AreaId == area)?.Score;
}
