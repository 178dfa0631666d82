namespace Ikm.Workflow.Flows.Onboarding;

public enum OnboardingTrigger
{
    Begin,
    ChangeLanguage,
    ChooseLanguage,
    ChooseRole,
    Back,
}

/// <summary>What onboarding remembers between messages.</summary>
public sealed record OnboardingDraft
{
    /// <summary>/bahasa: only the language is being changed; after the choice, back to the menu.</summary>
    public bool LanguageOnly { get; set; }
}
