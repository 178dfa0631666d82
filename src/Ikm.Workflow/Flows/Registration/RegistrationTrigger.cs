namespace Ikm.Workflow.Flows.Registration;

public enum RegistrationTrigger
{
    Begin,
    BeginEdit,
    Resume,
    AnswerConsent,
    Completed,
    Edit,
    Confirm,
    Back,
}
