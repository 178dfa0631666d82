using Ikm.Storage.Mongo;
using Ikm.Storage.Sqlite;
using Ikm.Workflow.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ikm.Storage.Tests;

public sealed class StorageServiceCollectionExtensionsTests
{
    [Fact]
    public void AddIkmStorage_RegistersSqliteUnderDataDirectory_WhenNoMongoUrl()
    {
        using var provider = Build(new() { ["Storage:DataDirectory"] = "/srv/ikm-data" });

        var store = Assert.IsType<SqliteBotStore>(provider.GetRequiredService<IBotStore>());

        Assert.Equal("/srv/ikm-data/ikm.db", store.FilePath);
        Assert.Same(store, provider.GetRequiredService<IBotStore>());
    }

    [Fact]
    public void AddIkmStorage_UsesDefaultDataDirectory_WhenNothingIsConfigured()
    {
        using var provider = Build([]);

        var store = Assert.IsType<SqliteBotStore>(provider.GetRequiredService<IBotStore>());

        Assert.Equal(Path.GetFullPath(Path.Combine("data", "ikm.db")), store.FilePath);
    }

    [Theory]
    [InlineData("mongodb://db.example:27017/ikm_prod", "ikm_prod")]
    [InlineData("mongodb://db.example:27017", "ikm")]
    [InlineData("mongodb://db.example:27017/?replicaSet=rs0", "ikm")]
    public void AddIkmStorage_RegistersMongo_WhenMongoUrlIsSet(string url, string database)
    {
        using var provider = Build(new() { ["Storage:MongoUrl"] = url, ["Storage:DataDirectory"] = "/unused" });

        var store = Assert.IsType<MongoBotStore>(provider.GetRequiredService<IBotStore>());

        Assert.Equal(database, store.DatabaseName);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddIkmStorage(configuration).BuildServiceProvider();
    }
}
