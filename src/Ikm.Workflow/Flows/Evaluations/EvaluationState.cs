namespace Ikm.Workflow.Flows.Evaluations;

public enum EvaluationState
{
    ChoosingIkm,
    Score,
    Problem,
    Mentored,
    Result,
    Done,
}
