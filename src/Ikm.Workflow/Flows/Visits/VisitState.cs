namespace Ikm.Workflow.Flows.Visits;

public enum VisitState
{
    ChoosingIkm,
    AwaitingLocation,
    ConfirmingHome,
    AwaitingReason,
    RetroDate,
    RetroHours,
    Logbook,
    Photos,
    Done,
}
