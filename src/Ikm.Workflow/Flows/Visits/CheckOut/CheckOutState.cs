namespace Ikm.Workflow.Flows.Visits.CheckOut;

public enum CheckOutState
{
    Idle,
    AwaitingEndTime,
    Logbook,
    Photos,
    Saved,
    NothingOpen,
}
