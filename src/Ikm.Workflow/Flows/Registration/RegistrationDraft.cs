using Ikm.Workflow.Flows.Questions;

namespace Ikm.Workflow.Flows.Registration;

/// <summary>When the owner consented, the cohort's sentra offered and the registration answers so far (kept across /batal and restarts).</summary>
public sealed record RegistrationDraft
{
    /// <summary>The sentra list of the owner's cohort when the form began; null: the registration file's own list.</summary>
    public List<string>? Sentra { get; set; }

    public DateTimeOffset? ConsentedAt { get; set; }
    public FormProgress Form { get; set; } = new();
}

/// <summary>The summary card's own button; its field buttons carry the question id ("rg:edit:{question}").</summary>
public enum SummaryChoice
{
    Confirm,
}
