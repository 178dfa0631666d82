namespace Ikm.Workflow.Flows.Visits;

public enum VisitState
{
    ChoosingIkm,
    AwaitingLocation,
    ConfirmingHome,
    AwaitingReason,
    AwaitingEndTime,
    RetroDate,
    RetroHours,
    Logbook,
    Photos,
    Done,
}
