using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Ikm.Workflow.Ports;

namespace Ikm.Storage.Files;

/// <summary>
/// One process per data directory: an exclusive lock on <c>{directory}/ikm.lock</c> (flock on Unix, a sharing lock on
/// Windows), holding the owner's process id, taken before the store is opened and kept for the life of the process.
/// The operating system drops it when the process ends, however it ends (kill -9 included), so a stale file never
/// blocks a restart. With SQLite it is also the dispatch lease: the only process on the directory is the only sender.
/// </summary>
public sealed class DataDirectoryLock(string directory) : IDispatchLease, IDisposable
{
    public const string FileName = "ikm.lock";

    private readonly Lock _gate = new();
    private FileStream? _held;

    public string Directory { get; } = Path.GetFullPath(directory);

    public string FilePath => Path.Combine(Directory, FileName);

    public bool IsHeld => Volatile.Read(ref _held) is not null;

    /// <summary>Takes the lock, or throws <see cref="DataDirectoryInUseException"/> naming the process that has it.</summary>
    public void Acquire()
    {
        lock (_gate)
        {
            if (_held is not null)
                return;
            PrivateFiles.CreateDirectory(Directory);
            FileStream stream;
            try
            {
                stream = PrivateFiles.Open(FilePath, FileMode.OpenOrCreate);
            }
            catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
            {
                throw new DataDirectoryInUseException(Directory, HolderProcessId(FilePath), ex);
            }

            stream.SetLength(0);
            stream.Write(Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture)));
            stream.Flush(flushToDisk: true);
            Volatile.Write(ref _held, stream);
        }
    }

    public ValueTask<bool> HoldsAsync(CancellationToken ct) => ValueTask.FromResult(IsHeld);

    public void Dispose()
    {
        lock (_gate)
        {
            // The file stays: deleting it would let a third process lock a new file while a second waits on this one.
            _held?.Dispose();
            Volatile.Write(ref _held, null);
        }
    }

    /// <summary>
    /// The pid written by the holder. .NET takes a shared flock even to read a file on Unix, which the holder's
    /// exclusive lock refuses, so the few bytes are read with plain open/read; null when unknown (Windows, or the
    /// holder has not written it yet).
    /// </summary>
    private static int? HolderProcessId(string path)
    {
        if (OperatingSystem.IsWindows())
            return null;
        try
        {
            var fd = Native.Open(path, 0 /* O_RDONLY */);
            if (fd < 0)
                return null;
            try
            {
                var buffer = new byte[32];
                var read = Native.Read(fd, buffer, buffer.Length);
                return read > 0 && int.TryParse(Encoding.ASCII.GetString(buffer, 0, (int)read), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                    ? pid
                    : null;
            }
            finally
            {
                _ = Native.Close(fd);
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    private static class Native
    {
        [DllImport("libc", EntryPoint = "open")]
        public static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", EntryPoint = "read")]
        public static extern nint Read(int fd, byte[] buffer, nint count);

        [DllImport("libc", EntryPoint = "close")]
        public static extern int Close(int fd);
    }
}

/// <summary>Another process holds the data directory: this one must stop before it opens the store or sends anything.</summary>
public sealed class DataDirectoryInUseException(string directory, int? processId, Exception? inner = null)
    : Exception(processId is { } pid
        ? $"The data directory {directory} is in use by process {pid}."
        : $"The data directory {directory} is in use by another process.", inner)
{
    /// <summary>EX_TEMPFAIL: the process may be started again once the other one has stopped.</summary>
    public const int ExitCode = 75;

    public string Directory { get; } = directory;

    public int? ProcessId { get; } = processId;
}
