using Ikm.Storage.Mongo;
using Ikm.Storage.Tests.Support;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Storage;
using MongoDB.Bson;
using static Ikm.Storage.Tests.Support.FakeMongoServer;

namespace Ikm.Storage.Tests.Mongo;

/// <summary>The standalone commit as the real driver puts it on the wire, against <see cref="FakeMongoServer"/> posing as a standalone server.</summary>
public sealed class MongoOrderedCommitTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly FakeMongoServer _server = new(replicaSet: false);
    private readonly MongoBotStore _store;
    private readonly Ikm.Workflow.Conversations.Conversation _known = A.Conversation(1);
    private readonly Ikm.Workflow.Conversations.Conversation _fresh = A.Conversation(2);

    public MongoOrderedCommitTests()
    {
        _store = new MongoBotStore(_server.Url, "ikm_wire");
        _known.Version = 4;
    }

    public void Dispose()
    {
        _store.Dispose();
        _server.Dispose();
    }

    private ChangeSet[] Batch =>
    [
        new ChangeSet { Conversation = _known, Outgoing = [A.Message("m-1", 1)], Members = [A.Member(101, 1)], Documents = [new(A.Business(1, 101))] },
        new ChangeSet { Conversation = _fresh, Outgoing = [A.Message("m-2", 2)], Failures = [new FailedUpdate(9, 2, "Bug", A.T0)] },
    ];

    [Fact]
    public async Task Commit_ClaimsTheConversationsFirst_ThenDocuments_ThenTheRest_AndWritesTheConversationsLast()
    {
        await _store.CommitAsync(Batch, Ct);

        var commands = _server.Commands;
        Assert.Equal(MongoCommitMode.OrderedWrites, _store.CommitMode);
        Assert.True(IsClaim(commands[0]));
        Assert.Equal(("update", "businesses"), Target(commands[1]));
        Assert.Equal(
            [("findAndModify", "counters"), ("update", "failed_updates"), ("update", "members"), ("update", "outbox")],
            commands[2..^1].Select(Target).Order());
        Assert.True(IsContent(commands[^1]));
        Assert.All(commands.Where(c => NameOf(c) is "update" or "findAndModify"), c =>
        {
            Assert.Equal("majority", c["writeConcern"]["w"].AsString);
            Assert.False(c.Contains("txnNumber"));
        });
        Assert.Equal((5L, 1L), (_known.Version, _fresh.Version));
    }

    [Fact]
    public async Task Commit_WritesNothingElseOfAChat_WhoseConversationMovedOn()
    {
        _server.Respond = c => (NameOf(c), c[0].ToString()) switch
        {
            ("update", "conversations") when IsClaim(c) => Updated(c["updates"].AsBsonArray, s => s["q"]["_id"] != 1L),
            ("find", "conversations") => Found("ikm_wire.conversations", new BsonDocument("_id", 2L)),
            _ => null,
        };

        var conflict = await Assert.ThrowsAsync<ConcurrencyException>(() => _store.CommitAsync(Batch, Ct));

        Assert.Equal([0], conflict.ChangeSets);
        Assert.True(conflict.OthersCommitted);
        var commands = _server.Commands;
        Assert.DoesNotContain(commands, c => Target(c) is ("update", "businesses") or ("update", "members"));
        Assert.Equal(["m-2"], Statements(commands, "outbox").Select(s => s["q"]["_id"].AsString));
        Assert.Equal([2L], Statements(commands, "conversations").Where(IsContentStatement).Select(s => s["q"]["_id"]["$in"][0].AsInt64));
        Assert.Contains(commands, c => Target(c) == ("delete", "conversations") && c["deletes"][0]["q"]["_id"]["$in"][0] == 1L);
        Assert.Equal((4L, 1L), (_known.Version, _fresh.Version));
    }

    [Fact]
    public async Task Commit_WritesNothingElseOfAChat_WhoseDocumentMovedOn_AndGivesItsClaimBack()
    {
        _server.Respond = c => Target(c) == ("update", "businesses") ? Updated(c["updates"].AsBsonArray, _ => false) : null;
        var business = (Business)Batch[0].Documents[0].Document;

        var conflict = await Assert.ThrowsAsync<ConcurrencyException>(() => _store.CommitAsync(Batch, Ct));

        Assert.Equal([0], conflict.ChangeSets);
        var commands = _server.Commands;
        Assert.DoesNotContain(commands, c => Target(c) == ("update", "members"));
        Assert.Equal(["m-2"], Statements(commands, "outbox").Select(s => s["q"]["_id"].AsString));
        var release = Assert.Single(commands, c => Target(c) == ("update", "conversations") && c["updates"][0]["u"].AsBsonDocument.Contains("$unset"));
        Assert.Equal(1L, release["updates"][0]["q"]["_id"]["$in"][0].AsInt64);
        Assert.Equal((4L, 0L), (_known.Version, business.Version));
    }

    [Fact]
    public async Task Commit_ThatFailsPartWay_GivesItsClaimsBack_AndTheNextCommitMayTakeThemOver()
    {
        var failing = true;
        _server.Respond = c => failing && Target(c) == ("update", "outbox")
            ? new BsonDocument { { "ok", 0.0 }, { "code", 2 }, { "codeName", "BadValue" }, { "errmsg", "injected" } }
            : null;
        await Assert.ThrowsAnyAsync<MongoDB.Driver.MongoException>(() => _store.CommitAsync(Batch, Ct));
        var firstClaim = _server.Commands.First(IsClaim)["updates"][0]["u"]["$set"]["_claim"]["c"];
        Assert.Contains(_server.Commands, c => Target(c) == ("update", "conversations")
            && c["updates"][0]["u"].AsBsonDocument.Contains("$unset") && c["updates"][0]["q"]["_claim.c"] == firstClaim);
        failing = false;
        var before = _server.Commands.Count;

        await _store.CommitAsync(Batch, Ct);

        var retryClaim = _server.Commands.Skip(before).First(IsClaim)["updates"][0]["q"]["$or"].AsBsonArray;
        Assert.Contains(new BsonDocument("_claim.c", new BsonDocument("$in", new BsonArray { firstClaim })), retryClaim);
    }

    private static (string, string) Target(BsonDocument command) => (NameOf(command), command[0].ToString()!);

    private static bool IsClaim(BsonDocument command) => Target(command) == ("update", "conversations")
        && command["updates"].AsBsonArray.All(s => s["u"].AsBsonDocument.Contains("$set") && s["u"]["$set"].AsBsonDocument.Contains("_claim"));

    private static bool IsContent(BsonDocument command) => Target(command) == ("update", "conversations")
        && command["updates"].AsBsonArray.All(s => IsContentStatement(s.AsBsonDocument));

    private static bool IsContentStatement(BsonDocument statement) =>
        statement["q"].AsBsonDocument.Contains("_claim.c") && statement["u"].AsBsonDocument.Contains("state");

    [Fact]
    public async Task Commit_OfAHundredChats_TakesTheSameFewRoundTripsAsOfOne()
    {
        var batch = Enumerable.Range(1, 100).Select(chat => A.Changes(A.Conversation(chat), A.Message($"m-{chat}", chat))).ToList();

        await _store.CommitAsync(batch, Ct);

        Assert.Equal(["update", "findAndModify", "update", "update"], _server.Commands.Select(NameOf));
    }

    private static IEnumerable<BsonDocument> Statements(List<BsonDocument> commands, string collection) =>
        commands.Where(c => Target(c) == ("update", collection)).SelectMany(c => c["updates"].AsBsonArray.Select(s => s.AsBsonDocument));
}
