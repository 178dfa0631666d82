using Ikm.Storage.Mongo;
using Ikm.Storage.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace Ikm.Storage.Tests.Mongo;

/// <summary>
/// The dispatch lease across instances: the rendered findOneAndUpdate offline, and two instances against a live
/// MongoDB (skipped without one).
/// </summary>
public sealed class MongoDispatchLeaseTests(MongoFixture mongo) : IClassFixture<MongoFixture>
{
    private static readonly JsonWriterSettings Shell = new() { OutputMode = JsonOutputMode.Shell };

    /// <summary>Read by <see cref="StoreFactDiscoverer"/>.</summary>
    public static string? SkipReason => MongoAvailability.SkipReason;

    [Fact]
    public void TakeLease_MatchesOnlyItsOwnOrALapsedLease_AndSetsOwnerAndExpiry()
    {
        var args = new RenderArgs<BsonDocument>(BsonSerializer.LookupSerializer<BsonDocument>(), BsonSerializer.SerializerRegistry);

        Assert.Equal(
            """{ "_id" : "outbox-dispatcher", "$or" : [{ "owner" : "me" }, { "expiresAt" : { "$lt" : ISODate("2025-03-03T01:30:15.123Z") } }] }""",
            MongoQueries.LeaseTakeableBy(MongoDispatchLease.LeaseId, "me", A.T0).Render(args).ToJson(Shell));
        Assert.Equal(
            """{ "$set" : { "owner" : "me", "expiresAt" : ISODate("2025-03-03T01:30:45.123Z") } }""",
            MongoQueries.TakeLease("me", A.T0 + MongoDispatchLease.Duration).Render(args).ToJson(Shell));
    }

    [StoreFact]
    public async Task OneInstanceHoldsTheLease_TheOtherTakesItOnlyOnceItLapsed()
    {
        using var client = new MongoClient(mongo.ConnectionString ?? throw new InvalidOperationException(MongoAvailability.Reason));
        var database = $"ikm_test_{Guid.NewGuid():N}";
        var leases = client.GetDatabase(database).GetCollection<BsonDocument>(MongoMappings.LeasesCollection);
        try
        {
            var time = new FakeTimeProvider(A.T0);
            var first = new MongoDispatchLease(leases, time);
            var second = new MongoDispatchLease(leases, time);

            Assert.True(await first.HoldsAsync(CancellationToken.None));
            Assert.False(await second.HoldsAsync(CancellationToken.None));

            // The first renews while it runs: the second stays out.
            time.Advance(MongoDispatchLease.RenewEvery);
            Assert.True(await first.HoldsAsync(CancellationToken.None));
            Assert.False(await second.HoldsAsync(CancellationToken.None));

            // The first stops renewing (stopped or dead): once its expiry passed, the second takes over, and the first,
            // whose own trust ended before that expiry, does not send meanwhile nor take it back.
            time.Advance(MongoDispatchLease.Duration + TimeSpan.FromSeconds(1));
            Assert.True(await second.HoldsAsync(CancellationToken.None));
            Assert.False(await first.HoldsAsync(CancellationToken.None));
        }
        finally
        {
            await client.DropDatabaseAsync(database);
        }
    }
}
