using Ikm.Workflow.Engine;
using Ikm.Workflow.Members;

namespace Ikm.Workflow.Audit;

/// <summary>Records an action of the current turn: staged in the turn's <see cref="ChatWork"/>, committed with the action.</summary>
public static class AuditTrail
{
    /// <summary>The role the turn's user acts in: a configured id is a program-wide administrator.</summary>
    public static AuditRole RoleOf(TurnContext context) =>
        context.Options.CoordinatorIds.Contains(context.Message.UserId) ? AuditRole.Administrator
        : context.Member?.Role switch
        {
            MemberRole.Coordinator => AuditRole.Coordinator,
            MemberRole.Mentor => AuditRole.Mentor,
            MemberRole.Owner => AuditRole.Owner,
            _ => AuditRole.System,
        };

    public static AuditEntry Record(
        TurnContext context,
        AuditAction action,
        string cohortId,
        IEnumerable<string> targets,
        string? field = null,
        string? oldValue = null,
        string? newValue = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var entry = new AuditEntry
        {
            Id = AuditEntry.NewId(context.Now),
            At = context.Now,
            CohortId = cohortId,
            ActorUserId = context.Message.UserId,
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
