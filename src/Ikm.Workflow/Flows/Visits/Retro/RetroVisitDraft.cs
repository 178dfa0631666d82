namespace Ikm.Workflow.Flows.Visits.Retro;

/// <summary>A visit logged afterwards: which IKM, on which local day, for how many hours.</summary>
public sealed record RetroVisitDraft
{
    public Guid? BusinessId { get; set; }
    public DateOnly? Date { get; set; }
    public decimal? Hours { get; set; }
}
