namespace Ikm.Workflow.Flows.Visits.Retro;

public enum RetroVisitState
{
    Idle,
    ChoosingIkm,
    AwaitingDate,
    AwaitingHours,
    Logged,
    LogbookUnfinished,
    NothingAssigned,
}
