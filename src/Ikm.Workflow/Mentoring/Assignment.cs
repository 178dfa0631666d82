using System.Globalization;
using Ikm.Workflow.Documents;

namespace Ikm.Workflow.Mentoring;

/// <summary>An IKM (business) assigned to a mentor within a cohort. Reassignment ends it and starts another: history stays.</summary>
[DocumentCollection("assignments")]
public sealed class Assignment : IDocument
{
    public string Id { get; set; } = "";
    public long Version { get; set; }
    public string CohortId { get; set; } = "";
    public Guid BusinessId { get; set; }
    public long MentorUserId { get; set; }
    public long AssignedBy { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    public bool IsActive => EndedAt is null;

    public IReadOnlyDictionary<string, string> Indexes() =>
        DocumentIndex.Of(DocumentIndex.Cohort(CohortId), DocumentIndex.Business(BusinessId), DocumentIndex.Mentor(MentorUserId));
}

/// <summary>An owner's business admitted into a cohort (self-registered owners wait for a coordinator's approval).</summary>
[DocumentCollection("memberships")]
public sealed class CohortMembership : IDocument
{
    public string Id { get; set; } = "";
    public long Version { get; set; }
    public string CohortId { get; set; } = "";
    public Guid BusinessId { get; set; }
    public long OwnerUserId { get; set; }
    public MembershipStatus Status { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public long? DecidedBy { get; set; }
    /// <summary>When the owner erased their data and so left the program (status <see cref="MembershipStatus.Left"/>).</summary>
    public DateTimeOffset? LeftAt { get; set; }

    public IReadOnlyDictionary<string, string> Indexes() =>
        DocumentIndex.Of(DocumentIndex.Cohort(CohortId), DocumentIndex.Business(BusinessId), DocumentIndex.Owner(OwnerUserId));
}

public enum MembershipStatus
{
    Pending,
    Approved,
    Rejected,
    /// <summary>The owner erased their data (/hapusdata): the anonymous IKM is no longer mentored; its history stays.</summary>
    Left,
}
