using Ikm.Storage.Mongo;
using Ikm.Storage.Tests.Support;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Members;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Storage;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace Ikm.Storage.Tests.Mongo;

/// <summary>The MongoDB queries as the server would receive them, rendered without a server.</summary>
public sealed class MongoQueriesTests
{
    private static readonly JsonWriterSettings Shell = new() { OutputMode = JsonOutputMode.Shell };

    static MongoQueriesTests() => MongoMappings.Register();

    [Fact]
    public void DueOutboxFilter_MatchesPendingWithoutOrUpToDueTime()
    {
        var rendered = Render(MongoQueries.DueOutboxFilter(A.T0));

        Assert.Equal(
            """{ "status" : "Pending", "$or" : [{ "dueAt" : null }, { "dueAt" : { "$lte" : ISODate("2025-03-03T01:30:15.123Z") } }] }""",
            rendered);
    }

    [Fact]
    public void ErasureFilters_TakeEveryRowOfTheChat_AndTheFailuresOfIt()
    {
        Assert.Equal("""{ "chatId" : { "$in" : [NumberLong(7)] } }""", Render(MongoQueries.OutboxOfChats([7])));
        Assert.Equal("""{ "chatId" : { "$in" : [NumberLong(7)] } }""",
            MongoQueries.FailedUpdatesOfChats([7]).Render(Args<FailedUpdate>()).ToJson(Shell));
        Assert.Equal("""{ "_id" : { "$in" : ["a", "b"] } }""", Render(MongoQueries.OutboxByIds(["a", "b"])));
    }

    [Fact]
    public void OutboxMentionCandidates_MatchTheTextWithoutCase_OrAnyFileButtonsOrKeys()
    {
        var rendered = Render(MongoQueries.OutboxMentionCandidates(["Bu Siti (Bakpia)"]));

        Assert.Equal(
            """{ "$or" : [{ "message.text" : /Bu\ Siti\ \(Bakpia\)/i }, { "message.fileContent" : { "$exists" : true } }, { "message.filePath" : { "$exists" : true } }, { "message.buttons" : { "$exists" : true } }, { "message.keyboard" : { "$exists" : true } }] }""",
            rendered);
    }

    [Fact]
    public void DraftFilter_FindsNonEmptyAnswersUntouchedBeforeTheCutoff()
    {
        Assert.Equal(
            """{ "updatedAt" : { "$lt" : ISODate("2025-03-03T01:30:15.123Z") }, "data" : { "$ne" : { } } }""",
            MongoQueries.IdleDrafts(A.T0).Render(Args<Ikm.Workflow.Conversations.Conversation>()).ToJson(Shell));
    }

    [Fact]
    public void DueOutboxSort_IsBySequence()
    {
        var rendered = MongoQueries.DueOutboxSort.Render(Args<OutboxEntry>()).ToJson(Shell);

        Assert.Equal("""{ "sequence" : 1 }""", rendered);
    }

    [Fact]
    public void ConversationAtVersion_FiltersOnIdAndExpectedVersion()
    {
        var rendered = MongoQueries.ConversationAtVersion(42, 7).Render(Args<BsonDocument>()).ToJson(Shell);

        Assert.Equal("""{ "_id" : NumberLong(42), "version" : NumberLong(7) }""", rendered);
    }

    [Fact]
    public void WrittenByCommit_FiltersOnIdsAndCommitMarker()
    {
        var commit = ObjectId.Parse("65f000000000000000000001");

        var rendered = MongoQueries.WrittenByCommit([1, 2], commit).Render(Args<BsonDocument>()).ToJson(Shell);

        Assert.Equal(
            """{ "_id" : { "$in" : [NumberLong(1), NumberLong(2)] }, "commitId" : ObjectId("65f000000000000000000001") }""",
            rendered);
    }

    [Fact]
    public void ConversationsByIds_IsOneInQuery_SkippingANewChatsClaimPlaceholder()
    {
        Assert.Equal(
            """{ "_id" : { "$in" : [NumberLong(5), NumberLong(6)] }, "version" : { "$gt" : NumberLong(0) } }""",
            Render(MongoQueries.ConversationsByIds([5, 6])));
    }

    [Fact]
    public void OutboxById_FiltersOnMessageId()
    {
        Assert.Equal("""{ "_id" : "upd-1-0" }""", Render(MongoQueries.OutboxById("upd-1-0")));
    }

    [Fact]
    public void MarkOutbox_SetsTheSendResult_AndKeepsTheMessage_WhenARetryIsScheduled()
    {
        var update = new OutboxUpdate("m", OutboxStatus.Pending, 2, A.T0, null, null);

        var rendered = MongoQueries.MarkOutbox(update).Render(Args<OutboxEntry>()).AsBsonDocument.ToJson(Shell);

        Assert.Equal(
            """{ "$set" : { "status" : "Pending", "attempts" : 2, "dueAt" : ISODate("2025-03-03T01:30:15.123Z"), "sentAt" : null, "channelMessageId" : null } }""",
            rendered);
    }

    [Fact]
    public void MarkOutbox_SetsTheSendResult_AndKeepsOnlyTheMessagesIds_WhenSent()
    {
        var update = new OutboxUpdate("m", OutboxStatus.Sent, 1, null, A.T0, 77);

        var rendered = MongoQueries.MarkOutbox(update).Render(Args<OutboxEntry>()).ToJson(Shell);

        Assert.Equal(
            """[{ "$set" : { "status" : { "$literal" : "Sent" }, "attempts" : { "$literal" : 1 }, "dueAt" : { "$literal" : null }, "sentAt" : { "$literal" : ISODate("2025-03-03T01:30:15.123Z") }, "channelMessageId" : { "$literal" : NumberLong(77) }, "message" : { "id" : "$message.id", "chatId" : "$message.chatId", "kind" : "$message.kind" } } }]""",
            rendered);
    }

    [Fact]
    public void MarkOutbox_KeepsOnlyTheMessagesIds_WhenDropped()
    {
        var update = new OutboxUpdate("m", OutboxStatus.Dropped, 3, null, null, null);

        var rendered = MongoQueries.MarkOutbox(update).Render(Args<OutboxEntry>()).ToJson(Shell);

        Assert.Contains("""{ "$set" : { "status" : { "$literal" : "Dropped" }, "attempts" : { "$literal" : 3 }""", rendered, StringComparison.Ordinal);
        Assert.EndsWith("""{ "id" : "$message.id", "chatId" : "$message.chatId", "kind" : "$message.kind" } } }]""", rendered, StringComparison.Ordinal);
    }

    [Fact]
    public void DueOutboxPipeline_RanksEachChatsPendingBySequence_AndKeepsTheFirstFew()
    {
        var stages = MongoQueries.DueOutboxPipeline(A.T0, 1000, 5).Render(new RenderArgs<OutboxEntry>(
            BsonSerializer.SerializerRegistry.GetSerializer<OutboxEntry>(), BsonSerializer.SerializerRegistry)).Documents.Select(d => d.ToJson(Shell));

        Assert.Equal(
        [
            """{ "$match" : { "status" : "Pending", "$or" : [{ "dueAt" : null }, { "dueAt" : { "$lte" : ISODate("2025-03-03T01:30:15.123Z") } }] } }""",
            """{ "$setWindowFields" : { "partitionBy" : "$chatId", "sortBy" : { "sequence" : 1 }, "output" : { "_rank" : { "$documentNumber" : { } } } } }""",
            """{ "$match" : { "_rank" : { "$lte" : 5 } } }""",
            """{ "$sort" : { "sequence" : 1 } }""",
            """{ "$limit" : NumberLong(1000) }""",
            """{ "$unset" : "_rank" }""",
        ], stages);
    }

    [Fact]
    public void PurgeableOutbox_MatchesDeliveredEntriesCreatedBeforeTheCutoff()
    {
        Assert.Equal(
            """{ "status" : { "$ne" : "Pending" }, "createdAt" : { "$lt" : ISODate("2025-03-03T01:30:15.123Z") } }""",
            Render(MongoQueries.PurgeableOutbox(A.T0)));
    }

    [Fact]
    public void MembersOfChat_AndMarkUnreachable_RenderAsExpected()
    {
        Assert.Equal("""{ "chatId" : NumberLong(10) }""", Render(MongoQueries.MembersOfChat(10)));
        Assert.Equal(
            """{ "$set" : { "unreachable" : true }, "$inc" : { "version" : NumberLong(1) } }""",
            MongoQueries.MarkUnreachable.Render(Args<Member>()).AsBsonDocument.ToJson(Shell));
    }

    [Fact]
    public void OutboxIndexes_CoverTheDueQueryAndChat()
    {
        var keys = MongoQueries.OutboxIndexes.Select(i => i.Keys.Render(Args<OutboxEntry>()).ToJson(Shell));

        Assert.Equal(["""{ "status" : 1, "dueAt" : 1, "sequence" : 1 }""", """{ "chatId" : 1 }"""], keys);
        Assert.Equal(
            """{ "updateId" : 1, "chatId" : 1 }""",
            MongoQueries.FailedUpdateKeyIndex.Keys.Render(Args<FailedUpdate>()).ToJson(Shell));
        Assert.True(MongoQueries.FailedUpdateKeyIndex.Options.Unique);
    }

    [Fact]
    public void Business_IsStoredUnderItsStringId_FoundByItsOwner_AndAnonymisedByNone()
    {
        var business = A.Business(1, ownerUserId: 100);

        var stored = MongoQueries.ToStoredDocument(business);

        Assert.Equal("00000000-0000-0000-0000-000000000001", stored["_id"].AsString);
        Assert.Equal("""[{ "n" : "owner", "v" : "100" }]""", stored["_idx"].ToJson(Shell));
        BusinessProfile.Anonymise(business, A.T0);
        Assert.Equal("[]", MongoQueries.ToStoredDocument(business)["_idx"].ToJson(Shell));
    }

    [Fact]
    public void Diagnosis_IsStoredUnderItsStringId_FoundByOwnerBusinessAndStatus()
    {
        var stored = MongoQueries.ToStoredDocument(A.Diagnosis(2, 100, A.T0));

        Assert.Equal("00000000-0000-0000-0000-000000000002", stored["_id"].AsString);
        Assert.Equal(
            """[{ "n" : "owner", "v" : "100" }, { "n" : "business", "v" : "00000000-0000-0000-0000-000000001002" }, { "n" : "status", "v" : "InProgress" }]""",
            stored["_idx"].ToJson(Shell));
        Assert.Equal(BsonBinarySubType.UuidStandard, stored["businessId"].AsBsonBinaryData.SubType);
    }

    [Fact]
    public void VersionedWrite_InsertsANewDocumentOnlyIfTheIdIsFree_LeavingATakenOneAsItIs()
    {
        var replacement = new BsonDocument { { "_id", "inv-1" }, { "version", 1L } };

        var model = Assert.IsType<UpdateOneModel<BsonDocument>>(MongoQueries.VersionedWrite(MongoQueries.DocumentById("inv-1"), 0, replacement));

        Assert.True(model.IsUpsert);
        Assert.Equal("""{ "_id" : "inv-1" }""", Render(model.Filter));
        Assert.Equal("""{ "$setOnInsert" : { "version" : NumberLong(1) } }""", model.Update.Render(Args<BsonDocument>()).ToJson(Shell));
    }

    [Fact]
    public void VersionedWrite_ReplacesOnlyTheVersionRead_AndNeverUpserts()
    {
        var replacement = new BsonDocument { { "_id", "inv-1" }, { "version", 4L } };

        var replace = Assert.IsType<ReplaceOneModel<BsonDocument>>(MongoQueries.VersionedWrite(MongoQueries.DocumentById("inv-1"), 3, replacement));

        Assert.Equal("""{ "_id" : "inv-1", "version" : NumberLong(3) }""", replace.Filter.Render(Args<BsonDocument>()).ToJson(Shell));
        Assert.False(replace.IsUpsert);
        Assert.Same(replacement, replace.Replacement);
    }

    [Fact]
    public void VersionedWrite_DeletesOnlyTheVersionRead_AlsoOfABusiness()
    {
        var id = DocumentIds.Of(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"));

        var delete = Assert.IsType<DeleteOneModel<BsonDocument>>(MongoQueries.VersionedWrite(MongoQueries.DocumentById(id), 2, null));

        Assert.Equal("""{ "_id" : "0f8fad5b-d9cb-469f-a165-70867728950e", "version" : NumberLong(2) }""",
            delete.Filter.Render(Args<BsonDocument>()).ToJson(Shell));
    }

    [Fact]
    public void DocumentById_OfABusiness_MatchesItsStoredId()
    {
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        var filter = MongoQueries.DocumentById(DocumentIds.Of(id)).Render(Args<BsonDocument>());

        Assert.Equal(new Business { Id = id }.ToBsonDocument()["_id"], filter["_id"]);
    }

    [Fact]
    public void DocumentsByIndex_MatchesNameAndValueInTheSameEntry()
    {
        Assert.Equal(
            """{ "_idx" : { "$elemMatch" : { "n" : "mentor", "v" : "42" } } }""",
            Render(MongoQueries.DocumentsByIndex<Visit>("mentor", "42")));
        Assert.Equal("""{ "_id" : 1 }""", MongoQueries.DocumentSort<Visit>().Render(Args<Visit>()).ToJson(Shell));
    }

    [Fact]
    public void DocumentByStringId_FiltersOnTheStringId()
    {
        Assert.Equal("""{ "_id" : "v-1" }""", Render(MongoQueries.DocumentByStringId<Visit>("v-1")));
        Assert.Equal("""{ "_id" : "v-1" }""", Render(MongoQueries.DocumentById("v-1")));
    }

    [Fact]
    public void DocumentIndex_ServesTheIndexQueryInIdOrder()
    {
        Assert.Equal(
            """{ "_idx.n" : 1, "_idx.v" : 1, "_id" : 1 }""",
            MongoQueries.DocumentIndexModel.Keys.Render(Args<BsonDocument>()).ToJson(Shell));
    }

    private static string Render<T>(FilterDefinition<T> filter) => filter.Render(Args<T>()).ToJson(Shell);

    private static RenderArgs<T> Args<T>() =>
        new(BsonSerializer.LookupSerializer<T>(), BsonSerializer.SerializerRegistry);
}
