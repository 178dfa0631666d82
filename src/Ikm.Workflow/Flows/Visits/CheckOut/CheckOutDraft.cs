using Ikm.Workflow.Flows.Questions;

namespace Ikm.Workflow.Flows.Visits.CheckOut;

/// <summary>The visit being closed and its logbook answers so far (kept across /batal and restarts).</summary>
public sealed record CheckOutDraft
{
    public string? VisitId { get; set; }
    public FormProgress Logbook { get; set; } = new();
    public int Photos { get; set; }
}
