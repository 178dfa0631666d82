namespace Ikm.Workflow.Flows.Visits.Retro;

public enum RetroVisitTrigger
{
    Begin,
    FoundUnfinishedLogbook,
    FoundNoIkms,
    ChooseIkm,
    GiveDate,
    GiveHours,
    GiveReason,
}
