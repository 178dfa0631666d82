using System.Security.Cryptography;
using System.Text;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Members;

namespace Ikm.Workflow.Mentoring;

/// <summary>
/// A single-use, expiring, role-bound invitation. Its token (≥ 128 random bits, base64url) is the deep-link payload
/// and is never stored: the record's id is the token's SHA-256 (<see cref="IdFor"/>), so a copy of the store or a
/// backup cannot be used to join.
/// </summary>
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

    /// <summary>The record id of a token: SHA-256 of its UTF-8 bytes, lowercase hex (64 characters).</summary>
    public static string IdFor(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public IReadOnlyDictionary<string, string> Indexes() => DocumentIndex.Of(DocumentIndex.Cohort(CohortId));
}
