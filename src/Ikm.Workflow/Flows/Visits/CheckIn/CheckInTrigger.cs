namespace Ikm.Workflow.Flows.Visits.CheckIn;

public enum CheckInTrigger
{
    Begin,
    FoundOpenVisit,
    FoundUnfinishedLogbook,
    FoundNoIkms,
    ChooseIkm,
    ShareLocation,
    GiveReason,
    UseAsHouse,
    KeepHouseUnknown,
}
