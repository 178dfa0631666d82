namespace Ikm.Workflow.Flows.Visits.Correction;

public enum VisitCorrectionState
{
    Idle,
    AwaitingStart,
    AwaitingEnd,
    Confirming,
    Saved,
    Cancelled,
}
