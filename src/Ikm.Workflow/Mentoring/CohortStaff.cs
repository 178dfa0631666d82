using System.Globalization;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Members;

namespace Ikm.Workflow.Mentoring;

/// <summary>A mentor or coordinator of a cohort, with the name the coordinator gave in the invite.</summary>
[DocumentCollection("staff")]
public sealed class CohortStaff : IDocument
{
    public string Id { get; set; } = "";
    public long Version { get; set; }
    public string CohortId { get; set; } = "";
    public long UserId { get; set; }
    public MemberRole Role { get; set; }
    public string DisplayName { get; set; } = "";
    public DateTimeOffset JoinedAt { get; set; }

    public static string IdFor(string cohortId, long userId) => $"{cohortId}:{userId.ToString(CultureInfo.InvariantCulture)}";

    public IReadOnlyDictionary<string, string> Indexes() => DocumentIndex.Of(DocumentIndex.Cohort(CohortId), DocumentIndex.User(UserId));
}
