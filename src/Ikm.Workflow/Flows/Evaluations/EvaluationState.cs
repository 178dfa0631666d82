namespace Ikm.Workflow.Flows.Evaluations;

public enum EvaluationState
{
    Idle,
    ChoosingIkm,
    /// <summary>The questions of evaluation.yaml for one area of the plan; entered again for each next area.</summary>
    Area,
    Saved,
    NothingAssigned,
    NothingToEvaluate,
    NoPlan,
}
