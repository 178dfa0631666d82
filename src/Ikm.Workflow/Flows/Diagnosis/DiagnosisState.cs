namespace Ikm.Workflow.Flows.Diagnosis;

public enum DiagnosisState
{
    Intro,
    Answering,
    Done,
}
