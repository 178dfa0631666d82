using Ikm.Storage.Mongo;
using Ikm.Storage.Tests.Support;
using Ikm.Workflow.Ports;
using MongoDB.Driver;

namespace Ikm.Storage.Tests.Mongo;

/// <summary>The contract against a live MongoDB; every test is reported skipped when there is none.</summary>
public sealed class MongoBotStoreTests(MongoFixture mongo) : BotStoreContract, IClassFixture<MongoFixture>
{
    /// <summary>Read by <see cref="StoreFactDiscoverer"/>.</summary>
    public static string? SkipReason => MongoAvailability.SkipReason;

    protected override bool CommitIsAtomic => ((MongoBotStore)Store).CommitMode == MongoCommitMode.Transaction;

    protected override Task<IBotStore> CreateStoreAsync(TimeProvider time)
    {
        var url = mongo.ConnectionString ?? throw new InvalidOperationException(MongoAvailability.Reason);
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
