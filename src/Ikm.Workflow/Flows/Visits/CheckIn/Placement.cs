using Ikm.Workflow.Messaging;

namespace Ikm.Workflow.Flows.Visits.CheckIn;

/// <summary>
/// The mentor's location against the production house, as the cohort's visit rules judged it:
/// <see cref="DistanceMeters"/> is null when the house has no location yet.
/// </summary>
public sealed record Placement(GeoPoint Point, double? DistanceMeters, bool Far, double LimitMeters)
{
    public bool HouseUnknown => DistanceMeters is null;
    public bool Near => DistanceMeters is not null && !Far;
}
