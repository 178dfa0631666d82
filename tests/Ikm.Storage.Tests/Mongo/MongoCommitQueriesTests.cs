using Ikm.Storage.Mongo;
using Ikm.Storage.Tests.Support;
using Ikm.Workflow.Storage;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace Ikm.Storage.Tests.Mongo;

/// <summary>The commit's write models as the server would receive them, rendered without a server.</summary>
public sealed class MongoCommitQueriesTests
{
    private static readonly JsonWriterSettings Shell = new() { OutputMode = JsonOutputMode.Shell };
    private static readonly ObjectId Commit = new("65f000000000000000000001");
    private static readonly DateTimeOffset Now = new(2025, 3, 3, 1, 30, 0, TimeSpan.Zero);

    static MongoCommitQueriesTests() => MongoMappings.Register();

    [Fact]
    public void ClaimConversation_MatchesTheVersionRead_WhenNoOtherCommitHoldsAFreshClaim_AndChangesNoContent()
    {
        var claim = MongoCommitQueries.ClaimConversation(7, 3, Commit, Now, Now.AddSeconds(-30));

        Assert.Equal(
            """{ "_id" : NumberLong(7), "version" : NumberLong(3), "$or" : [{ "_claim" : { "$exists" : false } }, { "_claim.at" : { "$lt" : ISODate("2025-03-03T01:29:30Z") } }] }""",
            Render(claim.Filter));
        Assert.Equal(
            """{ "$set" : { "_claim" : { "c" : ObjectId("65f000000000000000000001"), "at" : ISODate("2025-03-03T01:30:00Z") } } }""",
            Render(claim.Update));
        Assert.False(claim.IsUpsert);
    }

    [Fact]
    public void ClaimConversation_OfANewChat_InsertsAVersionZeroPlaceholder_ThatAStoredChatRefusesByItsId()
    {
        var claim = MongoCommitQueries.ClaimConversation(7, 0, Commit, Now, Now.AddSeconds(-30));

        Assert.True(claim.IsUpsert);
        Assert.StartsWith("""{ "_id" : NumberLong(7), "version" : NumberLong(0), """, Render(claim.Filter));
    }

    [Fact]
    public void ReleaseClaims_DeletesTheCommitsPlaceholders_AndUnsetsItsClaimOnStoredChats()
    {
        var models = MongoCommitQueries.ReleaseClaims([7], Commit).ToList();

        var delete = Assert.IsType<DeleteManyModel<BsonDocument>>(models[0]);
        Assert.Equal("""{ "_id" : { "$in" : [NumberLong(7)] }, "_claim.c" : ObjectId("65f000000000000000000001"), "version" : NumberLong(0) }""",
            Render(delete.Filter));
        var unset = Assert.IsType<UpdateManyModel<BsonDocument>>(models[1]);
        Assert.Equal("""{ "_id" : { "$in" : [NumberLong(7)] }, "_claim.c" : ObjectId("65f000000000000000000001"), "version" : { "$gt" : NumberLong(0) } }""",
            Render(unset.Filter));
        Assert.Equal("""{ "$unset" : { "_claim" : 1 } }""", Render(unset.Update));
    }

    [Fact]
    public void WriteClaimedConversation_ReplacesOnlyWhileThisCommitHoldsTheClaim()
    {
        var stored = new BsonDocument { { "_id", 7L }, { "version", 4L }, { "state", "Done" } };

        var write = MongoCommitQueries.WriteClaimedConversation(7, Commit, stored);

        Assert.Equal("""{ "_id" : { "$in" : [NumberLong(7)] }, "_claim.c" : ObjectId("65f000000000000000000001") }""", Render(write.Filter));
        Assert.Same(stored, write.Replacement);
        Assert.False(write.IsUpsert);
    }

    [Fact]
    public void ConversationInTransaction_ReplacesTheVersionRead_OrInsertsANewChatWithoutAnError()
    {
        var stored = new BsonDocument { { "_id", 7L }, { "version", 1L } };

        var replace = Assert.IsType<ReplaceOneModel<BsonDocument>>(MongoCommitQueries.ConversationInTransaction(7, 3, stored));
        var insert = Assert.IsType<UpdateOneModel<BsonDocument>>(MongoCommitQueries.ConversationInTransaction(7, 0, stored));

        Assert.Equal("""{ "_id" : NumberLong(7), "version" : NumberLong(3) }""", Render(replace.Filter));
        Assert.Equal(("""{ "_id" : NumberLong(7) }""", true), (Render(insert.Filter), insert.IsUpsert));
        Assert.Equal("""{ "$setOnInsert" : { "version" : NumberLong(1) } }""", Render(insert.Update));
    }

    [Fact]
    public void OutboxAndFailureRows_AreInsertedOnlyIfAbsent_ByTheirKeys()
    {
        var outbox = MongoCommitQueries.OutboxIfAbsent(new OutboxEntry { Message = A.Message("m-1", 7), CreatedAt = A.T0, Sequence = 3 });
        var failure = MongoCommitQueries.FailureIfAbsent(new FailedUpdate(9, 7, "Bug", A.T0));

        Assert.Equal(("""{ "_id" : "m-1" }""", true), (Render(outbox.Filter), outbox.IsUpsert));
        var onInsert = outbox.Update.Render(Args<OutboxEntry>())["$setOnInsert"].AsBsonDocument;
        Assert.False(onInsert.Contains("_id"));
        Assert.Equal((3L, "Halo"), (onInsert["sequence"].AsInt64, onInsert["message"]["text"].AsString));
        Assert.Equal(("""{ "updateId" : NumberLong(9), "chatId" : NumberLong(7) }""", true), (Render(failure.Filter), failure.IsUpsert));
        Assert.Equal("""{ "$setOnInsert" : { "errorType" : "Bug", "at" : ISODate("2025-03-03T01:30:15.123Z") } }""", Render(failure.Update));
    }

    private static string Render<T>(FilterDefinition<T> filter) => filter.Render(Args<T>()).ToJson(Shell);

    private static string Render<T>(UpdateDefinition<T> update) => update.Render(Args<T>()).ToJson(Shell);

    private static RenderArgs<T> Args<T>() => new(BsonSerializer.LookupSerializer<T>(), BsonSerializer.SerializerRegistry);
}
