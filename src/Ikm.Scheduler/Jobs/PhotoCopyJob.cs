using Hangfire;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Program;
using Ikm.Workflow.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Ikm.Scheduler.Jobs;

/// <summary>
/// Keeps a copy of every visit photo under the data directory (photos/{visit}/{n}.jpg), so the program's evidence
/// outlives the channel, and deletes the copies of visits an erasure (/hapusdata) anonymised. Runs every few minutes;
/// a photo already copied, or a folder already gone, is skipped, so it is safe to run again.
/// </summary>
[AutomaticRetry(Attempts = 3)]
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed class PhotoCopyJob(IDocumentStore documents, IBotStore store, IFileDownloader files, IConfiguration configuration, ILogger<PhotoCopyJob> log)
{
    public const string RecurringId = "photo-copies";

    public async Task RunAsync(CancellationToken ct)
    {
        var root = Path.Combine(configuration["Storage:DataDirectory"] ?? "data", "photos");
        await DeleteErasedAsync(root, ct);
        var changed = new List<DocumentChange>();
        // Only the visits with a photo still to copy, by index: not a scan of every visit every few minutes.
        foreach (var visit in await documents.FindAsync<Visit>("photos", Visit.PhotosToCopy, ct))
        {
            var copied = new Dictionary<string, string>();
            foreach (var (photo, index) in visit.Photos.Select((p, i) => (p, i)))
            {
                if (photo.LocalPath is not null) continue;
                var bytes = await files.DownloadAsync(photo.FileId, ct);
                if (bytes is null) continue;
                var folder = Path.Combine(root, visit.Id);
                Directory.CreateDirectory(folder);
                var path = Path.Combine(folder, $"{index + 1}.jpg");
                await File.WriteAllBytesAsync(path, bytes, ct);
                copied[photo.FileId] = Path.GetRelativePath(Path.GetDirectoryName(root)!, path);
            }

            if (copied.Count == 0) continue;
            // Read again before writing: the download took a while, and an erasure may have anonymised the visit
            // meanwhile; writing the copy read before it would bring the erased texts back.
            var fresh = await documents.GetAsync<Visit>(visit.Id, ct);
            if (fresh is null || fresh.PhotoCopiesToDelete)
            {
                DeleteFolder(root, visit.Id);
                continue;
            }

            fresh.Photos = [.. fresh.Photos.Select(p => p.LocalPath is null && copied.TryGetValue(p.FileId, out var local) ? p with { LocalPath = local } : p)];
            changed.Add(new DocumentChange(fresh));
        }

        if (changed.Count == 0) return;
        await store.CommitAsync([new ChangeSet { Documents = changed }], ct);
        log.LogInformation("Copied photos of {Count} visits", changed.Count);
    }

    /// <summary>The copies of visits an erasure anonymised: the folder goes, then the visit leaves the work list.</summary>
    private async Task DeleteErasedAsync(string root, CancellationToken ct)
    {
        var done = new List<DocumentChange>();
        foreach (var visit in await documents.FindAsync<Visit>("photos", Visit.PhotosToDelete, ct))
        {
            DeleteFolder(root, visit.Id);
            visit.PhotoCopiesToDelete = false;
            done.Add(new DocumentChange(visit));
        }

        if (done.Count == 0) return;
        await store.CommitAsync([new ChangeSet { Documents = done }], ct);
        log.LogInformation("Deleted the photo copies of {Count} erased visits", done.Count);
    }

    private static void DeleteFolder(string root, string visitId)
    {
        var folder = Path.Combine(root, visitId);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
