namespace Ikm.Workflow.Flows.Evaluations;

public enum EvaluationTrigger
{
    Begin,
    BeginSelf,
    IkmChosen,
    Scored,
    ScoredLastSelf,
    ScoredSelf,
    Answered,
    NextArea,
    Completed,
}
