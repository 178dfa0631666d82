using Hangfire;
using Ikm.Storage.Files;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Storage;
using Ikm.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ikm.Scheduler.Jobs;

/// <summary>
/// Keeps a copy of every visit photo under the data directory (photos/{visit}/{n}.jpg), so the program's evidence
/// outlives the channel, and deletes the copies of visits an erasure (/hapusdata) anonymised. Runs every few minutes;
/// a photo already copied, or a folder already gone, is skipped, so it is safe to run again.
/// It changes only the photo paths: a visit written meanwhile (a mentor's check-out) makes the version-checked write
/// conflict, and the paths are then set on the visit as it is now, never written over it.
/// </summary>
[AutomaticRetry(Attempts = 3)]
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed class PhotoCopyJob(IDocumentStore documents, IBotStore store, IFileDownloader files, IOptions<StorageOptions> storage, ILogger<PhotoCopyJob> log)
{
    public const string RecurringId = "photo-copies";

    private const int MaxWriteAttempts = 5;

    public async Task RunAsync(CancellationToken ct)
    {
        var root = Path.Combine(storage.Value.DataDirectory, "photos");
        await DeleteErasedAsync(root, ct);
        var changed = new List<PhotoPaths>();
        // Only the visits with a photo still to copy, by index: not a scan of every visit every few minutes.
        foreach (var visit in await documents.FindAsync<Visit>(DocumentIndex.Photos(Visit.PhotosToCopy), ct))
        {
            var copied = new Dictionary<string, string>();
            foreach (var (photo, index) in visit.Photos.Select((p, i) => (p, i)))
            {
                if (photo.LocalPath is not null) continue;
                var bytes = await files.DownloadAsync(photo.FileId, ct);
                if (bytes is null) continue;
                var folder = Path.Combine(root, visit.Id);
                PrivateFiles.CreateDirectory(folder);
                var path = Path.Combine(folder, $"{index + 1}.jpg");
                await PrivateFiles.WriteAllBytesAsync(path, bytes, ct);
                copied[photo.FileId] = Path.GetRelativePath(Path.GetDirectoryName(root)!, path);
            }

            if (copied.Count == 0) continue;
            if (await CurrentAsync(root, visit.Id, ct) is { } fresh && WithPaths(fresh, copied))
                changed.Add(new PhotoPaths(fresh, copied));
        }

        if (changed.Count == 0) return;
        await CommitAsync(root, changed, ct);
        log.LogInformation("Copied photos of {Count} visits", changed.Count);
    }

    /// <summary>
    /// The visit as stored now: the download took a while, and an erasure may have anonymised it meanwhile (writing the
    /// copy read before it would bring the erased texts back) — then its folder goes and there is nothing to write.
    /// </summary>
    private async Task<Visit?> CurrentAsync(string root, string visitId, CancellationToken ct)
    {
        var fresh = await documents.GetAsync<Visit>(visitId, ct);
        if (fresh is not null && !fresh.PhotoCopiesToDelete)
            return fresh;
        DeleteFolder(root, visitId);
        return null;
    }

    /// <summary>One change set per visit, so a conflict names the visit that moved on; that one is read again and retried.</summary>
    private async Task CommitAsync(string root, List<PhotoPaths> pending, CancellationToken ct)
    {
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            try
            {
                await store.CommitAsync([.. pending.Select(p => new ChangeSet { Documents = [new DocumentChange(p.Visit)] })], ct);
                return;
            }
            catch (ConcurrencyException conflict) when (attempt < MaxWriteAttempts)
            {
                var next = conflict.OthersCommitted ? [] : pending.Where((_, i) => !conflict.ChangeSets.Contains(i)).ToList();
                foreach (var moved in conflict.ChangeSets.Select(i => pending[i]))
                {
                    log.LogInformation("Visit {VisitId} changed while its photos were copied; setting the paths on its current version", moved.Visit.Id);
                    if (await CurrentAsync(root, moved.Visit.Id, ct) is { } current && WithPaths(current, moved.Paths))
                        next.Add(moved with { Visit = current });
                }
                pending = next;
            }
        }
    }

    /// <summary>Sets the copied paths on the visit's photos still without one; false when none was left to set.</summary>
    private static bool WithPaths(Visit visit, IReadOnlyDictionary<string, string> paths)
    {
        var photos = visit.Photos
            .Select(p => p.LocalPath is null && paths.TryGetValue(p.FileId, out var local) ? p with { LocalPath = local } : p)
            .ToList();
        if (photos.SequenceEqual(visit.Photos))
            return false;
        visit.Photos = photos;
        return true;
    }

    /// <summary>The copies of visits an erasure anonymised: the folder goes, then the visit leaves the work list.</summary>
    private async Task DeleteErasedAsync(string root, CancellationToken ct)
    {
        var done = new List<DocumentChange>();
        foreach (var visit in await documents.FindAsync<Visit>(DocumentIndex.Photos(Visit.PhotosToDelete), ct))
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

    private sealed record PhotoPaths(Visit Visit, IReadOnlyDictionary<string, string> Paths);
}
