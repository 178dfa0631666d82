using Ikm.Storage.Files;

namespace Ikm.Bot.Hosting;

/// <summary>
/// Takes the data directory's lock (SQLite; MongoDB has none) in the host's first lifecycle step, before any hosted
/// service starts: a second process on the same directory stops here, before it opens the store, polls Telegram or
/// sends anything, and the process exits with <see cref="DataDirectoryInUseException.ExitCode"/>.
/// </summary>
internal sealed class DataDirectoryGuard(DataDirectoryLock? directoryLock, ILogger<DataDirectoryGuard> log) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        try
        {
            directoryLock?.Acquire();
        }
        catch (DataDirectoryInUseException ex)
        {
            log.LogCritical("The data directory {Directory} is in use by process {ProcessId}; not starting", ex.Directory, ex.ProcessId);
            throw;
        }
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Released once everything has stopped, so a restart on the same directory can start at once.</summary>
    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        directoryLock?.Dispose();
        return Task.CompletedTask;
    }
}
