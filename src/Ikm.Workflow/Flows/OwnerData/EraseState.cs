namespace Ikm.Workflow.Flows.OwnerData;

public enum EraseState
{
    Idle,
    Confirming,
    Erased,
    Kept,
}
