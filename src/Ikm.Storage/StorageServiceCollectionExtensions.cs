using Ikm.Storage.Files;
using Ikm.Storage.Mongo;
using Ikm.Storage.Sqlite;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MongoDB.Driver;

namespace Ikm.Storage;

public static class StorageServiceCollectionExtensions
{
    public const string DefaultMongoDatabase = "ikm";
    public const string SqliteFileName = "ikm.db";

    /// <summary>
    /// Registers the store: MongoDB when <c>Storage:MongoUrl</c> is set (database from the URL, else "ikm"), otherwise
    /// SQLite at <c>{Storage:DataDirectory}/ikm.db</c> (default directory "data"). The adapter is one singleton,
    /// registered under its own type and resolved from there as <see cref="IBotStore"/>, <see cref="IDocumentStore"/> and
    /// <see cref="IDraftStore"/>: replacing or decorating the <see cref="IBotStore"/> registration leaves the
    /// others on the same adapter.
    /// </summary>
    public static IServiceCollection AddIkmStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var storage = StorageOptions.From(configuration);
        services.AddSingleton(Options.Create(storage));
        var directory = storage.DataDirectory;
        // Generated files live on the local disk with either store (as the photo copies do).
        services.AddSingleton<IOutboxFiles>(new DiskOutboxFiles(Path.Combine(directory, DiskOutboxFiles.FolderName)));
        services.AddSingleton(sp => new LocalChatFiles(Path.Combine(directory, LocalChatFiles.FolderName), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<LocalChatFiles>>()));
        // Also with Telegram: copies a local-chat run left in this data directory are erased with the owner.
        services.AddSingleton<ISentFileCopies>(sp => sp.GetRequiredService<LocalChatFiles>());

        if (storage.MongoUrl is { } mongoUrl && storage.UsesMongo)
        {
            // Parsed now so a malformed URL fails at start-up, not at the first update.
            var database = MongoUrl.Create(mongoUrl).DatabaseName;
            if (string.IsNullOrWhiteSpace(database))
                database = DefaultMongoDatabase;
            services.AddSingleton<IDispatchLease>(sp => new MongoDispatchLease(sp.GetRequiredService<MongoBotStore>().Leases,
                sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetService<ILogger<MongoDispatchLease>>()));
            return services.AddStore(sp => new MongoBotStore(mongoUrl, database, sp.GetService<TimeProvider>(), sp.GetService<ILogger<MongoBotStore>>()));
        }

        var path = Path.Combine(directory, SqliteFileName);
        // One process per data directory: the host takes this lock before the store opens, and it is the dispatch lease.
        services.AddSingleton(_ => new DataDirectoryLock(directory));
        services.AddSingleton<IDispatchLease>(sp => sp.GetRequiredService<DataDirectoryLock>());
        services.AddSingleton<IStoreBackup>(sp => sp.GetRequiredService<SqliteBotStore>());
        return services.AddStore(sp => new SqliteBotStore(path, sp.GetService<TimeProvider>(), sp.GetService<ILogger<SqliteBotStore>>()));
    }

    private static IServiceCollection AddStore<TStore>(this IServiceCollection services, Func<IServiceProvider, TStore> create)
        where TStore : class, IBotStore, IDocumentStore, IDraftStore
    {
        services.AddSingleton(create);
        services.AddSingleton<IBotStore>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IDocumentStore>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IDraftStore>(sp => sp.GetRequiredService<TStore>());
        return services;
    }
}
