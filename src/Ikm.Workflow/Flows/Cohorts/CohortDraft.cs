using Ikm.Workflow.Flows.Questions;

namespace Ikm.Workflow.Flows.Cohorts;

/// <summary>The cohort form's answers, and the cohort they were taken from when one is being edited.</summary>
public sealed record CohortDraft
{
    public FormProgress Form { get; set; } = new();
    /// <summary>Absent while a new cohort is created.</summary>
    public string? EditedCohortId { get; set; }
}
