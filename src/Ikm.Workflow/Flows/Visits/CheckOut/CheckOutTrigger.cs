namespace Ikm.Workflow.Flows.Visits.CheckOut;

public enum CheckOutTrigger
{
    /// <summary>Check out now, at the clock: asks to confirm first.</summary>
    Begin,
    /// <summary>Confirmed: the visit closes at the clock.</summary>
    Finish,
    KeepOpen,
    /// <summary>The check-in was left open past the cohort's limit: the real end time is asked.</summary>
    BeginLate,
    /// <summary>A logbook left unfinished (after /batal, a retro visit's date and hours): continue it.</summary>
    ContinueLogbook,
    FoundNothingOpen,
    GiveEndTime,
    LogbookDone,
    AddPhoto,
    PhotosDone,
}
