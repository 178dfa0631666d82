namespace Ikm.Workflow.Flows.Visits.Correction;

public enum VisitCorrectionTrigger
{
    Begin,
    GiveStart,
    GiveEnd,
    Save,
    Cancel,
}
