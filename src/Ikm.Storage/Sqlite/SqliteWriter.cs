using System.Globalization;
using System.Text.Json;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Members;
using Ikm.Workflow.Storage;
using Microsoft.Data.Sqlite;

namespace Ikm.Storage.Sqlite;

/// <summary>
/// The single writer connection and its commands. The commands are created once and reused, so SQLite keeps their
/// statements prepared across transactions; only parameter values change per row. Not thread-safe: the store
/// serialises access.
/// </summary>
internal sealed class SqliteWriter : IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS conversations (
            id         INTEGER PRIMARY KEY,  -- chat id
            version    INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,     -- UTC ticks
            doc        TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS members (
            id          INTEGER PRIMARY KEY, -- user id
            version     INTEGER NOT NULL,
            chat_id     INTEGER NOT NULL,
            role        TEXT NOT NULL,
            unreachable INTEGER NOT NULL,
            doc         TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_members_chat_id ON members (chat_id);
        CREATE TABLE IF NOT EXISTS outbox (
            sequence   INTEGER PRIMARY KEY,  -- order of creation
            id         TEXT NOT NULL UNIQUE, -- the message's deterministic id
            chat_id    INTEGER NOT NULL,
            status     INTEGER NOT NULL,
            due_at     INTEGER,              -- UTC ticks; null = as soon as possible
            created_at INTEGER NOT NULL,     -- UTC ticks
            doc        TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_outbox_pending ON outbox (sequence, due_at) WHERE status = 0;
        CREATE INDEX IF NOT EXISTS ix_outbox_chat_id ON outbox (chat_id, sequence);
        CREATE TABLE IF NOT EXISTS failed_updates (
            update_id INTEGER NOT NULL,
            chat_id   INTEGER NOT NULL,
            at        INTEGER NOT NULL,      -- UTC ticks
            doc       TEXT NOT NULL,
            PRIMARY KEY (update_id, chat_id)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS documents (   -- every aggregate (DocumentTypes.All)
            collection TEXT NOT NULL,            -- its [DocumentCollection] name
            id         TEXT NOT NULL,
            version    INTEGER NOT NULL,
            doc        TEXT NOT NULL,
            PRIMARY KEY (collection, id)
        );
        CREATE TABLE IF NOT EXISTS document_index ( -- IDocument.Indexes(), rewritten on every upsert
            collection TEXT NOT NULL,
            name       TEXT NOT NULL,
            value      TEXT NOT NULL,
            id         TEXT NOT NULL,
            PRIMARY KEY (collection, id, name)
        ) WITHOUT ROWID;
        -- Ends with id: a lookup by value reads its matches already in id order.
        CREATE INDEX IF NOT EXISTS ix_document_index_value ON document_index (collection, name, value, id);
        CREATE TABLE IF NOT EXISTS meta (         -- facts about this database file
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        -- Tells this file from a replacement put at its path while the bot runs (SqliteBotStore reopens by path).
        INSERT INTO meta (key, value) VALUES ('instance', lower(hex(randomblob(16)))) ON CONFLICT (key) DO NOTHING;
        """;

    private static readonly SqliteJsonContext Json = SqliteJsonContext.Default;

    private readonly SqliteCommand _insertConversation;
    private readonly SqliteCommand _updateConversation;
    private readonly SqliteCommand _upsertMember;
    private readonly SqliteCommand _maxOutboxSequence;
    private readonly SqliteCommand _insertOutbox;
    private readonly SqliteCommand _selectOutbox;
    private readonly SqliteCommand _updateOutbox;
    private readonly SqliteCommand _insertFailure;
    private readonly SqliteCommand _selectMembersOfChat;
    private readonly SqliteCommand _deleteMember;
    private readonly SqliteCommand _eraseOutboxOfChat;
    private readonly SqliteCommand _eraseFailuresOfChat;
    private readonly SqliteCommand _deleteOutbox;
    private readonly SqliteCommand _purgeDeliveredOutbox;
    private SqliteTransaction? _transaction;
    private readonly SqliteCommand _insertDocument;
    private readonly SqliteCommand _updateDocument;
    private readonly SqliteCommand _deleteDocument;
    private readonly SqliteCommand _documentExists;
    private readonly SqliteCommand _deleteDocumentIndex;
    private readonly SqliteCommand _insertDocumentIndex;
    private readonly SqliteCommand[] _all;

    private SqliteWriter(SqliteConnection connection)
    {
        Connection = connection;
        _insertConversation = Prepare("""
            INSERT INTO conversations (id, version, updated_at, doc) VALUES (@id, @version, @updated_at, @doc)
            ON CONFLICT (id) DO NOTHING
            """, "@id", "@version", "@updated_at", "@doc");
        _updateConversation = Prepare("""
            UPDATE conversations SET version = @version, updated_at = @updated_at, doc = @doc
            WHERE id = @id AND version = @expected
            """, "@id", "@version", "@updated_at", "@doc", "@expected");
        _upsertMember = Prepare("""
            INSERT INTO members (id, version, chat_id, role, unreachable, doc)
            VALUES (@id, @version, @chat_id, @role, @unreachable, @doc)
            ON CONFLICT (id) DO UPDATE SET version = excluded.version, chat_id = excluded.chat_id,
                role = excluded.role, unreachable = excluded.unreachable, doc = excluded.doc
            """, "@id", "@version", "@chat_id", "@role", "@unreachable", "@doc");
        _maxOutboxSequence = Prepare("SELECT COALESCE(MAX(sequence), 0) FROM outbox");
        _insertOutbox = Prepare("""
            INSERT INTO outbox (sequence, id, chat_id, status, due_at, created_at, doc)
            VALUES (@sequence, @id, @chat_id, @status, @due_at, @created_at, @doc)
            ON CONFLICT (id) DO NOTHING
            """, "@sequence", "@id", "@chat_id", "@status", "@due_at", "@created_at", "@doc");
        _selectOutbox = Prepare("SELECT doc FROM outbox WHERE id = @id", "@id");
        _updateOutbox = Prepare(
            "UPDATE outbox SET status = @status, due_at = @due_at, doc = @doc WHERE id = @id",
            "@id", "@status", "@due_at", "@doc");
        _insertFailure = Prepare("""
            INSERT INTO failed_updates (update_id, chat_id, at, doc) VALUES (@update_id, @chat_id, @at, @doc)
            ON CONFLICT (update_id, chat_id) DO NOTHING
            """, "@update_id", "@chat_id", "@at", "@doc");
        _selectMembersOfChat = Prepare("SELECT doc FROM members WHERE chat_id = @chat_id", "@chat_id");
        _deleteMember = Prepare("DELETE FROM members WHERE id = @id", "@id");
        _eraseOutboxOfChat = Prepare("DELETE FROM outbox WHERE chat_id = @chat_id", "@chat_id");
        _eraseFailuresOfChat = Prepare("DELETE FROM failed_updates WHERE chat_id = @chat_id", "@chat_id");
        _deleteOutbox = Prepare("DELETE FROM outbox WHERE id = @id", "@id");
        // In chunks, each its own transaction: a purge of a month of messages never holds the writer for long.
        _purgeDeliveredOutbox = Prepare($"""
            DELETE FROM outbox WHERE sequence IN (
                SELECT sequence FROM outbox WHERE status <> {(int)OutboxStatus.Pending} AND created_at < @before LIMIT @chunk)
            """, "@before", "@chunk");
        // Every document write is conditional on the version its writer read: an insert (version 0) never
        // overwrites a row someone else created, an update or delete matches only the version read.
        _insertDocument = Prepare("""
            INSERT INTO documents (collection, id, version, doc) VALUES (@collection, @id, @version, @doc)
            ON CONFLICT (collection, id) DO NOTHING
            """, "@collection", "@id", "@version", "@doc");
        _updateDocument = Prepare("""
            UPDATE documents SET version = @version, doc = @doc
            WHERE collection = @collection AND id = @id AND version = @expected
            """, "@collection", "@id", "@version", "@doc", "@expected");
        _deleteDocument = Prepare(
            "DELETE FROM documents WHERE collection = @collection AND id = @id AND version = @expected",
            "@collection", "@id", "@expected");
        _documentExists = Prepare(
            "SELECT COUNT(*) FROM documents WHERE collection = @collection AND id = @id", "@collection", "@id");
        _deleteDocumentIndex = Prepare(
            "DELETE FROM document_index WHERE collection = @collection AND id = @id", "@collection", "@id");
        _insertDocumentIndex = Prepare("""
            INSERT INTO document_index (collection, name, value, id) VALUES (@collection, @name, @value, @id)
            """, "@collection", "@name", "@value", "@id");
        _all =
        [
            _insertConversation, _updateConversation, _upsertMember, _maxOutboxSequence, _insertOutbox,
            _selectOutbox, _updateOutbox, _insertFailure, _selectMembersOfChat, _deleteMember, _eraseOutboxOfChat, _eraseFailuresOfChat, _deleteOutbox,
            _purgeDeliveredOutbox,
            _insertDocument, _updateDocument,
            _deleteDocument, _documentExists, _deleteDocumentIndex, _insertDocumentIndex,
        ];
    }

    public SqliteConnection Connection { get; }

    /// <summary>The random id this database file got when it was created (table meta).</summary>
    public string Instance { get; private init; } = "";

    /// <summary>
    /// Opens the writer. With <paramref name="expectedInstance"/> (a reopen), a file that is not that database — an
    /// empty one, another copy — is refused before anything is written to it.
    /// </summary>
    public static SqliteWriter Open(string connectionString, string? expectedInstance = null)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            if (expectedInstance is not null && ReadInstance(connection) != expectedInstance)
                throw new SqliteDatabaseReplacedException();
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA journal_mode = WAL";
                var mode = pragma.ExecuteScalar() as string;
                if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                    throw new InvalidOperationException($"SQLite refused WAL journal mode (got '{mode}').");
                pragma.CommandText = "PRAGMA synchronous = FULL";
                pragma.ExecuteNonQuery();
                // Erasure (/hapusdata): deleted and overwritten content is zeroed, not left in free pages.
                pragma.CommandText = "PRAGMA secure_delete = ON";
                pragma.ExecuteNonQuery();
            }
            // A reopen never creates tables: a table gone from our file is an outage ("no such table"), not an
            // empty table that forgets every chat.
            if (expectedInstance is null)
            {
                using var schema = connection.CreateCommand();
                schema.CommandText = Schema;
                schema.ExecuteNonQuery();
            }
            var writer = new SqliteWriter(connection) { Instance = ReadInstance(connection)! };
            if (expectedInstance is null)
                MoveLegacyTables(writer);
            return writer;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void MoveLegacyTables(SqliteWriter writer)
    {
        try
        {
            SqliteLegacyTables.MoveToDocuments(writer);
        }
        catch
        {
            writer.Dispose();
            throw;
        }
    }

    /// <summary>The instance id stored in the file, or null when it has none (not an Ikm.Bot database, or an empty file).</summary>
    public static string? ReadInstance(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT value FROM meta WHERE key = 'instance'";
        try
        {
            return cmd.ExecuteScalar() as string;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SQLitePCL.raw.SQLITE_ERROR)
        {
            return null; // no such table
        }
    }

    /// <summary>A small durable write (one fsync): proves the file takes writes again after a failed one.</summary>
    public void Probe(DateTimeOffset now)
    {
        using var tx = Begin();
        using var cmd = Connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO meta (key, value) VALUES ('probed_at', @at) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
        cmd.Parameters.AddWithValue("@at", now.UtcTicks.ToString(CultureInfo.InvariantCulture));
        cmd.ExecuteNonQuery();
        tx.Commit();
    }

    /// <summary>BEGIN IMMEDIATE: takes the write lock up front, so a commit never fails half-way on a busy upgrade.</summary>
    public SqliteTransaction Begin()
    {
        var tx = Connection.BeginTransaction(deferred: false);
        foreach (var cmd in _all)
            cmd.Transaction = tx;
        _transaction = tx;
        return tx;
    }

    /// <summary>False when the stored version moved on (nothing written; the caller rolls its transaction back).</summary>
    public bool WriteConversation(ConversationWrite write)
    {
        var conversation = write.Latest;
        string doc;
        var callerVersion = conversation.Version;
        conversation.Version = write.NewVersion;
        try
        {
            doc = JsonSerializer.Serialize(conversation, Json.Conversation);
        }
        finally
        {
            conversation.Version = callerVersion;
        }

        var cmd = write.ExpectedVersion == 0 ? _insertConversation : _updateConversation;
        var p = cmd.Parameters;
        p[0].Value = write.ChatId;
        p[1].Value = write.NewVersion;
        p[2].Value = conversation.UpdatedAt.UtcTicks;
        p[3].Value = doc;
        if (write.ExpectedVersion != 0)
            p[4].Value = write.ExpectedVersion;
        return cmd.ExecuteNonQuery() == 1;
    }

    public void UpsertMember(Member member)
    {
        var p = _upsertMember.Parameters;
        p[0].Value = member.UserId;
        p[1].Value = member.Version;
        p[2].Value = member.ChatId;
        p[3].Value = member.Role.ToString();
        p[4].Value = member.Unreachable;
        p[5].Value = JsonSerializer.Serialize(member, Json.Member);
        _upsertMember.ExecuteNonQuery();
    }

    public void DeleteMember(long userId)
    {
        _deleteMember.Parameters[0].Value = userId;
        _deleteMember.ExecuteNonQuery();
    }

    /// <summary>
    /// An owner's erasure: every outbox row and failed update of the chat, then every outbox row of any chat that
    /// mentions one of the strings. SQL narrows the rows to those whose JSON holds a mention (as stored: JSON-escaped)
    /// or a file; <see cref="OutboxMentions"/> decides on the decoded message, files looked inside.
    /// </summary>
    /// <returns>The generated files of the deleted rows, to delete once the write is committed.</returns>
    public IReadOnlyList<string> EraseOutbox(OutboxErasure erasure)
    {
        var files = new List<string>();
        using (var ofChat = Connection.CreateCommand())
        {
            ofChat.Transaction = _transaction;
            ofChat.CommandText = "SELECT doc FROM outbox WHERE chat_id = @chat AND instr(doc, '\"filePath\":') > 0";
            ofChat.Parameters.AddWithValue("@chat", erasure.ChatId);
            using var reader = ofChat.ExecuteReader();
            while (reader.Read())
                files.AddRange(SqliteBotStore.Deserialize(reader, Json.OutboxEntry).Message.FilePath is { } path ? [path] : []);
        }

        _eraseOutboxOfChat.Parameters[0].Value = erasure.ChatId;
        _eraseOutboxOfChat.ExecuteNonQuery();
        _eraseFailuresOfChat.Parameters[0].Value = erasure.ChatId;
        _eraseFailuresOfChat.ExecuteNonQuery();
        if (erasure.Mentions.Count == 0)
            return files;

        var candidates = new List<OutboxEntry>();
        using (var select = Connection.CreateCommand())
        {
            select.Transaction = _transaction;
            var conditions = new List<string> { "instr(doc, '\"fileContent\":') > 0", "instr(doc, '\"filePath\":') > 0" };
            var forms = erasure.Mentions
                .SelectMany(m => new[] { m, JsonSerializer.Serialize(m)[1..^1] })
                .Select(f => f.ToLowerInvariant())
                .Distinct(StringComparer.Ordinal)
                .ToList();
            for (var i = 0; i < forms.Count; i++)
            {
                // lower() folds ASCII only; the C# check below folds the rest.
                conditions.Add($"instr(lower(doc), @m{i}) > 0");
                select.Parameters.AddWithValue($"@m{i}", forms[i]);
            }
            select.CommandText = "SELECT doc FROM outbox WHERE " + string.Join(" OR ", conditions);
            using var reader = select.ExecuteReader();
            while (reader.Read())
                candidates.Add(SqliteBotStore.Deserialize(reader, Json.OutboxEntry));
        }

        foreach (var entry in candidates.Where(e => OutboxMentions.Any(e.Message, erasure.Mentions)))
        {
            _deleteOutbox.Parameters[0].Value = entry.Id;
            _deleteOutbox.ExecuteNonQuery();
            if (entry.Message.FilePath is { } path)
                files.Add(path);
        }

        return files;
    }

    /// <summary>
    /// After an erasure: copies the WAL into the database and truncates it, so erased bytes do not linger in old WAL
    /// frames. A reader in the middle of a read holds the WAL for a moment: retried briefly. False if it stayed busy.
    /// </summary>
    public bool CheckpointAndTruncateWal()
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        for (var attempt = 0; attempt < 40; attempt++)
        {
            using (var reader = cmd.ExecuteReader())
            {
                // One row: busy (0 = done), pages in the WAL, pages checkpointed.
                if (reader.Read() && reader.GetInt64(0) == 0)
                    return true;
            }
            Thread.Sleep(25);
        }
        return false;
    }

    /// <summary>Deletes up to <paramref name="chunk"/> delivered rows created before <paramref name="before"/>; returns how many.</summary>
    public int PurgeDeliveredOutbox(DateTimeOffset before, int chunk)
    {
        _purgeDeliveredOutbox.Parameters[0].Value = before.UtcTicks;
        _purgeDeliveredOutbox.Parameters[1].Value = chunk;
        return _purgeDeliveredOutbox.ExecuteNonQuery();
    }

    /// <summary>
    /// Writes the document and replaces its index entries (a value it no longer has stops finding it). False when the
    /// stored version is not the one the writer read (nothing written); deleting a document already gone is no conflict.
    /// </summary>
    public bool WriteDocument(StoredDocumentWrite write)
    {
        if (write.IsDelete)
        {
            SetKey(_deleteDocument, write);
            _deleteDocument.Parameters[2].Value = write.ExpectedVersion;
            if (_deleteDocument.ExecuteNonQuery() != 1)
            {
                SetKey(_documentExists, write);
                if (Convert.ToInt64(_documentExists.ExecuteScalar(), CultureInfo.InvariantCulture) != 0)
                    return false;
            }
            SetKey(_deleteDocumentIndex, write);
            _deleteDocumentIndex.ExecuteNonQuery();
            return true;
        }

        var cmd = write.ExpectedVersion == 0 ? _insertDocument : _updateDocument;
        var p = cmd.Parameters;
        p[0].Value = write.Collection;
        p[1].Value = write.Id;
        p[2].Value = write.NewVersion;
        p[3].Value = write.Serialize(d => JsonSerializer.Serialize(d, DocumentJson(d.GetType())));
        if (write.ExpectedVersion != 0)
            p[4].Value = write.ExpectedVersion;
        if (cmd.ExecuteNonQuery() != 1)
            return false;

        WriteIndexes(write.Collection, write.Id, write.Upsert!);
        return true;

        static void SetKey(SqliteCommand cmd, StoredDocumentWrite write)
        {
            cmd.Parameters[0].Value = write.Collection;
            cmd.Parameters[1].Value = write.Id;
        }
    }

    /// <summary>
    /// Stores a document read from an older layout as it was (at its stored version), with its index entries; a
    /// document already stored under its id is left alone. Inside the caller's transaction.
    /// </summary>
    public void InsertAsStored(IDocument document)
    {
        var collection = DocumentCollections.Of(document.GetType());
        var p = _insertDocument.Parameters;
        p[0].Value = collection;
        p[1].Value = document.Id;
        p[2].Value = document.Version;
        p[3].Value = JsonSerializer.Serialize(document, DocumentJson(document.GetType()));
        if (_insertDocument.ExecuteNonQuery() == 1)
            WriteIndexes(collection, document.Id, document);
    }

    /// <summary>Replaces the document's index entries (a value it no longer has stops finding it).</summary>
    private void WriteIndexes(string collection, string id, IDocument document)
    {
        _deleteDocumentIndex.Parameters[0].Value = collection;
        _deleteDocumentIndex.Parameters[1].Value = id;
        _deleteDocumentIndex.ExecuteNonQuery();

        var index = _insertDocumentIndex.Parameters;
        index[0].Value = collection;
        index[3].Value = id;
        foreach (var (name, value) in document.Indexes())
        {
            // A null value is no value: the document is simply not found by that index.
            if (value is null)
                continue;
            index[1].Value = name;
            index[2].Value = value;
            _insertDocumentIndex.ExecuteNonQuery();
        }
    }

    /// <summary>The source-generated contract of a registered document type.</summary>
    public static System.Text.Json.Serialization.Metadata.JsonTypeInfo DocumentJson(Type type)
    {
        DocumentTypes.EnsureRegistered(type);
        return DocumentJsonContext.Default.GetTypeInfo(type)
            ?? throw new InvalidOperationException($"{type.Name} is in DocumentTypes.All but has no [JsonSerializable] in DocumentJsonContext.");
    }

    public long MaxOutboxSequence() => (long)_maxOutboxSequence.ExecuteScalar()!;

    /// <summary>False when an entry with the same id is already queued (a replayed update).</summary>
    public bool InsertOutbox(OutboxEntry entry)
    {
        var p = _insertOutbox.Parameters;
        p[0].Value = entry.Sequence;
        p[1].Value = entry.Id;
        p[2].Value = entry.ChatId;
        p[3].Value = (int)entry.Status;
        p[4].Value = (object?)entry.DueAt?.UtcTicks ?? DBNull.Value;
        p[5].Value = entry.CreatedAt.UtcTicks;
        p[6].Value = JsonSerializer.Serialize(entry, Json.OutboxEntry);
        return _insertOutbox.ExecuteNonQuery() == 1;
    }

    public void MarkOutbox(OutboxUpdate update)
    {
        _selectOutbox.Parameters[0].Value = update.Id;
        if (_selectOutbox.ExecuteScalar() is not string doc)
            return;
        var entry = JsonSerializer.Deserialize(doc, Json.OutboxEntry)!.After(update);
        var p = _updateOutbox.Parameters;
        p[0].Value = update.Id;
        p[1].Value = (int)entry.Status;
        p[2].Value = (object?)entry.DueAt?.UtcTicks ?? DBNull.Value;
        p[3].Value = JsonSerializer.Serialize(entry, Json.OutboxEntry);
        _updateOutbox.ExecuteNonQuery();
    }

    public void InsertFailure(FailedUpdate failure)
    {
        var p = _insertFailure.Parameters;
        p[0].Value = failure.UpdateId;
        p[1].Value = failure.ChatId;
        p[2].Value = failure.At.UtcTicks;
        p[3].Value = JsonSerializer.Serialize(failure, Json.FailedUpdate);
        _insertFailure.ExecuteNonQuery();
    }

    public void MarkUnreachable(long chatId)
    {
        var members = new List<Member>();
        _selectMembersOfChat.Parameters[0].Value = chatId;
        using (var reader = _selectMembersOfChat.ExecuteReader())
        {
            while (reader.Read())
                members.Add(SqliteBotStore.Deserialize(reader, Json.Member));
        }
        foreach (var member in members.Where(m => !m.Unreachable))
        {
            member.Unreachable = true;
            member.Version++;
            UpsertMember(member);
        }
    }

    public void Dispose()
    {
        foreach (var cmd in _all)
            cmd.Dispose();
        Connection.Dispose();
    }

    private SqliteCommand Prepare(string sql, params string[] parameterNames)
    {
        var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var name in parameterNames)
            cmd.Parameters.Add(new SqliteParameter { ParameterName = name });
        return cmd;
    }
}

/// <summary>The file at the database's path is not the database this store opened (replaced, or recreated empty).</summary>
internal sealed class SqliteDatabaseReplacedException() : Exception("The database file was replaced by another file.");
