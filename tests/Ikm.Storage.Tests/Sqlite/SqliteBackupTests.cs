using Ikm.Storage.Files;
using Ikm.Storage.Sqlite;
using Ikm.Storage.Tests.Support;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Storage;
using Microsoft.Data.Sqlite;

namespace Ikm.Storage.Tests.Sqlite;

/// <summary>Issue 9 item 9: online backups of the SQLite store, and restores that refuse what they must not replace.</summary>
public sealed class SqliteBackupTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ikm-backup-").FullName;

    private string Data => Path.Combine(_root, "data");
    private string Database => Path.Combine(Data, StorageServiceCollectionExtensions.SqliteFileName);

    [Fact]
    public async Task Backup_UnderLoad_HoldsEveryConversationDocumentAndOutboxRowCommittedBeforeItStarted()
    {
        var committed = 0;
        int before, after;
        var backupFile = Path.Combine(_root, "backup.db");
        await using (var store = new SqliteBotStore(Database))
        {
            await store.InitializeAsync(CancellationToken.None);
            using var stop = new CancellationTokenSource();
            var writer = Task.Run(async () =>
            {
                for (var i = 1; !stop.IsCancellationRequested && i <= 100_000; i++)
                {
                    await store.CommitAsync([Commit(i)], CancellationToken.None);
                    Volatile.Write(ref committed, i);
                }
            });
            while (Volatile.Read(ref committed) < 300 && !writer.IsCompleted)
                await Task.Delay(5);

            before = Volatile.Read(ref committed);
            await store.BackupToAsync(backupFile, CancellationToken.None);
            // Writing went on during the backup, then stops.
            while (Volatile.Read(ref committed) < before + 50 && !writer.IsCompleted)
                await Task.Delay(5);
            await stop.CancelAsync();
            await writer;
            after = Volatile.Read(ref committed);
        }

        Assert.True(after > before, "the writer must keep committing while the backup runs");
        var fresh = Path.Combine(_root, "fresh");
        SqliteBackup.Restore(backupFile, fresh);
        await using var restored = new SqliteBotStore(Path.Combine(fresh, StorageServiceCollectionExtensions.SqliteFileName));
        await restored.InitializeAsync(CancellationToken.None);
        var conversations = await restored.GetConversationsAsync([.. Enumerable.Range(1, after).Select(i => (long)i)], CancellationToken.None);
        var visits = (await restored.AllAsync<Visit>(CancellationToken.None)).Select(v => v.Id).ToHashSet();
        Assert.True(conversations.Count >= before, $"{conversations.Count} conversations restored, {before} committed before the backup");
        foreach (var i in Enumerable.Range(1, conversations.Count))
        {
            // Every commit up to the snapshot whole: its conversation, its document and its outbox row.
            Assert.True(conversations.ContainsKey(i), $"conversation {i} missing");
            Assert.Contains($"visit-{i}", visits);
            Assert.NotNull(await restored.GetOutboxEntryAsync($"m:{i}", CancellationToken.None));
        }
        Assert.Equal(conversations.Count, visits.Count);
    }

    [Fact]
    public async Task Restore_Refuses_WhileABotHoldsTheDataDirectory_AndLeavesTheDatabaseAlone()
    {
        var backupFile = await BackupWithOneCommitAsync();
        await using (var running = new SqliteBotStore(Database))
        {
            await running.InitializeAsync(CancellationToken.None);
            await running.CommitAsync([Commit(2)], CancellationToken.None);
        }
        using var bot = new DataDirectoryLock(Data);
        bot.Acquire();

        var refused = Assert.Throws<DataDirectoryInUseException>(() => SqliteBackup.Restore(backupFile, Data));

        Assert.Equal(Environment.ProcessId, refused.ProcessId);
        await using var store = new SqliteBotStore(Database);
        Assert.NotNull(await store.GetConversationAsync(2, CancellationToken.None));
    }

    [Fact]
    public async Task Restore_Refuses_AFileThatIsNotAnIkmBotDatabase()
    {
        await BackupWithOneCommitAsync();
        var text = Path.Combine(_root, "notes.txt");
        await File.WriteAllTextAsync(text, "bukan database");
        var otherSqlite = Path.Combine(_root, "other.db");
        await using (var connection = new SqliteConnection($"Data Source={otherSqlite};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE conversations (id INTEGER PRIMARY KEY)";
            await create.ExecuteNonQueryAsync();
        }

        Assert.Throws<InvalidBackupException>(() => SqliteBackup.Restore(text, Data));
        Assert.Throws<InvalidBackupException>(() => SqliteBackup.Restore(otherSqlite, Data));
        Assert.Throws<InvalidBackupException>(() => SqliteBackup.Restore(Path.Combine(_root, "missing.db"), Data));
        await using var store = new SqliteBotStore(Database);
        Assert.NotNull(await store.GetConversationAsync(1, CancellationToken.None));
    }

    [Fact]
    public async Task Restore_ReplacesTheDatabase_AndDropsTheOldWalAndShm()
    {
        var backupFile = await BackupWithOneCommitAsync();
        await using (var later = new SqliteBotStore(Database))
        {
            await later.InitializeAsync(CancellationToken.None);
            await later.CommitAsync([Commit(2)], CancellationToken.None);
        }
        // A bot killed with its last commits still in the log: its -wal and -shm stay beside the file.
        await File.WriteAllBytesAsync(Database + "-wal", new byte[4096]);
        await File.WriteAllBytesAsync(Database + "-shm", new byte[4096]);

        SqliteBackup.Restore(backupFile, Data);

        Assert.False(File.Exists(Database + "-wal"));
        Assert.False(File.Exists(Database + "-shm"));
        await using var store = new SqliteBotStore(Database);
        await store.InitializeAsync(CancellationToken.None);
        Assert.NotNull(await store.GetConversationAsync(1, CancellationToken.None));
        Assert.Null(await store.GetConversationAsync(2, CancellationToken.None));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task<string> BackupWithOneCommitAsync()
    {
        var backupFile = Path.Combine(_root, "backup.db");
        await using var store = new SqliteBotStore(Database);
        await store.InitializeAsync(CancellationToken.None);
        await store.CommitAsync([Commit(1)], CancellationToken.None);
        await store.BackupToAsync(backupFile, CancellationToken.None);
        return backupFile;
    }

    private static ChangeSet Commit(int i) => new()
    {
        Conversation = A.Conversation(i),
        Outgoing = [A.Message($"m:{i}", i)],
        Documents = [new DocumentChange(Documents.Filled<Visit>(i, $"visit-{i}"))],
    };
}
