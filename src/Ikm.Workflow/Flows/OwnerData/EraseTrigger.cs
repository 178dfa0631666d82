namespace Ikm.Workflow.Flows.OwnerData;

public enum EraseTrigger
{
    Ask,
    Confirm,
    Keep,
}

/// <summary>The two buttons of the confirmation.</summary>
public enum EraseChoice
{
    Yes,
    No,
}
