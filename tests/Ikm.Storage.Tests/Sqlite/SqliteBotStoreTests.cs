using Ikm.Storage.Sqlite;
using Ikm.Storage.Tests.Support;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Storage;
using Microsoft.Data.Sqlite;

namespace Ikm.Storage.Tests.Sqlite;

public sealed class SqliteBotStoreTests : BotStoreContract
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ikm-storage-tests", Guid.NewGuid().ToString("N"));

    protected override bool CommitIsAtomic => true;

    private string DatabasePath => Path.Combine(_directory, "db", "ikm.db");

    protected override Task<IBotStore> CreateStoreAsync(TimeProvider time) =>
        Task.FromResult<IBotStore>(new SqliteBotStore(DatabasePath, time));

    protected override async Task DeleteStoreAsync(IBotStore store)
    {
        await ((SqliteBotStore)store).DisposeAsync();
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Initialize_CreatesTheFile_InWalModeWithFullSync()
    {
        Assert.True(File.Exists(DatabasePath));

        var (journalMode, synchronous) = await ((SqliteBotStore)Store).ReadWriterPragmasAsync(Ct);

        Assert.Equal("wal", journalMode);
        Assert.Equal(2, synchronous); // FULL
        await using var fresh = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await fresh.OpenAsync();
        await using var cmd = fresh.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await cmd.ExecuteScalarAsync()); // WAL is a property of the file, not of one connection
    }

    [Fact]
    public async Task Store_KeepsData_AcrossReopen()
    {
        var conversation = A.Conversation(77);
        conversation.Data["k"] = "v";
        await Store.CommitAsync([A.Changes(conversation, A.Message("m", 77))], Ct);
        await ((SqliteBotStore)Store).DisposeAsync();

        await using var reopened = new SqliteBotStore($"Data Source={DatabasePath}");
        await reopened.InitializeAsync(Ct);
        await reopened.CommitAsync([A.Changes(null, A.Message("n", 77))], Ct);

        var stored = await reopened.GetConversationAsync(77, Ct);
        Assert.Equal(("v", 1L), (stored!.Data["k"], stored.Version));
        var due = await reopened.GetDueOutboxAsync(A.T0.AddYears(1), 10, 10, Ct);
        Assert.Equal(["m", "n"], due.Select(e => e.Id));
        Assert.True(due[1].Sequence > due[0].Sequence);
    }

    [Fact]
    public async Task Initialize_ThrowsStoreUnavailable_WhenTheFileCannotBeOpened()
    {
        var blocked = Path.Combine(_directory, "is-a-directory.db");
        Directory.CreateDirectory(blocked);
        await using var store = new SqliteBotStore(blocked);

        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.InitializeAsync(Ct));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetConversationAsync(1, Ct));
        Assert.False(await store.PingAsync(Ct));
    }

    [Fact]
    public async Task Initialize_ThrowsStoreUnavailable_WhenTheDirectoryCannotBeCreated()
    {
        var file = Path.Combine(_directory, "plain-file");
        await File.WriteAllTextAsync(file, "x");
        await using var store = new SqliteBotStore(Path.Combine(file, "sub", "ikm.db"));

        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.InitializeAsync(Ct));
    }

    [Fact]
    public void Constructor_Rejects_InMemoryDatabase()
    {
        Assert.Throws<ArgumentException>(() => new SqliteBotStore("Data Source=:memory:"));
    }

    [Fact]
    public async Task DueOutboxQuery_UsesThePendingIndex()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN SELECT doc FROM outbox WHERE status = 0 AND (due_at IS NULL OR due_at <= 1) ORDER BY sequence LIMIT 10";
        await using var reader = await cmd.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await reader.ReadAsync())
            plan.Add(reader.GetString(3));

        Assert.Contains(plan, step => step.Contains("ix_outbox_pending", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DocumentIndexQuery_UsesTheValueIndex_InIdOrder()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            EXPLAIN QUERY PLAN SELECT d.doc, d.version FROM document_index i
            JOIN documents d ON d.collection = i.collection AND d.id = i.id
            WHERE i.collection = 'visits' AND i.name = 'mentor' AND i.value = '42' ORDER BY i.id
            """;
        await using var reader = await cmd.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await reader.ReadAsync())
            plan.Add(reader.GetString(3));

        Assert.Contains(plan, step => step.Contains("ix_document_index_value", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }
}
