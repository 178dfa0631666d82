using Ikm.Workflow.Documents;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Storage;

namespace Ikm.Workflow.Audit;

/// <summary><see cref="IAuditLog"/> on the bot's store: each record is one generic document, written alone.</summary>
public sealed class StoreAuditLog(IBotStore store, TimeProvider time) : IAuditLog
{
    public Task RecordAsync(AuditEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Id.Length == 0) entry.Id = AuditEntry.NewId(entry.At);
        return store.CommitAsync([new ChangeSet { Documents = [new DocumentChange(entry)] }], ct);
    }

    public Task DashboardSignInAsync(string account, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return RecordAsync(new AuditEntry
        {
            At = now,
            ActorRole = AuditRole.Administrator,
            Action = AuditAction.DashboardSignIn,
            Targets = [AuditEntry.Target("dashboard", account)],
        }, ct);
    }
}
