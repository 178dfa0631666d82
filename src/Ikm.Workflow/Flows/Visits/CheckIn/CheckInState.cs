namespace Ikm.Workflow.Flows.Visits.CheckIn;

public enum CheckInState
{
    Idle,
    ChoosingIkm,
    AwaitingLocation,
    ConfirmingHouse,
    AwaitingReason,
    CheckedIn,
    AlreadyCheckedIn,
    LogbookUnfinished,
    NothingAssigned,
}
