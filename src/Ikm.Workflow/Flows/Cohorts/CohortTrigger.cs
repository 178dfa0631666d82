namespace Ikm.Workflow.Flows.Cohorts;

public enum CohortTrigger
{
    Begin,
    New,
    EditCohort,
    Completed,
    EditField,
    FieldAnswered,
    Save,
}
