namespace Ikm.Workflow.Flows.Visits;

public enum VisitTrigger
{
    BeginCheckIn,
    BeginRetro,
    BeginCheckOut,
    BeginLateCheckOut,
    EndTimeGiven,
    IkmChosen,
    LocationNear,
    LocationFar,
    LocationUnknownHome,
    HomeDecided,
    ReasonGiven,
    DateGiven,
    HoursGiven,
    LogbookDone,
    PhotosDone,
}
