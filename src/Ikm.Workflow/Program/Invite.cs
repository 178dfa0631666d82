using Ikm.Workflow.Documents;
using Ikm.Workflow.Members;

namespace Ikm.Workflow.Program;

/// <summary>A single-use, expiring, role-bound invitation; its token (≥ 128 random bits, base64url) is the deep-link payload.</summary>
[DocumentCollection("invites")]
public sealed class Invite : IDocument
{
    public string Id { get; set; } = "";
    public long Version { get; set; }
    public string CohortId { get; set; } = "";
    public MemberRole Role { get; set; }
    public long CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public long? UsedBy { get; set; }
    public bool Revoked { get; set; }
    /// <summary>Who it is for, as the coordinator typed it ("Budi Santoso"); becomes the mentor's display name.</summary>
    public string Label { get; set; } = "";

    public IReadOnlyDictionary<string, string> Indexes() => new Dictionary<string, string> { ["cohort"] = CohortId };
}
