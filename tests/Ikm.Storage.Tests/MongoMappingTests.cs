using Ikm.Storage.Mongo;
using Ikm.Storage.Tests.Support;
using Ikm.Workflow.Conversations;
using Ikm.Workflow.Members;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Storage;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;

namespace Ikm.Storage.Tests;

/// <summary>BSON shape and round trip of every stored document, without a server.</summary>
public sealed class MongoMappingTests
{
    static MongoMappingTests() => MongoMappings.Register();

    [Fact]
    public void Conversation_RoundTrips_WithChatIdAsIdAndDataAsKeyValueArray()
    {
        var conversation = A.Conversation(42);
        conversation.Version = 3;
        conversation.Data["alamat.kota"] = "Yogyakarta";
        conversation.Data["$x"] = "1";
        conversation.RememberUpdate(1001);
        conversation.RememberUpdate(1000);

        var document = conversation.ToBsonDocument();
        var back = RoundTrip(conversation);

        Assert.Equal(
            ["_id", "userId", "flow", "state", "version", "language", "data", "recentUpdateIds", "updatedAt"],
            document.Names);
        Assert.Equal(new BsonInt64(42), document["_id"]);
        Assert.Equal(BsonArray.Create(new[] { 1001L, 1000L }), document["recentUpdateIds"]);
        Assert.Equal(
            """[{ "k" : "alamat.kota", "v" : "Yogyakarta" }, { "k" : "$x", "v" : "1" }]""",
            document["data"].ToJson());
        Assert.Equal(new BsonDateTime(A.T0.UtcDateTime), document["updatedAt"]);
        Assert.Equal((42L, 1_000_042L, "Onboarding", "AskingRevenue", 3L, "id", A.T0),
            (back.ChatId, back.UserId, back.Flow, back.State, back.Version, back.Language, back.UpdatedAt));
        Assert.Equal(conversation.Data, back.Data);
        Assert.Equal([1001L, 1000L], back.RecentUpdateIds);
    }

    [Fact]
    public void Conversation_IgnoresTheCommitMarker_WhenRead()
    {
        var document = A.Conversation(1).ToBsonDocument();
        document["commitId"] = ObjectId.GenerateNewId();

        Assert.Equal(1, BsonSerializer.Deserialize<Conversation>(document).ChatId);
    }

    [Fact]
    public void Member_RoundTrips_WithUserIdAsIdAndRoleAsString()
    {
        var member = A.Member(100, 10, MemberRole.Coordinator);
        member.Unreachable = true;

        var document = member.ToBsonDocument();
        var back = RoundTrip(member);

        Assert.Equal(
            """{ "_id" : NumberLong(100), "chatId" : NumberLong(10), "role" : "Coordinator", "language" : "en", "unreachable" : true, "version" : NumberLong(1), "joinedAt" : ISODate("2025-03-03T01:30:15.123Z") }""",
            document.ToJson(new JsonWriterSettings { OutputMode = JsonOutputMode.Shell }));
        Assert.Equal((100L, 10L, MemberRole.Coordinator, "en", true, 1L, A.T0),
            (back.UserId, back.ChatId, back.Role, back.Language, back.Unreachable, back.Version, back.JoinedAt));
    }

    [Fact]
    public void OutboxEntry_RoundTrips_WithMessageIdAsIdAndFileAsBinary()
    {
        byte[] file = [1, 2, 3, 0, 255];
        var entry = new OutboxEntry
        {
            Message = new OutgoingMessage
            {
                Id = "upd-9-0",
                ChatId = 9,
                Kind = OutgoingKind.Photo,
                Text = "Foto",
                Buttons = [[new Button("Ya", "y")]],
                Keyboard = [[new KeyboardKey("Lokasi", RequestLocation: true)]],
                FileName = "a.jpg",
                FileContent = file,
                NotBefore = A.T0.AddHours(1),
            },
            CreatedAt = A.T0,
            Sequence = 17,
            Status = OutboxStatus.Sent,
            Attempts = 2,
            DueAt = A.T0.AddHours(1),
            SentAt = A.T0.AddHours(2),
            ChannelMessageId = 4242,
        };

        var document = entry.ToBsonDocument();
        var back = RoundTrip(entry);

        Assert.Equal(
            ["_id", "chatId", "message", "createdAt", "sequence", "status", "attempts", "dueAt", "sentAt", "channelMessageId"],
            document.Names);
        Assert.Equal("upd-9-0", document["_id"].AsString);
        Assert.Equal(9L, document["chatId"].AsInt64);
        Assert.Equal("Sent", document["status"].AsString);
        Assert.Equal(BsonType.DateTime, document["dueAt"].BsonType);
        var message = document["message"].AsBsonDocument;
        Assert.Equal("Photo", message["kind"].AsString);
        Assert.Equal(file, message["fileContent"].AsBsonBinaryData.Bytes);
        Assert.Equal("""[[{ "label" : "Ya", "data" : "y" }]]""", message["buttons"].ToJson());
        Assert.Equal("""[[{ "label" : "Lokasi", "requestLocation" : true }]]""", message["keyboard"].ToJson());

        Assert.Equal(("upd-9-0", 9L, 17L, OutboxStatus.Sent, 2, 4242L), (back.Id, back.ChatId, back.Sequence, back.Status, back.Attempts, back.ChannelMessageId));
        Assert.Equal((A.T0, A.T0.AddHours(1), A.T0.AddHours(2)), (back.CreatedAt, back.DueAt, back.SentAt));
        Assert.Equal((OutgoingKind.Photo, "Foto", "a.jpg", A.T0.AddHours(1)), (back.Message.Kind, back.Message.Text, back.Message.FileName, back.Message.NotBefore));
        Assert.Equal(file, back.Message.FileContent);
        Assert.Equal(new Button("Ya", "y"), Assert.Single(Assert.Single(back.Message.Buttons!)));
        Assert.Equal(new KeyboardKey("Lokasi", RequestLocation: true), Assert.Single(Assert.Single(back.Message.Keyboard!)));
    }

    [Fact]
    public void OutboxEntry_WritesNullDueAt_AndLeavesOutEmptyOptionalFields()
    {
        var entry = new OutboxEntry { Message = A.Message("m", 1), CreatedAt = A.T0, Sequence = 1 };

        var document = entry.ToBsonDocument();
        var back = RoundTrip(entry);

        Assert.Equal(BsonNull.Value, document["dueAt"]);
        Assert.False(document.Contains("sentAt"));
        Assert.Equal(
            """{ "id" : "m", "chatId" : NumberLong(1), "kind" : "Text", "text" : "Halo" }""",
            document["message"].ToJson(new JsonWriterSettings { OutputMode = JsonOutputMode.Shell }));
        Assert.Equal((OutboxStatus.Pending, (DateTimeOffset?)null, (IReadOnlyList<IReadOnlyList<Button>>?)null, (byte[]?)null),
            (back.Status, back.DueAt, back.Message.Buttons, back.Message.FileContent));
    }

    [Fact]
    public void FailedUpdate_RoundTrips()
    {
        var failure = new FailedUpdate(123, 45, "System.InvalidOperationException", A.T0);

        var document = failure.ToBsonDocument();
        document["_id"] = ObjectId.GenerateNewId(); // as the server adds it

        Assert.Equal(["updateId", "chatId", "errorType", "at", "_id"], document.Names);
        Assert.Equal(failure, BsonSerializer.Deserialize<FailedUpdate>(document));
    }

    [Fact]
    public void Guids_AreStoredAsStandardUuid()
    {
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        var document = new GuidHolder { Value = id }.ToBsonDocument();

        var binary = document["Value"].AsBsonBinaryData;
        Assert.Equal(BsonBinarySubType.UuidStandard, binary.SubType);
        Assert.Equal(id.ToByteArray(bigEndian: true), binary.Bytes);
        Assert.Equal(id, BsonSerializer.Deserialize<GuidHolder>(document).Value);
    }

    [Fact]
    public void Register_IsIdempotent()
    {
        MongoMappings.Register();
        MongoMappings.Register();

        Assert.Equal("_id", BsonClassMap.LookupClassMap(typeof(Conversation)).IdMemberMap.ElementName);
        Assert.Equal("_id", BsonClassMap.LookupClassMap(typeof(Member)).IdMemberMap.ElementName);
        Assert.Equal("_id", BsonClassMap.LookupClassMap(typeof(OutboxEntry)).IdMemberMap.ElementName);
    }

    private static T RoundTrip<T>(T value) => BsonSerializer.Deserialize<T>(value.ToBsonDocument());

    private sealed class GuidHolder
    {
        public Guid Value { get; set; }
    }
}
