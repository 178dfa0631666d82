using Testcontainers.MongoDb;

namespace Ikm.Storage.Tests.Support;

/// <summary>A replica set for the live test class: the one at IKM_TEST_MONGO_RS_URL, or a one-member set in a container.</summary>
public sealed class MongoReplicaSetFixture : IAsyncLifetime
{
    private MongoDbContainer? _container;

    /// <summary>Null when the live tests are skipped.</summary>
    public string? ConnectionString { get; private set; }

    public async Task InitializeAsync()
    {
        if (MongoAvailability.ReplicaSetUrl is { } url)
        {
            ConnectionString = url;
            return;
        }
        if (!MongoAvailability.UseDockerReplicaSet)
            return;
        _container = new MongoDbBuilder("mongo:7.0").WithReplicaSet("rs0").Build();
        await _container.StartAsync();
        ConnectionString = _container.GetConnectionString();
    }

    public async Task DisposeAsync()
    {
        if (_container is not null)
            await _container.DisposeAsync();
    }
}
