namespace Ikm.Workflow.Flows.Visits.CheckIn;

/// <summary>A check-in being made: the IKM chosen and where the mentor stood.</summary>
public sealed record CheckInDraft
{
    public Guid? BusinessId { get; set; }
    public Placement? Placement { get; set; }
}
