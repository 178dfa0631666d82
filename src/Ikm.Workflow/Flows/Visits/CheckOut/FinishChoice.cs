namespace Ikm.Workflow.Flows.Visits.CheckOut;

/// <summary>The answer to "Selesai kunjungan di X sekarang?".</summary>
public enum FinishChoice
{
    Finish,
    KeepOpen,
}
