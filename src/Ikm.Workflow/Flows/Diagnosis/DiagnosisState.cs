namespace Ikm.Workflow.Flows.Diagnosis;

public enum DiagnosisState
{
    Idle,
    Intro,
    Answering,
    Completed,
    ResultShown,
    NotRegistered,
}
