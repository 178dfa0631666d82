namespace Ikm.Workflow.Flows.Registration;

public enum RegistrationTrigger
{
    Begin,
    BeginEdit,
    Accept,
    Decline,
    Answered,
    Completed,
    Edit,
    Confirm,
    Back,
}
