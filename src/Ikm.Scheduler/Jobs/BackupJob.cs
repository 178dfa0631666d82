using System.Globalization;
using Hangfire;
using Ikm.Storage;
using Ikm.Storage.Files;
using Ikm.Workflow.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ikm.Scheduler.Jobs;

/// <summary>
/// The daily backup of the embedded store: a consistent copy taken while the bot runs, named by its UTC time
/// (ikm-20261202T020000Z.db, so names sort by age), then all but the newest <see cref="BackupOptions.Keep"/> deleted.
/// Registered only when the store can back itself up (SQLite); MongoDB is mongodump's.
/// </summary>
[AutomaticRetry(Attempts = 2)]
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed class BackupJob(IStoreBackup backup, IOptions<StorageOptions> storage, IOptions<BackupOptions> options, TimeProvider time, ILogger<BackupJob> log)
{
    public const string RecurringId = "backup";
    public const string FolderName = "backups";
    private const string Prefix = "ikm-";
    private const string Extension = ".db";

    public string Directory => options.Value.Directory is { Length: > 0 } configured
        ? configured
        : Path.Combine(storage.Value.DataDirectory, FolderName);

    public async Task RunAsync(CancellationToken ct)
    {
        var directory = PrivateFiles.CreateDirectory(Directory).FullName;
        var name = Prefix + time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + Extension;
        await backup.BackupToAsync(Path.Combine(directory, name), ct);
        var removed = Prune(directory, Math.Max(1, options.Value.Keep));
        log.LogInformation("Backup {Name} written; {Removed} older backups removed", name, removed);
    }

    /// <summary>Deletes this job's backups beyond the newest <paramref name="keep"/>; other files in the folder stay.</summary>
    private static int Prune(string directory, int keep)
    {
        var old = System.IO.Directory.EnumerateFiles(directory, Prefix + "*" + Extension)
            .OrderByDescending(Path.GetFileName, StringComparer.Ordinal)
            .Skip(keep)
            .ToList();
        foreach (var file in old)
            File.Delete(file);
        return old.Count;
    }
}
