using Ikm.Storage.Mongo;
using Ikm.Storage.Tests.Support;
using Ikm.Workflow.Storage;
using Microsoft.Extensions.Time.Testing;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Ikm.Storage.Tests.Mongo;

/// <summary>
/// The commit modes against a live MongoDB (skipped without one): the mode follows the server's hello, and on a
/// standalone server a claim left by a crashed commit neither hides nor blocks the chat once it lapses.
/// </summary>
public sealed class MongoCommitLiveTests(MongoFixture mongo) : IClassFixture<MongoFixture>, IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly FakeTimeProvider _time = new(A.T0);
    private readonly string _database = $"ikm_test_{Guid.NewGuid():N}";
    private MongoBotStore _store = null!;

    /// <summary>Read by <see cref="StoreFactDiscoverer"/>.</summary>
    public static string? SkipReason => MongoAvailability.SkipReason;

    private IMongoCollection<BsonDocument> Conversations =>
        new MongoClient(mongo.ConnectionString).GetDatabase(_database).GetCollection<BsonDocument>(MongoMappings.ConversationsCollection);

    public async Task InitializeAsync()
    {
        if (mongo.ConnectionString is not { } url)
            return;
        _store = new MongoBotStore(url, _database, _time);
        await _store.InitializeAsync(Ct);
    }

    public async Task DisposeAsync()
    {
        if (mongo.ConnectionString is null)
            return;
        using (var client = new MongoClient(mongo.ConnectionString))
            await client.DropDatabaseAsync(_database);
        _store.Dispose();
    }

    [StoreFact]
    public async Task CommitMode_FollowsTheServersHello()
    {
        var hello = await new MongoClient(mongo.ConnectionString).GetDatabase("admin")
            .RunCommandAsync<BsonDocument>(new BsonDocument("hello", 1), cancellationToken: Ct);

        Assert.Equal(hello.Contains("setName") || hello.GetValue("msg", "") == "isdbgrid" ? MongoCommitMode.Transaction : MongoCommitMode.OrderedWrites,
            _store.CommitMode);
    }

    [StoreFact]
    public async Task AFreshClaimOfAnotherCommit_RefusesTheChatWithoutTransactions_AndALapsedOneIsTakenOver()
    {
        var conversation = A.Conversation(1);
        await _store.CommitAsync([A.Changes(conversation)], Ct);
        await Conversations.UpdateOneAsync(new BsonDocument("_id", 1L), new BsonDocument("$set", new BsonDocument("_claim",
            new BsonDocument { { "c", ObjectId.GenerateNewId() }, { "at", new BsonDateTime(A.T0.UtcDateTime) } })), cancellationToken: Ct);

        if (_store.CommitMode == MongoCommitMode.OrderedWrites)
        {
            var conflict = await Assert.ThrowsAsync<ConcurrencyException>(() => _store.CommitAsync([A.Changes(conversation, A.Message("m-1", 1))], Ct));
            Assert.Equal([0], conflict.ChangeSets);
            Assert.Null(await _store.GetOutboxEntryAsync("m-1", Ct));
            _time.Advance(MongoOrderedCommit.ClaimTimeout + TimeSpan.FromSeconds(1));
        }
        // A transaction needs no claim and ignores one; on a standalone server the lapsed claim is taken over.
        conversation.State = "TakenOver";
        await _store.CommitAsync([A.Changes(conversation, A.Message("m-2", 1))], Ct);

        var stored = await Conversations.Find(new BsonDocument("_id", 1L)).SingleAsync(Ct);
        Assert.Equal(("TakenOver", 2L), (stored["state"].AsString, stored["version"].AsInt64));
        Assert.False(stored.Contains("_claim"));
        Assert.NotNull(await _store.GetOutboxEntryAsync("m-2", Ct));
    }

    [StoreFact]
    public async Task ANewChatsPlaceholderLeftByACrash_IsNoConversation_AndIsTakenOverOnceLapsed()
    {
        await Conversations.InsertOneAsync(new BsonDocument
        {
            { "_id", 5L }, { "version", 0L },
            { "_claim", new BsonDocument { { "c", ObjectId.GenerateNewId() }, { "at", new BsonDateTime(A.T0.UtcDateTime) } } },
        }, cancellationToken: Ct);

        Assert.Null(await _store.GetConversationAsync(5, Ct));
        Assert.Empty(await _store.GetConversationsAsync([5], Ct));
        _time.Advance(MongoOrderedCommit.ClaimTimeout + TimeSpan.FromSeconds(1));
        var conversation = A.Conversation(5);
        await _store.CommitAsync([A.Changes(conversation)], Ct);

        Assert.Equal(1, (await _store.GetConversationAsync(5, Ct))!.Version);
        Assert.Equal(1, conversation.Version);
    }
}
