namespace Ikm.Workflow.Flows.Registration;

public enum RegistrationState
{
    Idle,
    Consent,
    Answering,
    Summary,
    Saved,
    Declined,
}
