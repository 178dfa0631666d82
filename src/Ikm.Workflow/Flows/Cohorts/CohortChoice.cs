namespace Ikm.Workflow.Flows.Cohorts;

/// <summary>The cohort flow's fixed buttons ("ch:new", "ch:save"); a cohort or a field is named in the button's payload.</summary>
public enum CohortChoice
{
    New,
    Save,
}
