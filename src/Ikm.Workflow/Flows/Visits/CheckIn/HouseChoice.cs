namespace Ikm.Workflow.Flows.Visits.CheckIn;

/// <summary>The answer to "use this location as the production house?".</summary>
public enum HouseChoice
{
    Yes,
    No,
}
