using Ikm.Storage.Mongo;
using Ikm.Storage.Sqlite;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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
    [InlineData("/srv/ikm-data", "/srv/ikm-data")]
    [InlineData("  ", StorageOptions.DefaultDataDirectory)]
    [InlineData(null, StorageOptions.DefaultDataDirectory)]
    public void AddIkmStorage_RegistersStorageOptions_WithTheConfiguredOrDefaultDataDirectory(string? configured, string expected)
    {
        using var provider = Build(new() { ["Storage:DataDirectory"] = configured });

        var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;

        Assert.Equal(expected, storage.DataDirectory);
        Assert.False(storage.UsesMongo);
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

    [Fact]
    public void AddIkmStorage_ResolvesDraftStore_AsTheSameSqliteInstance()
    {
        using var provider = Build([]);

        var store = Assert.IsType<SqliteBotStore>(provider.GetRequiredService<IBotStore>());

        Assert.Same(store, provider.GetRequiredService<IDraftStore>());
        Assert.Same(store, provider.GetRequiredService<IDocumentStore>());
        Assert.Same(store, provider.GetRequiredService<SqliteBotStore>());
    }

    [Fact]
    public void AddIkmStorage_ResolvesDraftStore_AsTheSameMongoInstance()
    {
        var provider = Build(new() { ["Storage:MongoUrl"] = "mongodb://db.example:27017/ikm" });

        var store = Assert.IsType<MongoBotStore>(provider.GetRequiredService<IBotStore>());

        Assert.Same(store, provider.GetRequiredService<IDraftStore>());
        Assert.Same(store, provider.GetRequiredService<IDocumentStore>());
        Assert.Same(store, provider.GetRequiredService<MongoBotStore>());
        provider.Dispose(); // disposes the one instance once per registration: must not throw
    }

    [Fact]
    public void AddIkmStorage_KeepsDraftStoreOnTheAdapter_WhenBotStoreIsDecorated()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([]).Build();
        var services = new ServiceCollection().AddIkmStorage(configuration);
        // As a test host does: replace the IBotStore registration with a decorator around what it produced.
        var original = services.Single(d => d.ServiceType == typeof(IBotStore));
        services.Remove(original);
        services.AddSingleton<IBotStore>(sp => new Decorator((IBotStore)original.ImplementationFactory!(sp)));
        using var provider = services.BuildServiceProvider();

        var decorator = Assert.IsType<Decorator>(provider.GetRequiredService<IBotStore>());
        var drafts = provider.GetRequiredService<IDraftStore>();

        var adapter = Assert.IsType<SqliteBotStore>(decorator.Inner);
        Assert.Same(adapter, drafts);
        Assert.Same(adapter, provider.GetRequiredService<IDocumentStore>());
        Assert.Same(adapter, provider.GetRequiredService<SqliteBotStore>());
    }

    private sealed class Decorator(IBotStore inner) : IBotStore
    {
        public IBotStore Inner { get; } = inner;
        public Task InitializeAsync(CancellationToken ct) => Inner.InitializeAsync(ct);
        public Task<bool> PingAsync(CancellationToken ct) => Inner.PingAsync(ct);
        public Task<Workflow.Conversations.Conversation?> GetConversationAsync(long chatId, CancellationToken ct) => Inner.GetConversationAsync(chatId, ct);
        public Task<IReadOnlyDictionary<long, Workflow.Conversations.Conversation>> GetConversationsAsync(IReadOnlyCollection<long> chatIds, CancellationToken ct) => Inner.GetConversationsAsync(chatIds, ct);
        public Task<Workflow.Members.Member?> GetMemberAsync(long userId, CancellationToken ct) => Inner.GetMemberAsync(userId, ct);
        public Task<IReadOnlyDictionary<long, Workflow.Members.Member>> GetMembersAsync(IReadOnlyCollection<long> userIds, CancellationToken ct) => Inner.GetMembersAsync(userIds, ct);
        public Task CommitAsync(IReadOnlyList<ChangeSet> changes, CancellationToken ct) => Inner.CommitAsync(changes, ct);
        public Task<IReadOnlyList<OutboxEntry>> GetDueOutboxAsync(DateTimeOffset now, int max, int maxPerChat, CancellationToken ct) => Inner.GetDueOutboxAsync(now, max, maxPerChat, ct);
        public Task<int> PurgeDeliveredOutboxAsync(DateTimeOffset createdBefore, CancellationToken ct) => Inner.PurgeDeliveredOutboxAsync(createdBefore, ct);
        public Task MarkOutboxAsync(IReadOnlyList<OutboxUpdate> updates, CancellationToken ct) => Inner.MarkOutboxAsync(updates, ct);
        public Task<OutboxEntry?> GetOutboxEntryAsync(string id, CancellationToken ct) => Inner.GetOutboxEntryAsync(id, ct);
        public Task<IReadOnlyList<FailedUpdate>> GetFailedUpdatesAsync(CancellationToken ct) => Inner.GetFailedUpdatesAsync(ct);
        public Task MarkUnreachableAsync(long chatId, CancellationToken ct) => Inner.MarkUnreachableAsync(chatId, ct);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddIkmStorage(configuration).BuildServiceProvider();
    }
}
