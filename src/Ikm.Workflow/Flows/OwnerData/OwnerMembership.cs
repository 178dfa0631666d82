using Ikm.Workflow.Members;
using Ikm.Workflow.Mentoring;

namespace Ikm.Workflow.Flows.OwnerData;

public sealed record OwnerMembership(string CohortId, string Cohort, MembershipStatus Status, DateTimeOffset RequestedAt, DateTimeOffset? DecidedAt);
