using Ikm.Workflow.Audit;

namespace Ikm.Workflow.Ports;

/// <summary>
/// Audit records written outside a conversation turn (a dashboard sign-in, a job). Inside a turn, use
/// <see cref="AuditTrail.Record"/>: the record is staged with the action and committed in the same write.
/// </summary>
public interface IAuditLog
{
    /// <summary>Appends one record in its own commit.</summary>
    Task RecordAsync(AuditEntry entry, CancellationToken ct);

    /// <summary>A dashboard sign-in (the host calls this once per session it admits); no name, only the account's id.</summary>
    Task DashboardSignInAsync(string account, CancellationToken ct);
}
