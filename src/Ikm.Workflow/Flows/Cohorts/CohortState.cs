namespace Ikm.Workflow.Flows.Cohorts;

public enum CohortState
{
    Choosing,
    Answering,
    Summary,
    Done,
}
