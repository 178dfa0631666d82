using Ikm.Storage;
using Ikm.Storage.Files;
using Ikm.Storage.Sqlite;

namespace Ikm.Bot.Hosting;

/// <summary>
/// <c>backup &lt;file&gt;</c> and <c>restore &lt;file&gt;</c> of the SQLite store, read with the bot's own configuration
/// (appsettings.json, environment, command line) so they act on the data directory the bot uses. A backup runs beside
/// a running bot; a restore refuses while one runs. MongoDB is backed up with mongodump / mongorestore.
/// </summary>
internal static class OperatorCommands
{
    private const int Usage = 64; // EX_USAGE
    private const int IoError = 74; // EX_IOERR

    public static bool Handles(string[] args) => args is ["backup" or "restore", ..];

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length < 2 || string.IsNullOrWhiteSpace(args[1]))
        {
            error.WriteLine($"Usage: Ikm.Bot {args[0]} <file>");
            return Usage;
        }

        var configuration = WebApplication.CreateBuilder(args[2..]).Configuration;
        var storage = StorageOptions.From(configuration);
        if (storage.UsesMongo)
        {
            error.WriteLine("Storage__MongoUrl is set: back up and restore MongoDB with mongodump and mongorestore.");
            return Usage;
        }

        var directory = storage.DataDirectory;
        var file = Path.GetFullPath(args[1]);
        try
        {
            if (args[0] == "backup")
            {
                SqliteBackup.Backup(Path.Combine(directory, StorageServiceCollectionExtensions.SqliteFileName), file);
                output.WriteLine($"Backup written to {file} ({new FileInfo(file).Length} bytes).");
            }
            else
            {
                SqliteBackup.Restore(file, directory);
                output.WriteLine($"Restored {file} into {Path.GetFullPath(directory)}.");
            }
            return 0;
        }
        catch (DataDirectoryInUseException ex)
        {
            error.WriteLine($"{ex.Message} Stop the bot before a restore.");
            return DataDirectoryInUseException.ExitCode;
        }
        catch (InvalidBackupException ex)
        {
            error.WriteLine(ex.Message);
            return InvalidBackupException.ExitCode;
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            error.WriteLine($"The database in {Path.GetFullPath(directory)} could not be read: SQLite error {ex.SqliteErrorCode}.");
            return IoError;
        }
    }
}
