namespace Ikm.Workflow.Flows.Registration;

public enum RegistrationState
{
    Consent,
    Answering,
    Summary,
    Done,
}
