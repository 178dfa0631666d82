namespace Ikm.Workflow.Flows.Evaluations;

public enum EvaluationTrigger
{
    Begin,
    BeginSelf,
    Resume,
    FoundNoIkms,
    FoundNoPlan,
    ChooseIkm,
    AreaDone,
    AreaBack,
}
