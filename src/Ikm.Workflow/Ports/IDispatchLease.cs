namespace Ikm.Workflow.Ports;

/// <summary>
/// Telegram's limits are per bot token, so one dispatcher sends at a time however many instances run (DESIGN §11).
/// SQLite: the process lock on the data directory is the lease. MongoDB: a lease document with an owner and an
/// expiry, renewed while held; an instance without it sends nothing.
/// </summary>
public interface IDispatchLease
{
    /// <summary>True while this instance may send; takes or renews the lease when due. Cheap between renewals.</summary>
    ValueTask<bool> HoldsAsync(CancellationToken ct);
}
