namespace Ikm.Workflow.Flows.Visits.Correction;

/// <summary>The answer to "Ubah waktu kunjungan menjadi …?".</summary>
public enum CorrectionChoice
{
    Save,
    Cancel,
}
