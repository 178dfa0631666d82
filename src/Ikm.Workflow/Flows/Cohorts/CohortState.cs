namespace Ikm.Workflow.Flows.Cohorts;

public enum CohortState
{
    Idle,
    /// <summary>The coordinator's cohorts, each to edit, and a new one.</summary>
    Choosing,
    /// <summary>The cohort form, question by question, for a new cohort.</summary>
    Answering,
    /// <summary>A stored cohort's fields, each with ✏️, and Save.</summary>
    Summary,
    /// <summary>One field of the summary asked again.</summary>
    EditingField,
    Created,
    Saved,
    CoordinatorsOnly,
}
