namespace Ikm.Scheduler.Jobs;

/// <summary>The daily backup, bound from the "Backup" section (Backup__Keep, Backup__Directory).</summary>
public sealed class BackupOptions
{
    /// <summary>How many daily backups stay; older ones are deleted after each new one.</summary>
    public int Keep { get; init; } = 7;

    /// <summary>Where backups go; null: <c>{DataDirectory}/backups</c>.</summary>
    public string? Directory { get; init; }
}
