namespace Ikm.Workflow.Flows.Visits.Retro;

public enum RetroVisitState
{
    Idle,
    ChoosingIkm,
    AwaitingDate,
    AwaitingHours,
    AwaitingReason,
    Logged,
    LogbookUnfinished,
    NothingAssigned,
}
