namespace Ikm.Workflow.Flows.Visits.Correction;

/// <summary>The visit being corrected and the new times given so far.</summary>
public sealed record VisitCorrectionDraft
{
    public string? VisitId { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
}
