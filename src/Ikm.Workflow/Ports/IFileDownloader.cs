namespace Ikm.Workflow.Ports;

/// <summary>Fetches a file a user sent (by the channel's file id), for the copies kept under the data directory.</summary>
public interface IFileDownloader
{
    /// <summary>The file's bytes, or null when the channel cannot provide it (e.g. the local terminal chat).</summary>
    Task<byte[]?> DownloadAsync(string fileId, CancellationToken ct);
}
