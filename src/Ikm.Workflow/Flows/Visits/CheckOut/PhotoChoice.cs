namespace Ikm.Workflow.Flows.Visits.CheckOut;

public enum PhotoChoice
{
    Done,
}
