using Ikm.Storage.Files;
using Microsoft.Data.Sqlite;

namespace Ikm.Storage.Sqlite;

/// <summary>
/// Backups of the SQLite store with SQLite's online backup API: one step copies a consistent snapshot while the bot
/// keeps writing (WAL readers never block the writer), so a backup needs no lock on the data directory. A restore
/// does: it replaces the database file and refuses while a bot runs on the directory.
/// </summary>
public static class SqliteBackup
{
    private const string PartialSuffix = ".partial";

    /// <summary>Writes a snapshot of <paramref name="databasePath"/> to <paramref name="target"/> (0600), replacing it at the end only.</summary>
    public static void Backup(string databasePath, string target)
    {
        var partial = target + PartialSuffix;
        Copy(databasePath, partial);
        File.Move(partial, target, overwrite: true);
    }

    /// <summary>
    /// Replaces the database of <paramref name="dataDirectory"/> by <paramref name="backupFile"/>: throws
    /// <see cref="DataDirectoryInUseException"/> while a bot runs there, <see cref="InvalidBackupException"/> when the file
    /// is not an Ikm.Bot database (nothing is touched then). The old database's -wal and -shm go before the new file
    /// takes its name: SQLite would otherwise replay the old log into the restored file.
    /// </summary>
    public static void Restore(string backupFile, string dataDirectory)
    {
        using var directoryLock = new DataDirectoryLock(dataDirectory);
        directoryLock.Acquire();
        Validate(backupFile);
        var database = Path.Combine(directoryLock.Directory, StorageServiceCollectionExtensions.SqliteFileName);
        var partial = database + PartialSuffix;
        Copy(backupFile, partial);
        File.Delete(database + "-wal");
        File.Delete(database + "-shm");
        File.Move(partial, database, overwrite: true);
    }

    /// <summary>An Ikm.Bot database: SQLite, intact, with the meta table's instance token and the outbox.</summary>
    public static void Validate(string file)
    {
        if (!File.Exists(file))
            throw new InvalidBackupException(file, "the file does not exist");
        try
        {
            using var connection = Open(file, SqliteOpenMode.ReadOnly);
            using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA quick_check";
            if (check.ExecuteScalar() as string != "ok")
                throw new InvalidBackupException(file, "SQLite's integrity check failed");
            using var meta = connection.CreateCommand();
            meta.CommandText = """
                SELECT (SELECT value FROM meta WHERE key = 'instance'),
                       (SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('conversations', 'outbox', 'documents'))
                """;
            using var reader = meta.ExecuteReader();
            if (!reader.Read() || reader.IsDBNull(0) || reader.GetInt64(1) != 3)
                throw new InvalidBackupException(file, "it has no Ikm.Bot instance token or tables");
        }
        catch (SqliteException ex)
        {
            throw new InvalidBackupException(file, $"SQLite error {ex.SqliteErrorCode}", ex);
        }
    }

    private static void Copy(string source, string destination)
    {
        File.Delete(destination);
        // Created 0600 before SQLite opens it: SQLite would create it with the umask's mode.
        PrivateFiles.Open(destination, FileMode.CreateNew).Dispose();
        using (var from = Open(source, SqliteOpenMode.ReadOnly))
        using (var to = Open(destination, SqliteOpenMode.ReadWrite))
        {
            from.BackupDatabase(to);
            // One self-contained file: no -wal beside the copy (the store switches it back to WAL when it opens it).
            using var journal = to.CreateCommand();
            journal.CommandText = "PRAGMA journal_mode = DELETE";
            journal.ExecuteNonQuery();
        }
    }

    private static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = (int)SqliteBotStore.BusyTimeout.TotalSeconds,
        }.ToString());
        connection.Open();
        return connection;
    }
}

/// <summary>A file offered for a restore that is not an Ikm.Bot database.</summary>
public sealed class InvalidBackupException(string file, string reason, Exception? inner = null)
    : Exception($"{file} is not an Ikm.Bot database: {reason}.", inner)
{
    /// <summary>EX_DATAERR.</summary>
    public const int ExitCode = 65;
}
