namespace Ikm.Workflow.Flows.Registration;

public enum RegistrationTrigger
{
    Begin,
    BeginEdit,
    Accept,
    Decline,
    Completed,
    Edit,
    Confirm,
    Back,
}
