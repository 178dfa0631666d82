namespace Ikm.Workflow.Ports;

/// <summary>
/// A consistent copy of the whole store into one file, taken while the bot runs (the daily backup job). Only the
/// embedded SQLite store has it; MongoDB is backed up with mongodump.
/// </summary>
public interface IStoreBackup
{
    Task BackupToAsync(string file, CancellationToken ct);
}
