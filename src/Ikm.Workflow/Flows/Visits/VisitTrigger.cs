namespace Ikm.Workflow.Flows.Visits;

public enum VisitTrigger
{
    BeginCheckIn,
    BeginRetro,
    BeginCheckOut,
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
