using Ikm.Workflow.Members;
using Ikm.Workflow.Mentoring;

namespace Ikm.Workflow.Flows.OwnerData;

public sealed record OwnerEvaluation(string Month, string Author, DateTimeOffset? CompletedAt, IReadOnlyList<AreaEvaluation> Areas);
