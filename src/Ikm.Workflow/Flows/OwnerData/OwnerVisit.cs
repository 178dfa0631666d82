using Ikm.Workflow.Members;
using Ikm.Workflow.Mentoring;

namespace Ikm.Workflow.Flows.OwnerData;

public sealed record OwnerVisit(
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    double? Hours,
    string Mentor,
    VisitStatus Status,
    string? Problem,
    string? Mentored,
    string? Result,
    string? NextStep,
    IReadOnlyList<string> Areas,
    int Photos);
