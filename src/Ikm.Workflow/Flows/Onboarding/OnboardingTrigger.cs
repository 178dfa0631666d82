namespace Ikm.Workflow.Flows.Onboarding;

public enum OnboardingTrigger
{
    Begin,
    ChooseLanguage,
    ChooseRole,
    Back,
}
