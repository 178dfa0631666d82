using Ikm.Storage.Files;
using Ikm.Workflow.Ports;

namespace Ikm.Storage;

/// <summary>
/// <see cref="IOutboxFiles"/> in a folder of the data directory. Files are created owner-only (0600, folder 0700) with
/// a random name that keeps the user-facing name's extension; only files inside the folder are ever deleted.
/// </summary>
public sealed class DiskOutboxFiles(string directory) : IOutboxFiles
{
    public const string FolderName = "outbox-files";

    public string Directory { get; } = Path.GetFullPath(directory);

    public Stream Create(string fileName, out string path)
    {
        PrivateFiles.CreateDirectory(Directory);
        path = Path.Combine(Directory, $"{Guid.NewGuid():N}{Path.GetExtension(fileName)}");
        return PrivateFiles.Open(path, FileMode.CreateNew);
    }

    public Stream OpenRead(string path) => new FileStream(Inside(path), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public void Delete(string? path)
    {
        if (path is null || !IsInside(path)) return;
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Open elsewhere for a moment: the retention purge takes it later.
        }
    }

    public int DeleteOlderThan(DateTimeOffset before)
    {
        if (!System.IO.Directory.Exists(Directory)) return 0;
        var count = 0;
        foreach (var file in new DirectoryInfo(Directory).EnumerateFiles())
        {
            if (file.LastWriteTimeUtc >= before.UtcDateTime) continue;
            Delete(file.FullName);
            count++;
        }

        return count;
    }

    /// <summary>
    /// Deletes the file of an erased outbox row, for a store that does not know the data directory: only a file directly
    /// in a folder named <see cref="FolderName"/>, so a row's path can never point the deletion anywhere else.
    /// </summary>
    public static void DeleteErased(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            if (Path.GetFileName(Path.GetDirectoryName(full)) != FolderName) continue;
            try
            {
                File.Delete(full);
            }
            catch (IOException)
            {
                // Being sent at this moment: the dispatcher deletes it once delivered.
            }
        }
    }

    /// <summary>Whether the path names a file directly in this folder (a row's path is never trusted further).</summary>
    public bool IsInside(string path) =>
        string.Equals(Path.GetDirectoryName(Path.GetFullPath(path)), Directory, StringComparison.Ordinal);

    private string Inside(string path) =>
        IsInside(path) ? path : throw new ArgumentException("Not a file of the outbox folder.", nameof(path));
}
