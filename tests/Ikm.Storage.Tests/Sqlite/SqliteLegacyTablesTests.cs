using System.Text;
using Ikm.Storage.Sqlite;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Storage;
using Microsoft.Data.Sqlite;

namespace Ikm.Storage.Tests.Sqlite;

/// <summary>
/// A database file from before every aggregate was a document (businesses and diagnoses in tables of their own) comes
/// up with those rows as documents: copied at their versions, found by their indexes, the old tables dropped without a
/// trace left in the file, once, in one transaction.
/// </summary>
public sealed class SqliteLegacyTablesTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly Guid BusinessId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static readonly Guid AnonymousId = Guid.Parse("1f8fad5b-d9cb-469f-a165-70867728950e");
    private static readonly Guid DiagnosisId = Guid.Parse("2f8fad5b-d9cb-469f-a165-70867728950e");

    /// <summary>A field the old rows carry and no document writes: it must be gone from the file once they moved.</summary>
    private const string OldOnlyMarker = "LEGACY-ROW-MARKER-7Q";

    /// <summary>The schema as the store created it before the move (SqliteWriter.Schema of that version).</summary>
    private const string OldSchema = """

        CREATE TABLE IF NOT EXISTS conversations (
            id         INTEGER PRIMARY KEY,  -- chat id
            version    INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,     -- UTC ticks
            doc        TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS members (
            id          INTEGER PRIMARY KEY, -- user id
            version     INTEGER NOT NULL,
            chat_id     INTEGER NOT NULL,
            role        TEXT NOT NULL,
            unreachable INTEGER NOT NULL,
            doc         TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_members_chat_id ON members (chat_id);
        CREATE TABLE IF NOT EXISTS outbox (
            sequence   INTEGER PRIMARY KEY,  -- order of creation
            id         TEXT NOT NULL UNIQUE, -- the message's deterministic id
            chat_id    INTEGER NOT NULL,
            status     INTEGER NOT NULL,
            due_at     INTEGER,              -- UTC ticks; null = as soon as possible
            created_at INTEGER NOT NULL,     -- UTC ticks
            doc        TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_outbox_pending ON outbox (sequence, due_at) WHERE status = 0;
        CREATE INDEX IF NOT EXISTS ix_outbox_chat_id ON outbox (chat_id, sequence);
        CREATE TABLE IF NOT EXISTS failed_updates (
            update_id INTEGER NOT NULL,
            chat_id   INTEGER NOT NULL,
            at        INTEGER NOT NULL,      -- UTC ticks
            doc       TEXT NOT NULL,
            PRIMARY KEY (update_id, chat_id)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS businesses (
            id            TEXT PRIMARY KEY,  -- Guid, "D" format, lower case
            owner_user_id INTEGER NOT NULL,  -- 0 once the owner erased their data
            version       INTEGER NOT NULL,
            doc           TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_businesses_owner_user_id ON businesses (owner_user_id);
        CREATE TABLE IF NOT EXISTS diagnoses (
            id            TEXT PRIMARY KEY,  -- Guid, "D" format, lower case
            owner_user_id INTEGER NOT NULL,  -- 0 once the owner erased their data
            version       INTEGER NOT NULL,
            status        TEXT NOT NULL,
            started_at    INTEGER NOT NULL,  -- UTC ticks
            doc           TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_diagnoses_owner_user_id ON diagnoses (owner_user_id, started_at);
        CREATE TABLE IF NOT EXISTS documents (   -- every generic document type (DocumentTypes.All)
            collection TEXT NOT NULL,            -- its [DocumentCollection] name
            id         TEXT NOT NULL,
            version    INTEGER NOT NULL,
            doc        TEXT NOT NULL,
            PRIMARY KEY (collection, id)
        );
        CREATE TABLE IF NOT EXISTS document_index ( -- IDocument.Indexes(), rewritten on every upsert
            collection TEXT NOT NULL,
            name       TEXT NOT NULL,
            value      TEXT NOT NULL,
            id         TEXT NOT NULL,
            PRIMARY KEY (collection, id, name)
        ) WITHOUT ROWID;
        -- Ends with id: a lookup by value reads its matches already in id order.
        CREATE INDEX IF NOT EXISTS ix_document_index_value ON document_index (collection, name, value, id);
        CREATE TABLE IF NOT EXISTS meta (         -- facts about this database file
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        -- Tells this file from a replacement put at its path while the bot runs (SqliteBotStore reopens by path).
        INSERT INTO meta (key, value) VALUES ('instance', lower(hex(randomblob(16)))) ON CONFLICT (key) DO NOTHING;
        """;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ikm-legacy-tests", Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_directory, "ikm.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Open_MovesTheOldRowsToDocuments_AtTheirVersions_FoundByTheirIndexes()
    {
        WriteOldDatabase();

        await using var store = new SqliteBotStore(DatabasePath);
        await store.InitializeAsync(Ct);

        var business = await store.GetBusinessByOwnerAsync(100, Ct);
        Assert.NotNull(business);
        Assert.Equal((BusinessId, 3L, "Bakpia Bu Siti", "+6281234567890", 12_500_000.50m), (business.Id, business.Version, business.BusinessName, business.Phone, business.MonthlyTurnover));
        Assert.Equal(["NIB", "PIRT"], business.Legality);
        Assert.Equal(new ConsentRecord("2025.1", new DateTimeOffset(2025, 3, 3, 1, 25, 15, TimeSpan.Zero)), business.Consent);
        Assert.Equal([BusinessId, AnonymousId], (await store.GetBusinessesAsync(Ct)).Select(b => b.Id));
        Assert.Null(await store.GetBusinessByOwnerAsync(0, Ct));

        var diagnosis = Assert.Single(await store.GetDiagnosesByOwnerAsync(100, Ct));
        Assert.Equal((DiagnosisId, 2L, DiagnosisStatus.InProgress, "1500000"), (diagnosis.Id, diagnosis.Version, diagnosis.Status, diagnosis.Answers["omzet"]));
        Assert.Equal([DiagnosisId], (await store.FindAsync<DiagnosisResponse>(DocumentIndex.Business(BusinessId), Ct)).Select(d => d.Id));
        Assert.Equal([DiagnosisId], (await store.GetAbandonedDiagnosesAsync(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero), 10, Ct)).Select(d => d.Id));

        // The version read is the stored one: a write from it succeeds, a write from an older one conflicts.
        business.Phone = "+6280000000000";
        await store.CommitAsync([new ChangeSet { Documents = [new(business)] }], Ct);
        Assert.Equal(4, business.Version);
        var stale = (await store.GetBusinessByOwnerAsync(100, Ct))!;
        stale.Version = 3;
        await Assert.ThrowsAsync<ConcurrencyException>(() => store.CommitAsync([new ChangeSet { Documents = [new(stale)] }], Ct));
    }

    [Fact]
    public async Task Open_DropsTheOldTables_AndLeavesNoCopyOfTheirRowsInTheFile()
    {
        WriteOldDatabase();

        await using (var store = new SqliteBotStore(DatabasePath))
        {
            await store.InitializeAsync(Ct);
            Assert.Empty(Tables().Intersect(["businesses", "diagnoses"]));
            Assert.NotNull(await store.GetBusinessByOwnerAsync(100, Ct));
        }

        foreach (var file in new[] { DatabasePath, DatabasePath + "-wal" }.Where(File.Exists))
            Assert.DoesNotContain(OldOnlyMarker, Encoding.UTF8.GetString(File.ReadAllBytes(file)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_AgainAfterTheMove_FindsEveryDocumentOnce()
    {
        WriteOldDatabase();
        await using (var first = new SqliteBotStore(DatabasePath))
            await first.InitializeAsync(Ct);

        await using var second = new SqliteBotStore(DatabasePath);
        await second.InitializeAsync(Ct);

        Assert.Equal(2, (await second.GetBusinessesAsync(Ct)).Count);
        Assert.Single(await second.GetDiagnosesByOwnerAsync(100, Ct));
        Assert.Equal(4, Count("SELECT COUNT(*) FROM documents WHERE collection IN ('businesses', 'diagnoses')"));
    }

    [Fact]
    public async Task Open_MovesNothing_WhenOneOldRowCannotBeRead_AndKeepsTheOldTables()
    {
        WriteOldDatabase(("diagnoses", "3f8fad5b-d9cb-469f-a165-70867728950e", 1, "null"));

        await using (var store = new SqliteBotStore(DatabasePath))
            await Assert.ThrowsAnyAsync<Exception>(() => store.InitializeAsync(Ct));

        Assert.Equal(2, Count("SELECT COUNT(*) FROM businesses"));
        Assert.Equal(3, Count("SELECT COUNT(*) FROM diagnoses"));
        Assert.Equal(0, Count("SELECT COUNT(*) FROM documents"));
    }

    /// <summary>An old file: the old schema and rows as the old store wrote them (camelCase JSON, enums by name).</summary>
    private void WriteOldDatabase(params (string Table, string Id, long Version, string Doc)[] extra)
    {
        Directory.CreateDirectory(_directory);
        using var connection = Open();
        Execute(connection, OldSchema);
        InsertBusiness(connection, BusinessId, 100, 3, $$"""
            {"id":"{{BusinessId}}","ownerUserId":100,"version":3,"ownerName":"Siti Aminah","businessName":"Bakpia Bu Siti","products":"Bakpia","commodity":"makanan","kecamatan":"Kotagede","kelurahan":"Prenggan","location":{"latitude":-7.82912,"longitude":110.40123},"phone":"+6281234567890","workers":4,"monthlyTurnover":12500000.50,"legality":["NIB","PIRT"],"keepsBooks":true,"hasBankAccount":true,"hadBankCredit":false,"consent":{"textVersion":"2025.1","acceptedAt":"2025-03-03T01:25:15+00:00"},"registeredAt":"2025-03-03T01:30:15+00:00","updatedAt":"2025-03-03T01:30:15+00:00","anonymised":false,"legacyNote":"{{OldOnlyMarker}}"}
            """);
        InsertBusiness(connection, AnonymousId, 0, 5, $$"""
            {"id":"{{AnonymousId}}","ownerUserId":0,"version":5,"commodity":"minuman","kecamatan":"Umbulharjo","workers":2,"monthlyTurnover":3000000,"legality":[],"keepsBooks":false,"hasBankAccount":false,"registeredAt":"2025-01-03T01:30:15+00:00","updatedAt":"2025-02-03T01:30:15+00:00","anonymised":true}
            """);
        InsertDiagnosis(connection, DiagnosisId, 100, 2, "InProgress", $$"""
            {"id":"{{DiagnosisId}}","ownerUserId":100,"businessId":"{{BusinessId}}","questionnaireId":"diagnosis","questionnaireVersion":"2025.1","status":"InProgress","answers":{"omzet":"1500000"},"startedAt":"2025-03-03T01:30:15+00:00","lastAnsweredAt":"2025-03-03T01:33:15+00:00","areaScores":{},"weakestAreas":[],"version":2,"legacyNote":"{{OldOnlyMarker}}"}
            """);
        InsertDiagnosis(connection, Guid.Parse("4f8fad5b-d9cb-469f-a165-70867728950e"), 0, 1, "Completed", """
            {"id":"4f8fad5b-d9cb-469f-a165-70867728950e","ownerUserId":0,"businessId":"1f8fad5b-d9cb-469f-a165-70867728950e","questionnaireId":"diagnosis","questionnaireVersion":"2025.1","status":"Completed","answers":{},"startedAt":"2025-01-03T01:30:15+00:00","lastAnsweredAt":"2025-01-03T01:40:15+00:00","completedAt":"2025-01-03T01:40:15+00:00","areaScores":{"keuangan":2.5},"weakestAreas":["keuangan"],"version":1}
            """);
        foreach (var (table, id, version, doc) in extra)
        {
            if (table == "diagnoses")
                InsertDiagnosis(connection, Guid.Parse(id), 100, version, "InProgress", doc);
        }
    }

    private static void InsertBusiness(SqliteConnection connection, Guid id, long owner, long version, string doc) =>
        Execute(connection, "INSERT INTO businesses (id, owner_user_id, version, doc) VALUES (@id, @owner, @version, @doc)",
            ("@id", id.ToString()), ("@owner", owner), ("@version", version), ("@doc", doc.Trim()));

    private static void InsertDiagnosis(SqliteConnection connection, Guid id, long owner, long version, string status, string doc) =>
        Execute(connection, """
            INSERT INTO diagnoses (id, owner_user_id, version, status, started_at, doc)
            VALUES (@id, @owner, @version, @status, @started, @doc)
            """, ("@id", id.ToString()), ("@owner", owner), ("@version", version), ("@status", status),
            ("@started", new DateTimeOffset(2025, 3, 3, 1, 30, 15, TimeSpan.Zero).UtcTicks), ("@doc", doc.Trim()));

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        return connection;
    }

    private List<string> Tables()
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        using var reader = cmd.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
            names.Add(reader.GetString(0));
        return names;
    }

    private long Count(string sql)
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return (long)cmd.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
            cmd.Parameters.AddWithValue(name, value);
        cmd.ExecuteNonQuery();
    }
}
