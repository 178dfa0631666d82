namespace Ikm.Workflow.Flows.Visits.CheckOut;

public enum CheckOutState
{
    Idle,
    /// <summary>"Selesai kunjungan di X sekarang?": nothing is closed before the mentor confirms.</summary>
    Confirming,
    /// <summary>The mentor answered ❌: the check-in stays open.</summary>
    KeptOpen,
    AwaitingEndTime,
    Logbook,
    Photos,
    Saved,
    NothingOpen,
}
