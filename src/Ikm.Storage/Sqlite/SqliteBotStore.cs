using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Ikm.Workflow.Conversations;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Members;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Storage;
using Ikm.Storage.Files;
using Ikm.Storage.Tolerance;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using SQLitePCL;

namespace Ikm.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file, WAL journal with <c>synchronous=FULL</c>; conversations, members and the
/// outbox in tables of their own, every aggregate as a JSON document of the <c>documents</c> table with its index
/// entries in <c>document_index</c>.
/// All writes go through one writer connection (guarded by a semaphore) whose prepared commands are reused, so a
/// commit of a whole batch costs one transaction and one fsync; reads use pooled connections (WAL lets them run
/// beside the writer).
/// </summary>
public sealed class SqliteBotStore : IBotStore, IDocumentStore, IDraftStore, IStoreBackup, IAsyncDisposable, IDisposable
{
    private static readonly SqliteJsonContext Json = SqliteJsonContext.Default;

    /// <summary>
    /// How long a statement waits for a lock another connection holds before the store reports an outage (the
    /// caller backs off and retries): long enough for a checkpoint or a backup step, short enough not to stall
    /// the single intake for Microsoft.Data.Sqlite's default 30 s.
    /// </summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(5);

    private readonly string _createConnectionString;
    private readonly string _readConnectionString;
    private readonly string _writeConnectionString;
    private readonly TimeProvider _time;
    private readonly ILogger? _log;
    /// <summary>Delivery marks enter before queued update commits (<see cref="MarkOutboxAsync"/>).</summary>
    private readonly PriorityGate _writeLock = new();
    private SqliteWriter? _writer;
    /// <summary>The meta instance id of the file opened first; a reopen accepts only that file.</summary>
    private string? _instance;
    private volatile bool _lastWriteFailed;
    private volatile bool _initialized;
    private bool _disposed;

    /// <param name="pathOrConnectionString">A database file path, or a connection string (recognised by its '=').</param>
    /// <param name="timeProvider">Stamps <see cref="OutboxEntry.CreatedAt"/>; the system clock when null.</param>
    /// <param name="log">Warns of stored values read with a fallback (ids only).</param>
    public SqliteBotStore(string pathOrConnectionString, TimeProvider? timeProvider = null, ILogger<SqliteBotStore>? log = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathOrConnectionString);
        var builder = pathOrConnectionString.Contains('=')
            ? new SqliteConnectionStringBuilder(pathOrConnectionString)
            : new SqliteConnectionStringBuilder { DataSource = pathOrConnectionString };
        if (string.IsNullOrWhiteSpace(builder.DataSource)
            || builder.DataSource == ":memory:"
            || builder.Mode == SqliteOpenMode.Memory)
        {
            // Readers use their own connections, which an in-memory database would not share.
            throw new ArgumentException("SqliteBotStore needs a database file.", nameof(pathOrConnectionString));
        }

        FilePath = Path.GetFullPath(builder.DataSource);
        builder.DataSource = FilePath;
        builder.DefaultTimeout = (int)BusyTimeout.TotalSeconds;
        // Only the first open may create the file: once it exists, a vanished file is an outage, never a fresh
        // empty database that would forget every chat.
        builder.Mode = SqliteOpenMode.ReadWrite;
        builder.Pooling = true;
        _readConnectionString = builder.ToString();
        // The writer connection lives as long as the store; pooling it would only keep it open after disposal.
        builder.Pooling = false;
        _writeConnectionString = builder.ToString();
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        _createConnectionString = builder.ToString();
        _time = timeProvider ?? TimeProvider.System;
        _log = log;
    }

    public string FilePath { get; }

    /// <summary>SQLite's online backup on a connection of its own: the writer and readers go on meanwhile.</summary>
    public Task BackupToAsync(string file, CancellationToken ct) => Task.Run(() => SqliteBackup.Backup(FilePath, file), ct);

    public async Task InitializeAsync(CancellationToken ct)
    {
        await _writeLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_initialized)
                return;
            try
            {
                PrivateFiles.CreateDirectory(Path.GetDirectoryName(FilePath)!);
                // Created 0600 before SQLite opens it: SQLite gives the -wal and -shm it creates the database file's
                // mode, so they follow (files of an older run are narrowed too).
                if (!File.Exists(FilePath))
                    PrivateFiles.Open(FilePath, FileMode.CreateNew).Dispose();
                foreach (var file in new[] { FilePath, FilePath + "-wal", FilePath + "-shm" })
                    PrivateFiles.Restrict(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new StoreUnavailableException($"Cannot create the directory of {FilePath}.", ex);
            }
            GetWriter();
            _initialized = true;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Healthy only when the file at the path is still the one open, the last write succeeded (or a probe write
    /// succeeds now) and a reader answers.
    /// </summary>
    public async Task<bool> PingAsync(CancellationToken ct)
    {
        try
        {
            await WriteAsync(w =>
            {
                if (_lastWriteFailed)
                    w.Probe(_time.GetUtcNow());
                return true;
            }, ct).ConfigureAwait(false);
            return await ReadAsync(c => Convert.ToInt64(Scalar(c, "SELECT 1")) == 1, ct).ConfigureAwait(false);
        }
        catch (StoreUnavailableException)
        {
            return false;
        }
    }

    public Task<Conversation?> GetConversationAsync(long chatId, CancellationToken ct) =>
        ReadAsync(c =>
        {
            using var cmd = Command(c, "SELECT doc, version FROM conversations WHERE id = @id", ("@id", chatId));
            using var reader = cmd.ExecuteReader();
            return reader.Read() ? ReadConversation(reader) : null;
        }, ct);

    public Task<IReadOnlyDictionary<long, Conversation>> GetConversationsAsync(IReadOnlyCollection<long> chatIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(chatIds);
        if (chatIds.Count == 0)
            return Task.FromResult<IReadOnlyDictionary<long, Conversation>>(new Dictionary<long, Conversation>());
        return ReadAsync<IReadOnlyDictionary<long, Conversation>>(c =>
        {
            using var cmd = Command(c,
                "SELECT doc, version FROM conversations WHERE id IN (SELECT value FROM json_each(@ids))",
                ("@ids", IdArray(chatIds)));
            using var reader = cmd.ExecuteReader();
            var result = new Dictionary<long, Conversation>(chatIds.Count);
            while (reader.Read())
            {
                var conversation = ReadConversation(reader);
                result[conversation.ChatId] = conversation;
            }
            return result;
        }, ct);
    }

    public Task<Member?> GetMemberAsync(long userId, CancellationToken ct) =>
        ReadAsync(c =>
        {
            using var cmd = Command(c, "SELECT doc FROM members WHERE id = @id", ("@id", userId));
            using var reader = cmd.ExecuteReader();
            return reader.Read() ? Deserialize(reader, Json.Member) : null;
        }, ct);

    public Task<IReadOnlyDictionary<long, Member>> GetMembersAsync(IReadOnlyCollection<long> userIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        if (userIds.Count == 0)
            return Task.FromResult<IReadOnlyDictionary<long, Member>>(new Dictionary<long, Member>());
        return ReadAsync<IReadOnlyDictionary<long, Member>>(c =>
        {
            using var cmd = Command(c,
                "SELECT doc FROM members WHERE id IN (SELECT value FROM json_each(@ids))",
                ("@ids", IdArray(userIds)));
            using var reader = cmd.ExecuteReader();
            var result = new Dictionary<long, Member>(userIds.Count);
            while (reader.Read())
            {
                var member = Deserialize(reader, Json.Member);
                result[member.UserId] = member;
            }
            return result;
        }, ct);
    }

    public async Task CommitAsync(IReadOnlyList<ChangeSet> changes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
            return;
        var conversations = CommitPlan.ConversationWrites(changes);
        var members = CommitPlan.MemberWrites(changes);
        var documents = CommitPlan.StoredDocumentWrites(changes);
        CommitPlan.ThrowOnSharedDocuments(changes);
        var createdAt = _time.GetUtcNow();
        var conflicts = new HashSet<int>();
        var committed = await WriteAsync(w =>
        {
            using var tx = w.Begin();
            // Every version check runs before the transaction is given up, so one conflict report names them all.
            foreach (var write in conversations)
            {
                if (!w.WriteConversation(write))
                    conflicts.UnionWith(write.Owners);
            }
            foreach (var member in members)
            {
                if (member.Upsert is { } upsert)
                    w.UpsertMember(upsert);
                else
                    w.DeleteMember(member.UserId);
            }
            foreach (var document in documents)
            {
                if (!w.WriteDocument(document))
                    conflicts.UnionWith(document.Owners);
            }
            if (conflicts.Count > 0)
                return false; // disposing the transaction rolls every write of this commit back
            var erasures = changes.SelectMany(c => c.Erasures).ToList();
            var erasedFiles = new List<string>();
            foreach (var erasure in erasures)
                erasedFiles.AddRange(w.EraseOutbox(erasure));
            var sequence = w.MaxOutboxSequence();
            foreach (var change in changes)
            {
                foreach (var message in change.Outgoing)
                {
                    var entry = new OutboxEntry
                    {
                        Message = message,
                        CreatedAt = createdAt,
                        Sequence = sequence + 1,
                        DueAt = message.NotBefore,
                    };
                    if (w.InsertOutbox(entry))
                        sequence++;
                }
                foreach (var failure in change.Failures)
                    w.InsertFailure(failure);
            }
            tx.Commit();
            if (erasures.Count > 0)
            {
                DiskOutboxFiles.DeleteErased(erasedFiles);
                w.CheckpointAndTruncateWal();
            }
            return true;
        }, ct).ConfigureAwait(false);
        if (!committed)
            throw ConcurrencyException.For(changes, conflicts, othersCommitted: false);

        foreach (var write in conversations)
            write.ApplyNewVersion();
        foreach (var write in documents)
            write.ApplyNewVersion();
    }

    public Task<T?> GetAsync<T>(string id, CancellationToken ct) where T : class, IDocument
    {
        ArgumentNullException.ThrowIfNull(id);
        var (collection, type) = DocumentTarget<T>();
        return ReadAsync(c =>
        {
            using var cmd = Command(c, "SELECT doc, version FROM documents WHERE collection = @collection AND id = @id",
                ("@collection", collection), ("@id", id));
            using var reader = cmd.ExecuteReader();
            return reader.Read() ? ReadDocument(reader, type) : null;
        }, ct);
    }

    public Task<IReadOnlyList<T>> FindAsync<T>(string index, string value, CancellationToken ct) where T : class, IDocument
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(value);
        var (collection, type) = DocumentTarget<T>();
        return ReadAsync(c =>
        {
            using var cmd = Command(c, """
                SELECT d.doc, d.version FROM document_index i
                JOIN documents d ON d.collection = i.collection AND d.id = i.id
                WHERE i.collection = @collection AND i.name = @name AND i.value = @value
                ORDER BY i.id
                """, ("@collection", collection), ("@name", index), ("@value", value));
            return ReadDocuments(cmd, type);
        }, ct);
    }

    public Task<IReadOnlyList<T>> AllAsync<T>(CancellationToken ct) where T : class, IDocument
    {
        var (collection, type) = DocumentTarget<T>();
        return ReadAsync(c =>
        {
            using var cmd = Command(c, "SELECT doc, version FROM documents WHERE collection = @collection ORDER BY id",
                ("@collection", collection));
            return ReadDocuments(cmd, type);
        }, ct);
    }

    private static (string Collection, JsonTypeInfo<T> Type) DocumentTarget<T>() where T : class, IDocument =>
        (DocumentCollections.Of<T>(), (JsonTypeInfo<T>)SqliteWriter.DocumentJson(typeof(T)));

    private static IReadOnlyList<T> ReadDocuments<T>(SqliteCommand cmd, JsonTypeInfo<T> type) where T : class, IDocument
    {
        using var reader = cmd.ExecuteReader();
        var result = new List<T>();
        while (reader.Read())
            result.Add(ReadDocument(reader, type));
        return result;
    }

    /// <summary>The version column is the truth (as for conversations), whatever the JSON says.</summary>
    private static T ReadDocument<T>(SqliteDataReader reader, JsonTypeInfo<T> type) where T : class, IDocument
    {
        var document = Deserialize(reader, type);
        document.Version = reader.GetInt64(1);
        return document;
    }

    public Task<IReadOnlyList<OutboxEntry>> GetDueOutboxAsync(DateTimeOffset now, int max, int maxPerChat, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPerChat);
        return ReadAsync<IReadOnlyList<OutboxEntry>>(c =>
        {
            // The status literal (not a parameter) lets SQLite use the partial index of pending entries. Ranks are
            // computed on the keys alone; only the rows kept are read in full.
            using var cmd = Command(c, $"""
                WITH ranked AS (
                    SELECT sequence, ROW_NUMBER() OVER (PARTITION BY chat_id ORDER BY sequence) AS n
                    FROM outbox
                    WHERE status = {(int)OutboxStatus.Pending} AND (due_at IS NULL OR due_at <= @now))
                SELECT o.doc FROM ranked r JOIN outbox o ON o.sequence = r.sequence
                WHERE r.n <= @per_chat
                ORDER BY r.sequence
                LIMIT @max
                """, ("@now", now.UtcTicks), ("@max", max), ("@per_chat", maxPerChat));
            using var reader = cmd.ExecuteReader();
            var result = new List<OutboxEntry>();
            while (reader.Read())
                result.Add(Deserialize(reader, Json.OutboxEntry));
            return result;
        }, ct);
    }

    public async Task MarkOutboxAsync(IReadOnlyList<OutboxUpdate> updates, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(updates);
        if (updates.Count == 0)
            return;
        // Urgent: a message on the wire whose mark is not yet durable would go out again after a crash.
        await WriteAsync(w =>
        {
            using var tx = w.Begin();
            foreach (var update in updates)
                w.MarkOutbox(update);
            tx.Commit();
            return true;
        }, ct, urgent: true).ConfigureAwait(false);
    }

    public async Task<int> PurgeDeliveredOutboxAsync(DateTimeOffset createdBefore, CancellationToken ct)
    {
        const int Chunk = 1_000;
        var purged = 0;
        int deleted;
        do
        {
            deleted = await WriteAsync(w =>
            {
                using var tx = w.Begin();
                var count = w.PurgeDeliveredOutbox(createdBefore, Chunk);
                tx.Commit();
                return count;
            }, ct).ConfigureAwait(false);
            purged += deleted;
        }
        while (deleted == Chunk);
        return purged;
    }

    public Task<OutboxEntry?> GetOutboxEntryAsync(string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ReadAsync(c =>
        {
            using var cmd = Command(c, "SELECT doc FROM outbox WHERE id = @id", ("@id", id));
            using var reader = cmd.ExecuteReader();
            return reader.Read() ? Deserialize(reader, Json.OutboxEntry) : null;
        }, ct);
    }

    public Task<IReadOnlyList<FailedUpdate>> GetFailedUpdatesAsync(CancellationToken ct) =>
        ReadAsync<IReadOnlyList<FailedUpdate>>(c =>
        {
            using var cmd = Command(c, "SELECT doc FROM failed_updates ORDER BY at, update_id");
            using var reader = cmd.ExecuteReader();
            var result = new List<FailedUpdate>();
            while (reader.Read())
                result.Add(Deserialize(reader, Json.FailedUpdate));
            return result;
        }, ct);

    public async Task MarkUnreachableAsync(long chatId, CancellationToken ct)
    {
        await WriteAsync(w =>
        {
            using var tx = w.Begin();
            w.MarkUnreachable(chatId);
            tx.Commit();
            return true;
        }, ct).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<Conversation>> GetIdleDraftsAsync(DateTimeOffset before, int max, CancellationToken ct) =>
        ReadAsync<IReadOnlyList<Conversation>>(c =>
        {
            using var cmd = Command(c, """
                SELECT doc, version FROM conversations
                WHERE updated_at < @before AND json_extract(doc, '$.data') <> '{}'
                ORDER BY updated_at LIMIT @max
                """, ("@before", before.UtcTicks), ("@max", max));
            using var reader = cmd.ExecuteReader();
            var result = new List<Conversation>();
            while (reader.Read())
                result.Add(ReadConversation(reader));
            return result;
        }, ct);

    /// <summary>Reads pragmas on the writer connection (synchronous is per connection, so a fresh one would not tell).</summary>
    internal Task<(string JournalMode, long Synchronous)> ReadWriterPragmasAsync(CancellationToken ct) =>
        WriteAsync(w => (
            (string)Scalar(w.Connection, "PRAGMA journal_mode")!,
            Convert.ToInt64(Scalar(w.Connection, "PRAGMA synchronous"))), ct);

    public void Dispose()
    {
        _writeLock.Wait();
        try
        {
            if (_disposed)
                return;
            _disposed = true;
            _writer?.Dispose();
            _writer = null;
        }
        finally
        {
            _writeLock.Release();
        }
        using var pooled = new SqliteConnection(_readConnectionString);
        SqliteConnection.ClearPool(pooled);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task EnsureInitializedAsync(CancellationToken ct)
    {
        if (!_initialized)
            await InitializeAsync(ct).ConfigureAwait(false);
    }

    private async Task<T> ReadAsync<T>(Func<SqliteConnection, T> read, CancellationToken ct)
    {
        await EnsureInitializedAsync(ct).ConfigureAwait(false);
        ObjectDisposedException.ThrowIf(_disposed, this);
        // After an outage, read only once the writer could reopen the file and found it is ours: a file put at the
        // path meanwhile must not be read (its outbox sent, its chats answered) as if it were this database.
        if (_lastWriteFailed && Volatile.Read(ref _writer) is null)
            await WriteAsync(_ => true, ct).ConfigureAwait(false);
        using var scope = StoredReadScope.Begin();
        try
        {
            using var connection = new SqliteConnection(_readConnectionString);
            connection.Open();
            var result = read(connection);
            scope.LogTo(_log);
            return result;
        }
        catch (SqliteException ex) when (IsUnavailable(ex))
        {
            throw Unavailable(ex);
        }
    }

    private async Task<T> WriteAsync<T>(Func<SqliteWriter, T> write, CancellationToken ct, bool urgent = false)
    {
        await EnsureInitializedAsync(ct).ConfigureAwait(false);
        await _writeLock.WaitAsync(ct, urgent).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try
            {
                var writer = GetWriter();
                // Before: do not write into a file that left its path. After: the rm may have come meanwhile, and
                // a commit into a deleted file must not be confirmed (the update would be acknowledged and lost).
                EnsureNotMoved(writer);
                var result = write(writer);
                EnsureNotMoved(writer);
                _lastWriteFailed = false;
                return result;
            }
            catch (SqliteException ex) when (IsUnavailable(ex))
            {
                DropConnections();
                throw Unavailable(ex);
            }
            catch (StoreUnavailableException)
            {
                DropConnections();
                throw;
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private void EnsureNotMoved(SqliteWriter writer)
    {
        if (SqliteFileIdentity.HasMoved(writer.Connection, FilePath))
            throw new StoreUnavailableException($"SQLite database {FilePath} was deleted or replaced while open.");
    }

    /// <summary>
    /// After an outage the writer may be unusable (I/O error, file gone) and pooled readers may still read a deleted
    /// file: close them all; the next use reopens by path, which fails while the file is missing or not ours.
    /// </summary>
    private void DropConnections()
    {
        _lastWriteFailed = true;
        _writer?.Dispose();
        _writer = null;
        using var pooled = new SqliteConnection(_readConnectionString);
        SqliteConnection.ClearPool(pooled);
    }

    /// <summary>Caller holds the write lock.</summary>
    private SqliteWriter GetWriter()
    {
        if (_writer is not null)
            return _writer;
        try
        {
            _writer = SqliteWriter.Open(_instance is null ? _createConnectionString : _writeConnectionString, _instance);
            _instance ??= _writer.Instance;
            return _writer;
        }
        catch (SqliteException ex) when (IsUnavailable(ex))
        {
            throw Unavailable(ex);
        }
        catch (SqliteDatabaseReplacedException ex)
        {
            throw new StoreUnavailableException($"The file at {FilePath} is not the database this process opened.", ex);
        }
    }

    /// <summary>
    /// Outages: the file or its lock cannot be had (busy, locked, read-only, I/O, full, cannot open, not a
    /// database, corrupt) or its tables are gone ("no such table": the file was replaced or emptied). Never a
    /// chat's fault, so the batch is refused and retried rather than recorded as failed.
    /// </summary>
    internal static bool IsUnavailable(SqliteException ex) =>
        (ex.SqliteErrorCode & 0xFF) is raw.SQLITE_BUSY or raw.SQLITE_LOCKED or raw.SQLITE_NOMEM or raw.SQLITE_READONLY
            or raw.SQLITE_IOERR or raw.SQLITE_FULL or raw.SQLITE_CANTOPEN or raw.SQLITE_PROTOCOL or raw.SQLITE_NOTADB
            or raw.SQLITE_CORRUPT
        || (ex.SqliteErrorCode == raw.SQLITE_ERROR && ex.Message.Contains("no such table", StringComparison.Ordinal));

    private StoreUnavailableException Unavailable(SqliteException ex) =>
        new($"SQLite database {FilePath} is unavailable (error {ex.SqliteErrorCode}).", ex);

    private static Conversation ReadConversation(SqliteDataReader reader)
    {
        var conversation = Deserialize(reader, Json.Conversation);
        conversation.Version = reader.GetInt64(1);
        return conversation;
    }

    /// <summary>Tolerant of other versions' data: unknown enum values read as fallbacks (reported with this document's id).</summary>
    internal static T Deserialize<T>(SqliteDataReader reader, JsonTypeInfo<T> type)
    {
        var document = JsonSerializer.Deserialize(reader.GetString(0), type)
            ?? throw new InvalidDataException($"A stored {typeof(T).Name} document is null.");
        StoredReadScope.Attribute(document!);
        return document;
    }

    /// <summary>A JSON array for <c>json_each</c>: one statement for any number of ids.</summary>
    private static string IdArray(IReadOnlyCollection<long> ids) =>
        "[" + string.Join(',', ids.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]";

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
            cmd.Parameters.AddWithValue(name, value);
        return cmd;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var cmd = Command(connection, sql);
        return cmd.ExecuteScalar();
    }
}
