using Ikm.Storage.Mongo;
using Ikm.Storage.Tests.Support;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Diagnoses;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Ikm.Storage.Tests.Mongo;

/// <summary>The move of old-layout businesses and diagnoses against a live MongoDB (skipped without one).</summary>
public sealed class MongoLegacyDocumentsLiveTests(MongoFixture mongo) : IClassFixture<MongoFixture>, IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly string _database = $"ikm_test_{Guid.NewGuid():N}";

    /// <summary>Read by <see cref="StoreFactDiscoverer"/>.</summary>
    public static string? SkipReason => MongoAvailability.SkipReason;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (mongo.ConnectionString is null)
            return;
        using var client = new MongoClient(mongo.ConnectionString);
        await client.DropDatabaseAsync(_database);
    }

    [StoreFact]
    public async Task Initialize_MovesOldLayoutDocuments_OnceAndForAll()
    {
        MongoMappings.Register();
        using var client = new MongoClient(mongo.ConnectionString);
        var database = client.GetDatabase(_database);
        var business = A.Business(1, ownerUserId: 100);
        business.Version = 3;
        var diagnosis = A.Diagnosis(2, 100, A.T0);
        diagnosis.Version = 2;
        await database.GetCollection<BsonDocument>("businesses").InsertOneAsync(OldLayout(business.ToBsonDocument(), business.Id), cancellationToken: Ct);
        await database.GetCollection<BsonDocument>("diagnoses").InsertOneAsync(OldLayout(diagnosis.ToBsonDocument(), diagnosis.Id), cancellationToken: Ct);
        await database.GetCollection<BsonDocument>("businesses").Indexes.CreateOneAsync(
            new CreateIndexModel<BsonDocument>(new BsonDocument("ownerUserId", 1), new CreateIndexOptions { Name = "ownerUserId" }), cancellationToken: Ct);

        using (var first = new MongoBotStore(mongo.ConnectionString!, _database))
            await first.InitializeAsync(Ct);
        using var second = new MongoBotStore(mongo.ConnectionString!, _database);
        await second.InitializeAsync(Ct);

        var stored = await second.GetBusinessByOwnerAsync(100, Ct);
        Assert.Equal((business.Id, 3L, business.Phone), (stored!.Id, stored.Version, stored.Phone));
        var response = Assert.Single(await second.GetDiagnosesByOwnerAsync(100, Ct));
        Assert.Equal((diagnosis.Id, 2L, diagnosis.Answers["omzet"]), (response.Id, response.Version, response.Answers["omzet"]));
        foreach (var name in new[] { "businesses", "diagnoses" })
        {
            Assert.Equal(1, await database.GetCollection<BsonDocument>(name).CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty, cancellationToken: Ct));
            Assert.Equal(0, await database.GetCollection<BsonDocument>(name).CountDocumentsAsync(MongoLegacyDocuments.OldLayout, cancellationToken: Ct));
        }
        using var indexes = await database.GetCollection<BsonDocument>("businesses").Indexes.ListAsync(Ct);
        Assert.DoesNotContain("ownerUserId", (await indexes.ToListAsync(Ct)).Select(i => i["name"].AsString));
    }

    private static BsonDocument OldLayout(BsonDocument document, Guid id)
    {
        document["_id"] = new BsonBinaryData(id, GuidRepresentation.Standard);
        return document;
    }
}
