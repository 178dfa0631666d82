using Testcontainers.MongoDb;

namespace Ikm.Storage.Tests.Support;

/// <summary>One MongoDB for the live test class: the one at IKM_TEST_MONGO_URL, or a container when Docker answers.</summary>
public sealed class MongoFixture : IAsyncLifetime
{
    private MongoDbContainer? _container;

    /// <summary>Null when the live tests are skipped.</summary>
    public string? ConnectionString { get; private set; }

    public async Task InitializeAsync()
    {
        if (MongoAvailability.Url is { } url)
        {
            ConnectionString = url;
            return;
        }
        if (!MongoAvailability.UseDocker)
            return;
        _container = new MongoDbBuilder("mongo:7.0").Build();
        await _container.StartAsync();
        ConnectionString = _container.GetConnectionString();
    }

    public async Task DisposeAsync()
    {
        if (_container is not null)
            await _container.DisposeAsync();
    }
}
