using System.Globalization;
using Ikm.Workflow.Documents;

namespace Ikm.Workflow.Audit;

/// <summary>What an audit record says was done. Stored by name: add at the end, never rename.</summary>
public enum AuditAction
{
    /// <summary>An action this version does not know (written by a newer one): the zero value, read as the fallback.</summary>
    Unknown,
    RoleChanged,
    InviteCreated,
    InviteUsed,
    InviteRevoked,
    MembershipApproved,
    MembershipRejected,
    Assigned,
    AssignmentEnded,
    CohortCreated,
    CohortEdited,
    VisitEdited,
    EvaluationEdited,
    QuestionnaireSwitched,
    Exported,
    Erased,
    DashboardSignIn,
    /// <summary>A coordinator's action on another cohort, refused by the server-side scope check.</summary>
    AccessRefused,
}

/// <summary>In which capacity the actor acted.</summary>
public enum AuditRole
{
    System,
    Owner,
    Mentor,
    Coordinator,
    /// <summary>A program-wide administrator: an id in Bot__Coordinators.</summary>
    Administrator,
}

/// <summary>
/// One append-only audit record: when, who (id and role), what, on which ids, and for an edit the field with its old
/// and new value. Never a name, phone, address or free text — ids, field names and codes only — so an erasure has
/// nothing to remove here and the trail stays whole. Written in the same commit as the action it records.
/// </summary>
[DocumentCollection("audit")]
public sealed class AuditEntry : IDocument
{
    public string Id { get; set; } = "";
    public long Version { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The cohort it concerns; "" for a program-wide action (a questionnaire switch, a dashboard sign-in).</summary>
    public string CohortId { get; set; } = "";
    /// <summary>The channel user id of who did it; 0 for the system.</summary>
    public long ActorUserId { get; set; }
    public AuditRole ActorRole { get; set; }
    public AuditAction Action { get; set; }
    /// <summary>What it was done to, as "kind:id" ("business:…", "user:…", "invite:…", "membership:…").</summary>
    public List<string> Targets { get; set; } = [];
    /// <summary>For an edit: the field's name or code ("max_ikm", "area:production").</summary>
    public string? Field { get; set; }
    /// <summary>For an edit of a coded or numeric field: the value before; null for free text (never stored here).</summary>
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }

    /// <summary>Index of a cohort's records; program-wide records use <see cref="ProgramWide"/>.</summary>
    public const string ProgramWide = "-";

    public IReadOnlyDictionary<string, string> Indexes() =>
        DocumentIndex.Of(DocumentIndex.Cohort(CohortId.Length == 0 ? ProgramWide : CohortId), new DocumentIndex("actor", ActorUserId.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// An id that sorts by time (UTC ticks, then a random suffix): a collection read in id order is in time order, so
    /// "the last 20 of a cohort" needs no other field, and two records of one instant never collide.
    /// </summary>
    public static string NewId(DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{at.UtcTicks:D19}-{Guid.NewGuid().ToString("N")[..8]}");

    public static string Target(string kind, object id) => string.Create(CultureInfo.InvariantCulture, $"{kind}:{id}");
}
