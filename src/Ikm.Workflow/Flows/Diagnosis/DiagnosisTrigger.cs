namespace Ikm.Workflow.Flows.Diagnosis;

public enum DiagnosisTrigger
{
    Begin,
    Resume,
    StartNew,
    Answered,
    Completed,
    Back,
}
