namespace Ikm.Workflow.Flows.OwnerData;

public enum EraseTrigger
{
    Ask,
    Confirm,
    Keep,
}
