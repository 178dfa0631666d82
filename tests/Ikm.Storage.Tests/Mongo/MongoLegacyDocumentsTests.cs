using Ikm.Storage.Mongo;
using Ikm.Storage.Tests.Support;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Diagnoses;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using static Ikm.Storage.Tests.Support.FakeMongoServer;

namespace Ikm.Storage.Tests.Mongo;

/// <summary>
/// Businesses and diagnoses of the old layout (a UUID _id, no index entries) are moved to documents on start: the
/// commands as the server receives them, against <see cref="FakeMongoServer"/>.
/// </summary>
public sealed class MongoLegacyDocumentsTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly JsonWriterSettings Shell = new() { OutputMode = JsonOutputMode.Shell };
    private FakeMongoServer? _server;

    static MongoLegacyDocumentsTests() => MongoMappings.Register();

    public void Dispose() => _server?.Dispose();

    /// <summary>A business as the old layout stored it: the same fields, its id a standard UUID.</summary>
    private static BsonDocument OldBusiness()
    {
        var business = A.Business(1, ownerUserId: 100);
        business.Version = 3;
        var old = business.ToBsonDocument();
        old["_id"] = new BsonBinaryData(business.Id, GuidRepresentation.Standard);
        return old;
    }

    [Fact]
    public void OldLayout_IsEveryDocumentWhoseIdIsNotAString()
    {
        Assert.Equal("""{ "_id" : { "$not" : { "$type" : "string" } } }""", Render(MongoLegacyDocuments.OldLayout));
    }

    [Fact]
    public void Move_InsertsTheDocumentFormUnderItsStringIdIfAbsent_ThenDeletesTheOldOne()
    {
        var writes = MongoLegacyDocuments.Move(OldBusiness(), typeof(Business));

        var insert = Assert.IsType<UpdateOneModel<BsonDocument>>(writes[0]);
        Assert.True(insert.IsUpsert);
        Assert.Equal("""{ "_id" : "00000000-0000-0000-0000-000000000001" }""", Render(insert.Filter));
        var set = insert.Update.Render(Args()).AsBsonDocument["$setOnInsert"].AsBsonDocument;
        Assert.Equal((100L, 3L, "Bakpia Bu Siti"), (set["ownerUserId"].AsInt64, set["version"].AsInt64, set["businessName"].AsString));
        Assert.Equal("""[{ "n" : "owner", "v" : "100" }]""", set["_idx"].ToJson(Shell));
        var delete = Assert.IsType<DeleteOneModel<BsonDocument>>(writes[1]);
        Assert.Equal("""{ "_id" : UUID("00000000-0000-0000-0000-000000000001") }""", Render(delete.Filter));
    }

    [Fact]
    public void Move_OfADiagnosis_KeepsItsAnswers_AndIndexesItsOwnerBusinessAndStatus()
    {
        var diagnosis = A.Diagnosis(2, 100, A.T0);
        var old = diagnosis.ToBsonDocument();
        old["_id"] = new BsonBinaryData(diagnosis.Id, GuidRepresentation.Standard);

        var set = Assert.IsType<UpdateOneModel<BsonDocument>>(MongoLegacyDocuments.Move(old, typeof(DiagnosisResponse))[0])
            .Update.Render(Args()).AsBsonDocument["$setOnInsert"].AsBsonDocument;

        Assert.Equal(old["answers"], set["answers"]);
        Assert.Equal(
            """[{ "n" : "owner", "v" : "100" }, { "n" : "business", "v" : "00000000-0000-0000-0000-000000001002" }, { "n" : "status", "v" : "InProgress" }]""",
            set["_idx"].ToJson(Shell));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Initialize_MovesTheOldDocuments_InOneTransactionWhereTheServerHasThem_AndDropsTheOldIndex(bool replicaSet)
    {
        _server = new FakeMongoServer(replicaSet);
        _server.Respond = c => (NameOf(c), c[0].ToString()) switch
        {
            ("find", "businesses") when c["filter"].ToJson(Shell).Contains("$not", StringComparison.Ordinal) => Found("ikm_wire.businesses", OldBusiness()),
            ("listIndexes", var collection) => Found($"ikm_wire.{collection}", new BsonDocument("name", "_id_"), new BsonDocument("name", "ownerUserId")),
            _ => null,
        };
        using var store = new MongoBotStore(_server.Url, "ikm_wire");

        await store.InitializeAsync(Ct);

        var commands = _server.Commands;
        var moves = commands.Where(c => c[0] == "businesses" && NameOf(c) is "update" or "delete").ToList();
        Assert.Equal(["update", "delete"], moves.Select(NameOf));
        Assert.Equal("00000000-0000-0000-0000-000000000001", moves[0]["updates"][0]["q"]["_id"].AsString);
        Assert.True(moves[0]["updates"][0]["upsert"].AsBoolean);
        Assert.Equal(BsonBinarySubType.UuidStandard, moves[1]["deletes"][0]["q"]["_id"].AsBsonBinaryData.SubType);
        Assert.DoesNotContain(commands, c => c[0] == "diagnoses" && NameOf(c) is "update" or "delete");
        Assert.Equal(replicaSet, moves[0].Contains("startTransaction"));
        Assert.Equal(replicaSet, commands.Any(c => NameOf(c) == "commitTransaction"));
        if (replicaSet)
            Assert.Equal(moves[0]["txnNumber"], moves[1]["txnNumber"]);
        Assert.Contains(commands, c => NameOf(c) == "dropIndexes" && c[0] == "businesses" && c["index"] == "ownerUserId");
    }

    [Fact]
    public async Task Initialize_SendsNoMove_WhenNothingIsOfTheOldLayout()
    {
        _server = new FakeMongoServer(replicaSet: false);
        _server.Respond = c => NameOf(c) == "listIndexes" ? Found($"ikm_wire.{c[0]}", new BsonDocument("name", "_id_")) : null;
        using var store = new MongoBotStore(_server.Url, "ikm_wire");

        await store.InitializeAsync(Ct);

        Assert.DoesNotContain(_server.Commands, c => NameOf(c) is "update" or "delete" or "dropIndexes");
    }

    private static string Render(FilterDefinition<BsonDocument> filter) => filter.Render(Args()).ToJson(Shell);

    private static RenderArgs<BsonDocument> Args() =>
        new(BsonSerializer.SerializerRegistry.GetSerializer<BsonDocument>(), BsonSerializer.SerializerRegistry);
}
