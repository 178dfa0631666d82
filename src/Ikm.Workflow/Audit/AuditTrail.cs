using Ikm.Workflow.Engine;
using Ikm.Workflow.Members;

namespace Ikm.Workflow.Audit;

/// <summary>Records an action of the current turn: staged in the turn's <see cref="ChatWork"/>, committed with the action.</summary>
public static class AuditTrail
{
    /// <summary>The role the turn's user acts in: a configured id is a program-wide administrator.</summary>
    public static AuditRole RoleOf(TurnContext context) =>
        Mentoring.ProgramDirectory.IsAdministrator(context) ? AuditRole.Administrator
        : context.Member?.Role switch
        {
            MemberRole.Coordinator => AuditRole.Coordinator,
            MemberRole.Mentor => AuditRole.Mentor,
            MemberRole.Owner => AuditRole.Owner,
            _ => AuditRole.System,
        };

    /// <summary>
    /// A change of the turn user's own role, recorded when it grants or removes staff rights (mentor, coordinator). An
    /// owner joining is not recorded: it grants nothing over others, and their account id would outlive an erasure.
    /// </summary>
    public static void RecordRoleChange(TurnContext context, string cohortId, MemberRole from, MemberRole to)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (from == to || (IsStaff(from) is false && IsStaff(to) is false)) return;
        Record(context, AuditAction.RoleChanged, cohortId, [AuditEntry.Target("user", context.Message.UserId)], "role", from.ToString(), to.ToString());
    }

    private static bool IsStaff(MemberRole role) => role is MemberRole.Mentor or MemberRole.Coordinator;

    /// <param name="anonymousActor">For an owner's own action: recorded without their user id (see <see cref="AuditEntry"/>).</param>
    public static AuditEntry Record(
        TurnContext context,
        AuditAction action,
        string cohortId,
        IEnumerable<string> targets,
        string? field = null,
        string? oldValue = null,
        string? newValue = null,
        bool anonymousActor = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        var entry = new AuditEntry
        {
            Id = AuditEntry.NewId(context.Now),
            At = context.Now,
            CohortId = cohortId,
            // An owner's account id is personal data an erasure must be able to remove; the trail keeps "an owner".
            ActorUserId = anonymousActor ? 0 : context.Message.UserId,
            ActorRole = RoleOf(context),
            Action = action,
            Targets = [.. targets],
            Field = field,
            OldValue = oldValue,
            NewValue = newValue,
        };
        context.Work.Stage(entry);
        return entry;
    }
}
