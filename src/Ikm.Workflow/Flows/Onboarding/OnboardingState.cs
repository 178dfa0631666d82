namespace Ikm.Workflow.Flows.Onboarding;

public enum OnboardingState
{
    Welcome,
    ChoosingLanguage,
    ChoosingRole,
    LanguageChanged,
    Joined,
}
