using Ikm.Storage.Sqlite;
using Ikm.Storage.Tests.Support;
using Ikm.Workflow.Members;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Ikm.Storage.Tests.Sqlite;

/// <summary>Stored rows another version wrote (unknown enum values, missing or extra fields) are read, never thrown on.</summary>
public sealed class SqliteToleranceTests : IAsyncDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ikm-storage-tests", Guid.NewGuid().ToString("N"));
    private readonly ListLogger<SqliteBotStore> _log = new();
    private readonly SqliteBotStore _store;

    public SqliteToleranceTests() => _store = new SqliteBotStore(Path.Combine(_directory, "ikm.db"), log: _log);

    [Fact]
    public async Task GetMembersAsync_ReadsAnUnknownRoleAsNone_AndTheOtherMembersAsStored()
    {
        await _store.CommitAsync([new ChangeSet { Members = [A.Member(2, 2, MemberRole.Mentor)] }], Ct);
        await ExecuteAsync("""
            INSERT INTO members (id, version, chat_id, role, unreachable, doc)
            VALUES (1, 3, 1, 'Auditor', 0, '{"userId":1,"chatId":1,"role":"Auditor","language":"en","version":3,"joinedAt":"2025-03-03T01:30:15+00:00","auditScope":"all"}')
            """);

        var members = await _store.GetMembersAsync([1, 2], Ct);
        var single = await _store.GetMemberAsync(1, Ct);

        Assert.Equal((MemberRole.None, "en", 3L), (members[1].Role, members[1].Language, members[1].Version));
        Assert.Equal(MemberRole.Mentor, members[2].Role);
        Assert.Equal(MemberRole.None, single!.Role);
        // One warning per read that met the row, naming ids and types, never the stored value.
        var warnings = _log.Lines.Where(l => l.Level == LogLevel.Warning).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Contains("Member 1 holds a MemberRole value", w.Text, StringComparison.Ordinal));
        Assert.All(warnings, w => Assert.DoesNotContain("Auditor", w.Text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("7")]
    [InlineData("null")]
    [InlineData("{\"name\":\"Auditor\"}")]
    public async Task GetMemberAsync_ReadsANumberOrNullOrObjectRoleAsNone(string role)
    {
        await ExecuteAsync($$"""
            INSERT INTO members (id, version, chat_id, role, unreachable, doc)
            VALUES (5, 1, 5, 'x', 0, '{"userId":5,"chatId":5,"role":{{role}},"version":1}')
            """);

        var member = await _store.GetMemberAsync(5, Ct);

        Assert.Equal(MemberRole.None, member!.Role);
    }

    [Fact]
    public async Task GetMemberAsync_KeepsDefaults_WhenFieldsAreMissing()
    {
        await ExecuteAsync("""
            INSERT INTO members (id, version, chat_id, role, unreachable, doc) VALUES (4, 1, 4, '', 0, '{"userId":4}')
            """);

        var member = await _store.GetMemberAsync(4, Ct);

        Assert.Equal((4L, MemberRole.None, "id", false), (member!.UserId, member.Role, member.Language, member.Unreachable));
    }

    [Fact]
    public async Task GetAsync_ReadsAnUnknownVisitStatusAsCompleted_AndKeepsTheKnownFlags()
    {
        var visit = Documents.Filled<Visit>(1);
        visit.Status = VisitStatus.CheckedIn;
        await _store.CommitAsync([new ChangeSet { Documents = [new Ikm.Workflow.Documents.DocumentChange(visit)] }], Ct);
        await ExecuteAsync("""
            UPDATE documents SET doc = json_set(doc, '$.status', 'Cancelled', '$.flags', 'Retro, Teleported')
            WHERE collection = 'visits'
            """);

        var stored = await _store.GetAsync<Visit>(visit.Id, Ct);
        var found = await _store.AllAsync<Visit>(Ct);

        Assert.Equal((VisitStatus.Completed, VisitFlags.Retro), (stored!.Status, stored.Flags));
        Assert.Equal(VisitStatus.Completed, Assert.Single(found).Status);
        Assert.Contains(_log.Lines, l => l.Text.Contains($"Visit {visit.Id}", StringComparison.Ordinal) && l.Text.Contains("VisitStatus", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetOutboxEntryAsync_ReadsAnUnknownStatusAsDropped()
    {
        await _store.CommitAsync([A.Changes(null, A.Message("m-1", 9))], Ct);
        await ExecuteAsync("UPDATE outbox SET doc = json_set(doc, '$.status', 'Scheduled', '$.message.kind', 'Poll')");

        var entry = await _store.GetOutboxEntryAsync("m-1", Ct);

        Assert.Equal(OutboxStatus.Dropped, entry!.Status);
        Assert.Equal(Ikm.Workflow.Messaging.OutgoingKind.Text, entry.Message.Kind);
    }

    private async Task ExecuteAsync(string sql)
    {
        await _store.InitializeAsync(Ct);
        await using var connection = new SqliteConnection($"Data Source={_store.FilePath};Pooling=False");
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
