namespace Ikm.Workflow.Flows.Cohorts;

public enum CohortState
{
    Answering,
    Done,
}
