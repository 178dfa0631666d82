namespace Ikm.Storage.Files;

/// <summary>
/// Files at rest are the owner's only (UU PDP: names, phones, locations, photos): every directory under the data
/// directory is created 0700 and every file 0600, whatever the process umask. On Windows the modes do not apply and
/// these are plain creates. The one place that says how a private file or directory is made.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Creates the directory (and its missing parents) 0700; an existing one of this user is narrowed to 0700 (one
    /// this user does not own, e.g. /tmp, is left as it is: only its owner may change it).
    /// </summary>
    public static DirectoryInfo CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
            return Directory.CreateDirectory(path);
        // Directory.CreateDirectory(path, mode) gives the mode to the last directory only: missing parents one by one.
        var missing = new Stack<string>();
        for (var parent = Path.GetFullPath(path); parent is not null && !Directory.Exists(parent); parent = Path.GetDirectoryName(parent))
            missing.Push(parent);
        foreach (var created in missing)
            Directory.CreateDirectory(created, DirectoryMode);
        var directory = new DirectoryInfo(path);
        if (directory.UnixFileMode != DirectoryMode)
        {
            try
            {
                directory.UnixFileMode = DirectoryMode;
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return directory;
    }

    /// <summary>Opens (creating it 0600 if needed) a file for writing; an existing file is narrowed to 0600.</summary>
    public static FileStream Open(string path, System.IO.FileMode mode, FileShare share = FileShare.None)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.ReadWrite, Share = share };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = FileMode;
        var stream = new FileStream(path, options);
        Restrict(path);
        return stream;
    }

    /// <summary>Writes the whole file, created 0600 (replacing any content).</summary>
    public static async Task WriteAllBytesAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        await using var stream = Open(path, System.IO.FileMode.Create);
        await stream.WriteAsync(bytes, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Narrows a file someone else created (SQLite's -wal and -shm follow the umask) to 0600; a file already gone
    /// is left alone.
    /// </summary>
    public static void Restrict(string path)
    {
        if (OperatingSystem.IsWindows())
            return;
        try
        {
            if (File.GetUnixFileMode(path) != FileMode)
                File.SetUnixFileMode(path, FileMode);
        }
        catch (FileNotFoundException)
        {
        }
    }
}
