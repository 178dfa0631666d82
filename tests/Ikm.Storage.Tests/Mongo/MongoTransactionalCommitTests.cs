using Ikm.Storage.Mongo;
using Ikm.Storage.Tests.Support;
using Ikm.Workflow.Storage;
using MongoDB.Bson;
using static Ikm.Storage.Tests.Support.FakeMongoServer;

namespace Ikm.Storage.Tests.Mongo;

/// <summary>The transactional commit as the real driver puts it on the wire, against <see cref="FakeMongoServer"/> posing as a replica set.</summary>
public sealed class MongoTransactionalCommitTests : IDisposable
{
    private readonly FakeMongoServer _server = new(replicaSet: true);
    private readonly MongoBotStore _store;

    public MongoTransactionalCommitTests() => _store = new MongoBotStore(_server.Url, "ikm_wire");

    private static readonly CancellationToken Ct = CancellationToken.None;

    public void Dispose()
    {
        _store.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task Commit_SendsEveryWriteInOneTransaction_AndCommitsWithMajorityWriteConcern()
    {
        var known = A.Conversation(1);
        known.Version = 4;
        var fresh = A.Conversation(2);
        await _store.CommitAsync(
        [
            new ChangeSet { Conversation = known, Outgoing = [A.Message("m-1", 1)], Members = [A.Member(101, 1)], Documents = [new(A.Business(1, 101))] },
            new ChangeSet { Conversation = fresh, Failures = [new FailedUpdate(9, 2, "Bug", A.T0)] },
        ], Ct);

        var commands = _server.Commands;
        Assert.Equal(MongoCommitMode.Transaction, _store.CommitMode);
        Assert.Equal("commitTransaction", NameOf(commands[^1]));
        Assert.Equal(new BsonDocument("w", "majority"), commands[^1]["writeConcern"].AsBsonDocument);
        var inTransaction = commands.SkipWhile(c => !c.Contains("startTransaction")).ToList();
        Assert.Equal(["delete", "update", "update", "update", "findAndModify", "update", "update", "commitTransaction"], inTransaction.Select(NameOf));
        Assert.All(inTransaction, c =>
        {
            Assert.Equal(inTransaction[0]["lsid"], c["lsid"]);
            Assert.Equal(inTransaction[0]["txnNumber"], c["txnNumber"]);
            Assert.False(c["autocommit"].AsBoolean);
        });
        Assert.All(inTransaction.SkipLast(1), c => Assert.False(c.Contains("writeConcern")));
        Assert.Equal(new BsonDocument("level", "snapshot"), inTransaction[0]["readConcern"].AsBsonDocument);
        Assert.Equal((5L, 1L), (known.Version, fresh.Version));
    }

    [Fact]
    public async Task Commit_AbortsTheTransaction_AndReportsTheChat_WhenItsConversationMovedOn()
    {
        _server.Respond = c => (NameOf(c), c[0].ToString()) switch
        {
            ("update", "conversations") => Updated(c["updates"].AsBsonArray, s => s["q"]["_id"] != 1L),
            ("find", "conversations") => Found("ikm_wire.conversations", new BsonDocument("_id", 2L)),
            _ => null,
        };
        var stale = A.Conversation(1);
        stale.Version = 4;
        var other = A.Conversation(2);
        other.Version = 2;

        var conflict = await Assert.ThrowsAsync<ConcurrencyException>(() => _store.CommitAsync(
        [
            new ChangeSet { Conversation = stale, Outgoing = [A.Message("m-1", 1)] },
            new ChangeSet { Conversation = other, Outgoing = [A.Message("m-2", 2)] },
        ], Ct));

        Assert.Equal([0], conflict.ChangeSets);
        Assert.False(conflict.OthersCommitted);
        var names = _server.Commands.Select(NameOf).ToList();
        Assert.Equal("abortTransaction", names[^1]);
        Assert.DoesNotContain("commitTransaction", names);
        Assert.DoesNotContain(_server.Commands, c => c[0] == "outbox");
        Assert.Equal((4L, 2L), (stale.Version, other.Version));
    }

    [Fact]
    public async Task Commit_RunsTheTransactionAgain_AfterATransientError_AtMostThreeTimes()
    {
        var commits = 0;
        _server.Respond = c => NameOf(c) == "commitTransaction" && ++commits < 3
            ? new BsonDocument { { "ok", 0.0 }, { "code", 112 }, { "codeName", "WriteConflict" }, { "errmsg", "conflict" },
                { "errorLabels", new BsonArray { "TransientTransactionError" } } }
            : null;
        var conversation = A.Conversation(1);

        await _store.CommitAsync([A.Changes(conversation, A.Message("m-1", 1))], Ct);

        var starts = _server.Commands.Where(c => c.Contains("startTransaction")).ToList();
        Assert.Equal(3, starts.Count);
        Assert.Equal(3, starts.Select(c => c["txnNumber"]).Distinct().Count());
        Assert.Equal(1, conversation.Version);
    }

    [Fact]
    public async Task Commit_IsAnOutage_WhenTransientErrorsOutlastTheRetries()
    {
        _server.Respond = c => NameOf(c) == "commitTransaction"
            ? new BsonDocument { { "ok", 0.0 }, { "code", 112 }, { "codeName", "WriteConflict" }, { "errmsg", "conflict" },
                { "errorLabels", new BsonArray { "TransientTransactionError" } } }
            : null;
        var conversation = A.Conversation(1);

        await Assert.ThrowsAsync<StoreUnavailableException>(() => _store.CommitAsync([A.Changes(conversation)], Ct));

        Assert.Equal(MongoTransactionalCommit.MaxAttempts, _server.Commands.Count(c => c.Contains("startTransaction")));
        Assert.Equal(0, conversation.Version);
    }

    [Fact]
    public async Task Commit_OfAHundredChats_TakesTheSameFewRoundTripsAsOfOne()
    {
        var batch = Enumerable.Range(1, 100).Select(chat => A.Changes(A.Conversation(chat), A.Message($"m-{chat}", chat))).ToList();

        await _store.CommitAsync(batch, Ct);

        Assert.Equal(["delete", "update", "findAndModify", "update", "commitTransaction"], _server.Commands.Select(NameOf));
    }
}
