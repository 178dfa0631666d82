namespace Ikm.Workflow.Flows.Diagnosis;

/// <summary>
/// The response being answered and the question asked. The answers themselves are in the owner's DiagnosisResponse
/// (a diagnosis stopped halfway is a document the program can see); only what the chat is in the middle of is here.
/// </summary>
public sealed record DiagnosisDraft
{
    public Guid? ResponseId { get; set; }
    public string? Current { get; set; }
    public Dictionary<string, List<string>> Selections { get; set; } = [];
}

/// <summary>The intro's buttons.</summary>
public enum DiagnosisChoice
{
    Resume,
    New,
    Result,
}
