using Ikm.Storage.Sqlite;
using Ikm.Storage.Tests.Support;
using Ikm.Workflow.Storage;
using Microsoft.Data.Sqlite;

namespace Ikm.Storage.Tests.Sqlite;

/// <summary>Issue 9: a deleted, replaced, emptied or locked database file is an outage — never a silent success.</summary>
public sealed class SqliteOutageTests : IAsyncDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ikm-storage-tests", Guid.NewGuid().ToString("N"));
    private readonly SqliteBotStore _store;

    public SqliteOutageTests() => _store = new SqliteBotStore(DatabasePath);

    private string DataDirectory => Path.Combine(_directory, "data");

    private string DatabasePath => Path.Combine(DataDirectory, "ikm.db");

    [Fact]
    public async Task CommitAsync_ThrowsStoreUnavailable_AndRecreatesNothing_WhenTheFileWasDeleted()
    {
        await _store.CommitAsync([A.Changes(A.Conversation(1))], Ct);

        File.Delete(DatabasePath);

        await Assert.ThrowsAsync<StoreUnavailableException>(() => _store.CommitAsync([A.Changes(A.Conversation(2))], Ct));
        Assert.False(await _store.PingAsync(Ct));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => _store.GetConversationAsync(1, Ct));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => _store.CommitAsync([A.Changes(A.Conversation(3))], Ct));
        Assert.False(File.Exists(DatabasePath));
    }

    [Fact]
    public async Task CommitAsync_ThrowsStoreUnavailable_WhenTheDataDirectoryWasRemoved()
    {
        await _store.CommitAsync([A.Changes(A.Conversation(1))], Ct);

        Directory.Delete(DataDirectory, recursive: true);

        await Assert.ThrowsAsync<StoreUnavailableException>(() => _store.CommitAsync([A.Changes(A.Conversation(2))], Ct));
        Assert.False(await _store.PingAsync(Ct));
        Assert.False(Directory.Exists(DataDirectory));
    }

    [Fact]
    public async Task Store_RefusesTheFile_WhenAnotherDatabaseWasPutAtItsPath()
    {
        await _store.CommitAsync([A.Changes(A.Conversation(1))], Ct);
        var otherPath = Path.Combine(_directory, "other", "ikm.db");
        await using (var other = new SqliteBotStore(otherPath))
            await other.CommitAsync([A.Changes(A.Conversation(99))], Ct);
        SqliteConnection.ClearAllPools();

        // As a careless restore would: the other file in place of ours, without our journal beside it.
        File.Move(otherPath, DatabasePath, overwrite: true);
        File.Delete(DatabasePath + "-wal");
        File.Delete(DatabasePath + "-shm");

        await Assert.ThrowsAsync<StoreUnavailableException>(() => _store.CommitAsync([A.Changes(A.Conversation(2))], Ct));
        Assert.False(await _store.PingAsync(Ct));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => _store.GetConversationAsync(99, Ct));
    }

    [Fact]
    public async Task CommitAsync_ThrowsStoreUnavailable_WhenATableIsGone()
    {
        await _store.CommitAsync([A.Changes(A.Conversation(1))], Ct);
        await ExecuteAsync("DROP TABLE conversations");

        await Assert.ThrowsAsync<StoreUnavailableException>(() => _store.CommitAsync([A.Changes(A.Conversation(2))], Ct));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => _store.GetConversationAsync(1, Ct));
    }

    [Fact]
    public async Task CommitAsync_FailsAsAnOutage_AndHealthRecovers_WhenAnotherConnectionHoldsTheWriteLock()
    {
        await _store.CommitAsync([A.Changes(A.Conversation(1))], Ct);
        await using var other = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await other.OpenAsync();
        await using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
        }

        await Assert.ThrowsAsync<StoreUnavailableException>(() => _store.CommitAsync([A.Changes(A.Conversation(2))], Ct));
        Assert.False(await _store.PingAsync(Ct));

        await using (var rollback = other.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }
        Assert.True(await _store.PingAsync(Ct));
        await _store.CommitAsync([A.Changes(A.Conversation(2))], Ct);
        Assert.NotNull(await _store.GetConversationAsync(2, Ct));
    }

    [Fact]
    public void BusyTimeout_IsFiveSeconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), SqliteBotStore.BusyTimeout);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }
}
