namespace Ikm.Workflow.Flows.OwnerData;

public enum EraseState
{
    Confirming,
    Done,
}
