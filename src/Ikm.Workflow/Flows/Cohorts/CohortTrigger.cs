namespace Ikm.Workflow.Flows.Cohorts;

public enum CohortTrigger
{
    Begin,
    Answered,
    Completed,
}
