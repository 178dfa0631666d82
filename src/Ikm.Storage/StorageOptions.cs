using Microsoft.Extensions.Configuration;

namespace Ikm.Storage;

/// <summary>The "Storage" configuration section (Storage__MongoUrl, Storage__DataDirectory).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";
    public const string DefaultDataDirectory = "data";

    /// <summary>MongoDB connection string (database name in the URL); blank: the embedded SQLite store.</summary>
    public string? MongoUrl { get; init; }

    /// <summary>Where the SQLite file, photos, generated files and backups live; blank: "data".</summary>
    public string DataDirectory
    {
        get;
        init => field = string.IsNullOrWhiteSpace(value) ? DefaultDataDirectory : value;
    } = DefaultDataDirectory;

    public bool UsesMongo => !string.IsNullOrWhiteSpace(MongoUrl);

    /// <summary>
    /// The section read in one place: <see cref="StorageServiceCollectionExtensions.AddIkmStorage"/> registers the result as
    /// <c>IOptions&lt;StorageOptions&gt;</c>; registrations and operator commands that run before DI exists call this.
    /// </summary>
    public static StorageOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        return new StorageOptions { MongoUrl = section["MongoUrl"], DataDirectory = section["DataDirectory"]! };
    }
}
