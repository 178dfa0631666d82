using Ikm.Storage.Mongo;
using Ikm.Storage.Tests.Support;
using Ikm.Workflow.Ports;
using MongoDB.Driver;

namespace Ikm.Storage.Tests.Mongo;

/// <summary>
/// The same contract against a replica set, where every batch is one transaction (<see cref="MongoCommitMode.Transaction"/>);
/// reported skipped without one.
/// </summary>
public sealed class MongoReplicaSetBotStoreTests(MongoReplicaSetFixture mongo) : BotStoreContract, IClassFixture<MongoReplicaSetFixture>
{
    /// <summary>Read by <see cref="StoreFactDiscoverer"/>.</summary>
    public static string? SkipReason => MongoAvailability.ReplicaSetSkipReason;

    protected override bool CommitIsAtomic => true;

    [StoreFact]
    public void CommitMode_IsOneTransaction()
    {
        Assert.Equal(MongoCommitMode.Transaction, ((MongoBotStore)Store).CommitMode);
    }

    protected override Task<IBotStore> CreateStoreAsync(TimeProvider time)
    {
        var url = mongo.ConnectionString ?? throw new InvalidOperationException(MongoAvailability.ReplicaSetReason);
        return Task.FromResult<IBotStore>(new MongoBotStore(url, $"ikm_test_{Guid.NewGuid():N}", time));
    }

    protected override async Task DeleteStoreAsync(IBotStore store)
    {
        var mongoStore = (MongoBotStore)store;
        using (var client = new MongoClient(mongo.ConnectionString))
            await client.DropDatabaseAsync(mongoStore.DatabaseName);
        mongoStore.Dispose();
    }
}
