using Ikm.Storage.Files;

namespace Ikm.Storage.Tests.Files;

public sealed class DataDirectoryLockTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ikm-lock-").FullName;

    [Fact]
    public void Acquire_Throws_NamingTheHoldersProcess_WhenTheDirectoryIsLocked()
    {
        using var holder = new DataDirectoryLock(_directory);
        holder.Acquire();
        using var second = new DataDirectoryLock(_directory);

        var refused = Assert.Throws<DataDirectoryInUseException>(second.Acquire);

        Assert.Equal(Environment.ProcessId, refused.ProcessId);
        Assert.Equal($"The data directory {Path.GetFullPath(_directory)} is in use by process {Environment.ProcessId}.", refused.Message);
        Assert.False(second.IsHeld);
        Assert.True(holder.IsHeld);
    }

    [Fact]
    public async Task Acquire_Succeeds_OnceTheHolderReleased_AndIsTheDispatchLease()
    {
        var holder = new DataDirectoryLock(_directory);
        holder.Acquire();
        holder.Dispose();
        using var next = new DataDirectoryLock(_directory);

        Assert.False(await next.HoldsAsync(CancellationToken.None));
        next.Acquire();

        Assert.True(await next.HoldsAsync(CancellationToken.None));
        Assert.False(await holder.HoldsAsync(CancellationToken.None));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
