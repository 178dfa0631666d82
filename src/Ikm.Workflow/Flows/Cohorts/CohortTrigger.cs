namespace Ikm.Workflow.Flows.Cohorts;

public enum CohortTrigger
{
    /// <summary>A coordinator with cohorts: choose one, or a new one.</summary>
    Begin,
    /// <summary>A coordinator with no cohort yet: the form at once.</summary>
    BeginNew,
    New,
    EditCohort,
    Completed,
    EditField,
    FieldAnswered,
    Save,
    /// <summary>The user is not (or no longer) a coordinator.</summary>
    NotCoordinator,
}
