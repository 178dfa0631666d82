namespace Ikm.Workflow.Flows.Diagnosis;

public enum DiagnosisTrigger
{
    Begin,
    FoundNoBusiness,
    Resume,
    StartNew,
    ShowResult,
    /// <summary>The response being answered is no longer in progress (completed elsewhere, erased): the intro again.</summary>
    ResponseGone,
    Completed,
}
