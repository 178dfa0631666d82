using Ikm.Scheduler.Jobs;
using Ikm.Storage;
using Ikm.Storage.Sqlite;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ikm.Bot.Tests.Scheduler;

/// <summary>The photo copy job against the embedded store: it changes the photo paths of the current visit only.</summary>
public sealed class PhotoCopyJobTests : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ikm-photos-").FullName;
    private readonly SqliteBotStore _store;

    public PhotoCopyJobTests() => _store = new SqliteBotStore(Path.Combine(_directory, "ikm.db"));

    [Fact]
    public async Task Run_KeepsAMentorsCheckOut_CommittedBetweenTheJobsReadAndWrite()
    {
        await _store.InitializeAsync(CancellationToken.None);
        var visit = new Visit
        {
            Id = "visit-1",
            CohortId = "c-1",
            MentorUserId = 801,
            Status = VisitStatus.CheckedIn,
            StartedAt = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero),
            Photos = [new VisitPhoto("photo-1", null)],
        };
        await _store.CommitAsync([new ChangeSet { Documents = [new DocumentChange(visit)] }], CancellationToken.None);
        var checkOut = new CheckOutAfterTheJobsRead(_store);
        var storage = Microsoft.Extensions.Options.Options.Create(new StorageOptions { DataDirectory = _directory });
        var job = new PhotoCopyJob(checkOut, _store, new Photos(), storage, NullLogger<PhotoCopyJob>.Instance);

        await job.RunAsync(CancellationToken.None);

        var stored = (await _store.GetAsync<Visit>("visit-1", CancellationToken.None))!;
        Assert.Equal(VisitStatus.Logging, stored.Status);
        Assert.Equal(checkOut.EndedAt, stored.EndedAt);
        Assert.Equal("Kemasan mudah sobek", stored.Problem);
        Assert.Equal(Path.Combine("photos", "visit-1", "1.jpg"), Assert.Single(stored.Photos).LocalPath);
        Assert.Equal(3, stored.Version);
        Assert.True(File.Exists(Path.Combine(_directory, "photos", "visit-1", "1.jpg")));
        Assert.Empty(await _store.FindAsync<Visit>("photos", Visit.PhotosToCopy, CancellationToken.None));
    }

    /// <summary>Issue 10 item 7: the database and its -wal/-shm, a photo copy, a backup and their folders are the owner's only.</summary>
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Run_WithAPhotoAndABackup_LeavesEveryFile0600_AndEveryDirectory0700()
    {
        Assert.False(OperatingSystem.IsWindows(), "Unix file modes");
        await _store.InitializeAsync(CancellationToken.None);
        var visit = new Visit { Id = "visit-2", CohortId = "c-1", MentorUserId = 801, Status = VisitStatus.Logging, Photos = [new VisitPhoto("photo-2", null)] };
        await _store.CommitAsync([new ChangeSet { Documents = [new DocumentChange(visit)] }], CancellationToken.None);
        var storage = Microsoft.Extensions.Options.Options.Create(new StorageOptions { DataDirectory = _directory });
        File.SetUnixFileMode(_directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        await new PhotoCopyJob(_store, _store, new Photos(), storage, NullLogger<PhotoCopyJob>.Instance).RunAsync(CancellationToken.None);
        await new BackupJob(_store, storage, Microsoft.Extensions.Options.Options.Create(new BackupOptions()), TimeProvider.System, NullLogger<BackupJob>.Instance)
            .RunAsync(CancellationToken.None);
        await using (var restarted = new SqliteBotStore(Path.Combine(_directory, "ikm.db")))
            await restarted.InitializeAsync(CancellationToken.None);

        var files = Directory.GetFiles(_directory, "*", SearchOption.AllDirectories);
        Assert.Contains(Path.Combine(_directory, "photos", "visit-2", "1.jpg"), files);
        Assert.Contains(Path.Combine(_directory, "ikm.db-wal"), files);
        Assert.Single(Directory.GetFiles(Path.Combine(_directory, BackupJob.FolderName)));
        var wrong = files.Where(f => File.GetUnixFileMode(f) != (UnixFileMode.UserRead | UnixFileMode.UserWrite))
            .Concat(Directory.GetDirectories(_directory, "*", SearchOption.AllDirectories).Append(_directory)
                .Where(d => File.GetUnixFileMode(d) != (UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute)))
            .Select(f => $"{Path.GetRelativePath(_directory, f)} {File.GetUnixFileMode(f)}");
        Assert.Empty(wrong);
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private sealed class Photos : IFileDownloader
    {
        public Task<byte[]?> DownloadAsync(string fileId, CancellationToken ct) => Task.FromResult<byte[]?>([1, 2, 3]);
    }

    /// <summary>
    /// The documents the job reads; right after the job reads the visit by id (its last read before writing), the
    /// mentor's check-out of that visit is committed, as the bot would do meanwhile.
    /// </summary>
    private sealed class CheckOutAfterTheJobsRead(SqliteBotStore store) : IDocumentStore
    {
        private bool _checkedOut;

        public DateTimeOffset EndedAt { get; } = new(2026, 11, 23, 4, 30, 0, TimeSpan.Zero);

        public async Task<T?> GetAsync<T>(string id, CancellationToken ct) where T : class, IDocument
        {
            var read = await store.GetAsync<T>(id, ct);
            if (!_checkedOut && read is Visit)
            {
                _checkedOut = true;
                var current = (await store.GetAsync<Visit>(id, ct))!;
                current.Status = VisitStatus.Logging;
                current.EndedAt = EndedAt;
                current.Problem = "Kemasan mudah sobek";
                await store.CommitAsync([new ChangeSet { Documents = [new DocumentChange(current)] }], ct);
            }
            return read;
        }

        public Task<IReadOnlyList<T>> FindAsync<T>(string index, string value, CancellationToken ct) where T : class, IDocument =>
            store.FindAsync<T>(index, value, ct);

        public Task<IReadOnlyList<T>> AllAsync<T>(CancellationToken ct) where T : class, IDocument => store.AllAsync<T>(ct);
    }
}
