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
/// outlives the channel. Runs every few minutes; a photo already copied is skipped, so it is safe to run again.
/// </summary>
[AutomaticRetry(Attempts = 3)]
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed class PhotoCopyJob(IDocumentStore documents, IBotStore store, IFileDownloader files, IConfiguration configuration, ILogger<PhotoCopyJob> log)
{
    public const string RecurringId = "photo-copies";

    public async Task RunAsync(CancellationToken ct)
    {
        var root = Path.Combine(configuration["Storage:DataDirectory"] ?? "data", "photos");
        var changed = new List<DocumentChange>();
        // Only the visits with a photo still to copy, by index: not a scan of every visit every few minutes.
        foreach (var visit in await documents.FindAsync<Visit>("photos", Visit.PhotosToCopy, ct))
        {
            var photos = new List<VisitPhoto>();
            foreach (var (photo, index) in visit.Photos.Select((p, i) => (p, i)))
            {
                if (photo.LocalPath is not null)
                {
                    photos.Add(photo);
                    continue;
                }

                var bytes = await files.DownloadAsync(photo.FileId, ct);
                if (bytes is null)
                {
                    photos.Add(photo);
                    continue;
                }

                var folder = Path.Combine(root, visit.Id);
                Directory.CreateDirectory(folder);
                var path = Path.Combine(folder, $"{index + 1}.jpg");
                await File.WriteAllBytesAsync(path, bytes, ct);
                photos.Add(photo with { LocalPath = Path.GetRelativePath(Path.GetDirectoryName(root)!, path) });
            }

            if (photos.SequenceEqual(visit.Photos)) continue;
            visit.Photos = photos;
            changed.Add(new DocumentChange(visit));
        }

        if (changed.Count == 0) return;
        await store.CommitAsync([new ChangeSet { Documents = changed }], ct);
        log.LogInformation("Copied photos of {Count} visits", changed.Count);
    }
}
