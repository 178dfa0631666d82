using Ikm.Workflow.Businesses;
using Ikm.Workflow.Conversations;
using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Members;
using Ikm.Storage.Tolerance;
using Ikm.Workflow.Storage;
using Microsoft.Extensions.Logging;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Ikm.Storage.Mongo;

/// <summary>
/// The MongoDB store: one document per conversation, member, outbox entry, failed update, business and diagnosis
/// response; every conversation and document write conditional on the version its writer read (optimistic
/// concurrency); majority write concern. A commit is not one transaction, so the order matters: first the
/// version-checked document writes (businesses, diagnoses, generic documents — one collection per
/// [DocumentCollection]); a change set with a document that moved on then writes nothing else. Then outbox entries,
/// failures and members of the other change sets, and the conversations last, because a conversation write is what
/// marks its update as processed. Every write of the second phase is safe to repeat (upserts and deletions by id,
/// inserts that ignore an id already there). An outage between the phases leaves an update not marked processed,
/// and its redelivery finds its messages already queued (same ids, ignored) — nothing is lost. Conflicts are
/// reported after the others are written: <see cref="ConcurrencyException.OthersCommitted"/> is true here. Left for a
/// transaction to close: a change set with two documents of which only one conflicts keeps the other written.
/// </summary>
public sealed class MongoBotStore : IBotStore, IOwnerStore, IDocumentStore, IDraftStore, IDisposable
{
    private const string OutboxCounterId = "outbox";

    private readonly MongoClient _client;
    private readonly IMongoDatabase _database;
    private readonly IMongoCollection<Conversation> _conversations;
    private readonly IMongoCollection<BsonDocument> _conversationDocuments;
    private readonly IMongoCollection<Member> _members;
    private readonly IMongoCollection<OutboxEntry> _outbox;
    private readonly IMongoCollection<FailedUpdate> _failedUpdates;
    private readonly IMongoCollection<BsonDocument> _counters;
    private readonly IMongoCollection<Business> _businesses;
    private readonly IMongoCollection<BsonDocument> _businessDocuments;
    private readonly IMongoCollection<DiagnosisResponse> _diagnoses;
    private readonly IMongoCollection<BsonDocument> _diagnosisDocuments;
    private readonly TimeProvider _time;
    private readonly ILogger? _log;
    private volatile bool _lastWriteFailed;
    private int _disposed;

    /// <param name="timeProvider">Stamps <see cref="OutboxEntry.CreatedAt"/>; the system clock when null.</param>
    /// <param name="log">Warns of stored values read with a fallback (type names only).</param>
    public MongoBotStore(string connectionString, string databaseName, TimeProvider? timeProvider = null, ILogger<MongoBotStore>? log = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(databaseName);
        MongoMappings.Register();
        _time = timeProvider ?? TimeProvider.System;
        _log = log;
        _client = new MongoClient(connectionString);
        DatabaseName = databaseName;
        _database = _client.GetDatabase(databaseName).WithWriteConcern(WriteConcern.WMajority);
        _conversations = _database.GetCollection<Conversation>(MongoMappings.ConversationsCollection);
        _conversationDocuments = _database.GetCollection<BsonDocument>(MongoMappings.ConversationsCollection);
        _members = _database.GetCollection<Member>(MongoMappings.MembersCollection);
        _outbox = _database.GetCollection<OutboxEntry>(MongoMappings.OutboxCollection);
        _failedUpdates = _database.GetCollection<FailedUpdate>(MongoMappings.FailedUpdatesCollection);
        _counters = _database.GetCollection<BsonDocument>(MongoMappings.CountersCollection);
        _businesses = _database.GetCollection<Business>(MongoMappings.BusinessesCollection);
        _businessDocuments = _database.GetCollection<BsonDocument>(MongoMappings.BusinessesCollection);
        _diagnoses = _database.GetCollection<DiagnosisResponse>(MongoMappings.DiagnosesCollection);
        _diagnosisDocuments = _database.GetCollection<BsonDocument>(MongoMappings.DiagnosesCollection);
    }

    public string DatabaseName { get; }

    /// <summary>Where <see cref="MongoDispatchLease"/> keeps its document, with the store's majority write concern.</summary>
    internal IMongoCollection<BsonDocument> Leases => _database.GetCollection<BsonDocument>(MongoMappings.LeasesCollection);

    public Task InitializeAsync(CancellationToken ct) => Guard(async () =>
    {
        await _outbox.Indexes.CreateManyAsync(MongoQueries.OutboxIndexes, ct).ConfigureAwait(false);
        await _members.Indexes.CreateOneAsync(MongoQueries.MemberChatIndex, cancellationToken: ct).ConfigureAwait(false);
        await _failedUpdates.Indexes.CreateOneAsync(MongoQueries.FailedUpdateKeyIndex, cancellationToken: ct).ConfigureAwait(false);
        await _businesses.Indexes.CreateOneAsync(MongoQueries.BusinessOwnerIndex, cancellationToken: ct).ConfigureAwait(false);
        await _diagnoses.Indexes.CreateOneAsync(MongoQueries.DiagnosisOwnerIndex, cancellationToken: ct).ConfigureAwait(false);
        foreach (var collection in DocumentTypes.All.Select(DocumentCollections.Of).Distinct())
        {
            await DocumentCollection(collection).Indexes.CreateOneAsync(MongoQueries.DocumentIndexModel, cancellationToken: ct)
                .ConfigureAwait(false);
        }
        return true;
    });

    /// <summary>Healthy when the server answers and the last operation did not fail (or a probe write succeeds now).</summary>
    public async Task<bool> PingAsync(CancellationToken ct)
    {
        try
        {
            if (_lastWriteFailed)
            {
                await _counters.UpdateOneAsync(MongoQueries.HealthProbeFilter, MongoQueries.HealthProbe(_time.GetUtcNow()),
                    new UpdateOptions { IsUpsert = true }, ct).ConfigureAwait(false);
                _lastWriteFailed = false;
            }
            var reply = await _database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: ct)
                .ConfigureAwait(false);
            return reply.GetValue("ok", 0).ToDouble() == 1;
        }
        catch (Exception ex) when (ex is MongoException or TimeoutException)
        {
            return false;
        }
    }

    public Task<Conversation?> GetConversationAsync(long chatId, CancellationToken ct) => Guard(async () =>
        (Conversation?)await _conversations.Find(MongoQueries.ConversationsByIds([chatId]))
            .FirstOrDefaultAsync(ct).ConfigureAwait(false));

    public Task<IReadOnlyDictionary<long, Conversation>> GetConversationsAsync(IReadOnlyCollection<long> chatIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(chatIds);
        if (chatIds.Count == 0)
            return Task.FromResult<IReadOnlyDictionary<long, Conversation>>(new Dictionary<long, Conversation>());
        return Guard<IReadOnlyDictionary<long, Conversation>>(async () =>
        {
            var found = await _conversations.Find(MongoQueries.ConversationsByIds(chatIds)).ToListAsync(ct).ConfigureAwait(false);
            return found.ToDictionary(c => c.ChatId);
        });
    }

    public Task<Member?> GetMemberAsync(long userId, CancellationToken ct) => Guard(async () =>
        (Member?)await _members.Find(MongoQueries.MembersByIds([userId])).FirstOrDefaultAsync(ct).ConfigureAwait(false));

    public Task<IReadOnlyDictionary<long, Member>> GetMembersAsync(IReadOnlyCollection<long> userIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        if (userIds.Count == 0)
            return Task.FromResult<IReadOnlyDictionary<long, Member>>(new Dictionary<long, Member>());
        return Guard<IReadOnlyDictionary<long, Member>>(async () =>
        {
            var found = await _members.Find(MongoQueries.MembersByIds(userIds)).ToListAsync(ct).ConfigureAwait(false);
            return found.ToDictionary(m => m.UserId);
        });
    }

    public async Task CommitAsync(IReadOnlyList<ChangeSet> changes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
            return;
        var businesses = CommitPlan.BusinessWrites(changes);
        var diagnoses = CommitPlan.DiagnosisWrites(changes);
        var documents = CommitPlan.StoredDocumentWrites(changes);
        CommitPlan.ThrowOnSharedDocuments(changes);

        // The version-checked document writes go first: a change set whose document moved on then writes nothing
        // else (no messages, no members, no conversation), so its redo on fresh reads is the only run that shows.
        var conflicts = await Guard(() => WriteVersionedDocumentsAsync(businesses, diagnoses, documents, ct)).ConfigureAwait(false);
        var kept = Enumerable.Range(0, changes.Count).Where(i => !conflicts.Contains(i)).ToList();
        var keptChanges = kept.Select(i => changes[i]).ToList();
        var writes = CommitPlan.ConversationWrites(keptChanges);
        await Guard(async () =>
        {
            await Task.WhenAll(
                WriteMembersAsync(CommitPlan.MemberWrites(keptChanges), ct),
                InsertOutboxAsync(keptChanges, ct),
                InsertFailuresAsync(keptChanges, ct)).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);

        var conversationConflicts = await Guard(() => WriteConversationsAsync(writes, ct)).ConfigureAwait(false);

        foreach (var write in writes)
        {
            if (conversationConflicts.Contains(write.ChatId))
                conflicts.UnionWith(write.Owners.Select(i => kept[i]));
            else
                write.ApplyNewVersion();
        }
        if (conflicts.Count > 0)
            throw ConcurrencyException.For(changes, conflicts, othersCommitted: true);
    }

    public Task<T?> GetAsync<T>(string id, CancellationToken ct) where T : class, IDocument
    {
        ArgumentNullException.ThrowIfNull(id);
        var collection = DocumentCollection<T>();
        return Guard(async () =>
            (T?)await collection.Find(MongoQueries.DocumentByStringId<T>(id)).FirstOrDefaultAsync(ct).ConfigureAwait(false));
    }

    public Task<IReadOnlyList<T>> FindAsync<T>(string index, string value, CancellationToken ct) where T : class, IDocument
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(value);
        var collection = DocumentCollection<T>();
        return Guard<IReadOnlyList<T>>(async () =>
            await collection.Find(MongoQueries.DocumentsByIndex<T>(index, value))
                .Sort(MongoQueries.DocumentSort<T>())
                .ToListAsync(ct).ConfigureAwait(false));
    }

    public Task<IReadOnlyList<T>> AllAsync<T>(CancellationToken ct) where T : class, IDocument
    {
        var collection = DocumentCollection<T>();
        return Guard<IReadOnlyList<T>>(async () =>
            await collection.Find(FilterDefinition<T>.Empty)
                .Sort(MongoQueries.DocumentSort<T>())
                .ToListAsync(ct).ConfigureAwait(false));
    }

    public Task<Business?> GetBusinessByOwnerAsync(long ownerUserId, CancellationToken ct)
    {
        // 0 marks an anonymised business: it belongs to nobody, whoever asks.
        if (ownerUserId == 0)
            return Task.FromResult<Business?>(null);
        return Guard(async () =>
            (Business?)await _businesses.Find(MongoQueries.BusinessByOwner(ownerUserId))
                .Sort(MongoQueries.BusinessSort)
                .FirstOrDefaultAsync(ct).ConfigureAwait(false));
    }

    public Task<IReadOnlyList<DiagnosisResponse>> GetDiagnosesByOwnerAsync(long ownerUserId, CancellationToken ct)
    {
        if (ownerUserId == 0)
            return Task.FromResult<IReadOnlyList<DiagnosisResponse>>([]);
        return Guard<IReadOnlyList<DiagnosisResponse>>(async () =>
            await _diagnoses.Find(MongoQueries.DiagnosesByOwner(ownerUserId))
                .Sort(MongoQueries.DiagnosesSort)
                .ToListAsync(ct).ConfigureAwait(false));
    }

    public Task<IReadOnlyList<Business>> GetBusinessesAsync(CancellationToken ct) =>
        Guard<IReadOnlyList<Business>>(async () =>
            await _businesses.Find(FilterDefinition<Business>.Empty)
                .Sort(MongoQueries.BusinessSort)
                .ToListAsync(ct).ConfigureAwait(false));

    public Task<IReadOnlyList<OutboxEntry>> GetDueOutboxAsync(DateTimeOffset now, int max, int maxPerChat, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPerChat);
        if (max == 0)
            return Task.FromResult<IReadOnlyList<OutboxEntry>>([]);
        return Guard<IReadOnlyList<OutboxEntry>>(async () =>
            await _outbox.Aggregate(MongoQueries.DueOutboxPipeline(now, max, maxPerChat), cancellationToken: ct)
                .ToListAsync(ct).ConfigureAwait(false));
    }

    public Task MarkOutboxAsync(IReadOnlyList<OutboxUpdate> updates, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(updates);
        if (updates.Count == 0)
            return Task.CompletedTask;
        return Guard(async () =>
        {
            var requests = updates.Select(u =>
                new UpdateOneModel<OutboxEntry>(MongoQueries.OutboxById(u.Id), MongoQueries.MarkOutbox(u)));
            await _outbox.BulkWriteAsync(requests, new BulkWriteOptions { IsOrdered = false }, ct).ConfigureAwait(false);
            return true;
        });
    }

    public Task<int> PurgeDeliveredOutboxAsync(DateTimeOffset createdBefore, CancellationToken ct) => Guard(async () =>
    {
        var result = await _outbox.DeleteManyAsync(MongoQueries.PurgeableOutbox(createdBefore), ct).ConfigureAwait(false);
        return (int)result.DeletedCount;
    });

    public Task<OutboxEntry?> GetOutboxEntryAsync(string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Guard(async () =>
            (OutboxEntry?)await _outbox.Find(MongoQueries.OutboxById(id)).FirstOrDefaultAsync(ct).ConfigureAwait(false));
    }

    public Task<IReadOnlyList<FailedUpdate>> GetFailedUpdatesAsync(CancellationToken ct) =>
        Guard<IReadOnlyList<FailedUpdate>>(async () =>
            await _failedUpdates.Find(FilterDefinition<FailedUpdate>.Empty)
                .Sort(MongoQueries.FailedUpdatesSort)
                .ToListAsync(ct).ConfigureAwait(false));

    public Task MarkUnreachableAsync(long chatId, CancellationToken ct) => Guard(async () =>
    {
        var filter = MongoQueries.MembersOfChat(chatId) & Builders<Member>.Filter.Eq(m => m.Unreachable, false);
        await _members.UpdateManyAsync(filter, MongoQueries.MarkUnreachable, cancellationToken: ct).ConfigureAwait(false);
        return true;
    });

    public Task<IReadOnlyList<Conversation>> GetIdleDraftsAsync(DateTimeOffset before, int max, CancellationToken ct) =>
        Guard<IReadOnlyList<Conversation>>(async () =>
            await _conversations.Find(MongoQueries.IdleDrafts(before))
                .Sort(MongoQueries.IdleDraftsSort)
                .Limit(max)
                .ToListAsync(ct).ConfigureAwait(false));

    public Task<IReadOnlyList<DiagnosisResponse>> GetAbandonedDiagnosesAsync(DateTimeOffset before, int max, CancellationToken ct) =>
        Guard<IReadOnlyList<DiagnosisResponse>>(async () =>
            await _diagnoses.Find(MongoQueries.AbandonedDiagnoses(before))
                .Sort(MongoQueries.DiagnosesSort)
                .Limit(max)
                .ToListAsync(ct).ConfigureAwait(false));

    /// <summary>Idempotent: the container disposes this instance once per service it is registered as.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
            _client.Dispose();
    }

    /// <summary>Returns the chats whose stored version had moved on (nothing of theirs was written).</summary>
    private async Task<HashSet<long>> WriteConversationsAsync(List<ConversationWrite> writes, CancellationToken ct)
    {
        var conflicts = new HashSet<long>();
        if (writes.Count == 0)
            return conflicts;

        var commitId = ObjectId.GenerateNewId();
        var requests = new List<WriteModel<BsonDocument>>(writes.Count);
        foreach (var write in writes)
        {
            var document = ToDocument(write);
            document[MongoMappings.Fields.CommitId] = commitId;
            requests.Add(new ReplaceOneModel<BsonDocument>(
                MongoQueries.ConversationAtVersion(write.ChatId, write.ExpectedVersion), document)
            {
                // A new chat is inserted by upsert; if someone inserted it first, the upsert hits the duplicate _id.
                IsUpsert = write.ExpectedVersion == 0,
            });
        }

        long applied;
        try
        {
            var result = await _conversationDocuments
                .BulkWriteAsync(requests, new BulkWriteOptions { IsOrdered = false }, ct).ConfigureAwait(false);
            applied = result.MatchedCount + result.Upserts.Count;
        }
        catch (MongoBulkWriteException<BsonDocument> ex) when (ex.WriteConcernError is null
            && ex.WriteErrors.All(e => e.Category == ServerErrorCategory.DuplicateKey))
        {
            foreach (var error in ex.WriteErrors)
                conflicts.Add(writes[error.Index].ChatId);
            applied = ex.Result.MatchedCount + ex.Result.Upserts.Count;
        }

        if (applied + conflicts.Count < writes.Count)
        {
            // Some replaces matched nothing and the bulk result does not say which: ask which ones carry this commit.
            var candidates = writes.Select(w => w.ChatId).Where(id => !conflicts.Contains(id)).ToList();
            var written = await _conversationDocuments
                .Find(MongoQueries.WrittenByCommit(candidates, commitId))
                .Project(Builders<BsonDocument>.Projection.Include(MongoMappings.Fields.Id))
                .ToListAsync(ct).ConfigureAwait(false);
            var writtenIds = written.Select(d => d[MongoMappings.Fields.Id].ToInt64()).ToHashSet();
            conflicts.UnionWith(candidates.Where(id => !writtenIds.Contains(id)));
        }
        return conflicts;
    }

    private static BsonDocument ToDocument(ConversationWrite write)
    {
        var stored = write.Latest.Clone();
        stored.Version = write.NewVersion;
        return stored.ToBsonDocument();
    }

    /// <summary>One write per user (the plan has reduced the batch), so the unordered bulk write cannot reorder an upsert and a deletion.</summary>
    private async Task WriteMembersAsync(List<MemberWrite> writes, CancellationToken ct)
    {
        var requests = writes.Select(w => w.Upsert is { } member
                ? (WriteModel<Member>)new ReplaceOneModel<Member>(MongoQueries.MembersByIds([member.UserId]), member) { IsUpsert = true }
                : new DeleteOneModel<Member>(MongoQueries.MembersByIds([w.UserId])))
            .ToList();
        if (requests.Count > 0)
            await _members.BulkWriteAsync(requests, new BulkWriteOptions { IsOrdered = false }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Every business, diagnosis and generic document write of the commit, each conditional on the version its writer
    /// read (<see cref="MongoQueries.VersionedWrite"/>), sent as its own request so that its result says exactly whether
    /// it matched. Moves the callers of the written ones on; returns the change sets of the ones that did not match.
    /// </summary>
    private async Task<HashSet<int>> WriteVersionedDocumentsAsync(
        List<DocumentWrite<Business>> businesses,
        List<DocumentWrite<DiagnosisResponse>> diagnoses,
        List<StoredDocumentWrite> documents,
        CancellationToken ct)
    {
        var requests = new List<(Task<bool> Written, HashSet<int> Owners, Action Applied)>();
        foreach (var write in businesses)
        {
            var byId = MongoQueries.DocumentById(write.Id);
            requests.Add((WriteOneAsync(_businessDocuments, byId, MongoQueries.VersionedWrite(byId, write.ExpectedVersion,
                write.Serialize(b => b.ToBsonDocument())), ct), write.Owners, write.ApplyNewVersion));
        }
        foreach (var write in diagnoses)
        {
            var byId = MongoQueries.DocumentById(write.Id);
            requests.Add((WriteOneAsync(_diagnosisDocuments, byId, MongoQueries.VersionedWrite(byId, write.ExpectedVersion,
                write.Serialize(d => d.ToBsonDocument())), ct), write.Owners, write.ApplyNewVersion));
        }
        foreach (var write in documents)
        {
            var byId = MongoQueries.DocumentById(write.Id);
            var replacement = write.IsDelete ? null : write.Serialize(MongoQueries.ToStoredDocument);
            requests.Add((WriteOneAsync(DocumentCollection(write.Collection), byId,
                MongoQueries.VersionedWrite(byId, write.ExpectedVersion, replacement), ct), write.Owners, write.ApplyNewVersion));
        }

        var conflicts = new HashSet<int>();
        foreach (var (written, owners, applied) in requests)
        {
            if (await written.ConfigureAwait(false))
                applied();
            else
                conflicts.UnionWith(owners);
        }
        return conflicts;
    }

    /// <summary>False when the version did not match: an insert found the id taken, or a replace or delete found another version.</summary>
    private static async Task<bool> WriteOneAsync(
        IMongoCollection<BsonDocument> collection, FilterDefinition<BsonDocument> byId, WriteModel<BsonDocument> model, CancellationToken ct)
    {
        BulkWriteResult<BsonDocument> result;
        try
        {
            result = await collection.BulkWriteAsync([model], cancellationToken: ct).ConfigureAwait(false);
        }
        catch (MongoBulkWriteException<BsonDocument> ex) when (ex.WriteConcernError is null
            && ex.WriteErrors.All(e => e.Category == ServerErrorCategory.DuplicateKey))
        {
            return false;
        }
        if (model is DeleteOneModel<BsonDocument>)
        {
            // Deleting a document already gone is no conflict; one still there at another version is.
            return result.DeletedCount == 1
                || await collection.CountDocumentsAsync(byId, cancellationToken: ct).ConfigureAwait(false) == 0;
        }
        return result.InsertedCount + result.MatchedCount == 1;
    }

    private IMongoCollection<BsonDocument> DocumentCollection(string name) => _database.GetCollection<BsonDocument>(name);

    private IMongoCollection<T> DocumentCollection<T>() where T : class, IDocument
    {
        DocumentTypes.EnsureRegistered(typeof(T));
        return _database.GetCollection<T>(DocumentCollections.Of<T>());
    }

    private async Task InsertOutboxAsync(IEnumerable<ChangeSet> changes, CancellationToken ct)
    {
        foreach (var erasure in changes.SelectMany(c => c.Erasures))
            await EraseOutboxAsync(erasure, ct).ConfigureAwait(false);

        var messages = changes.SelectMany(c => c.Outgoing).DistinctBy(m => m.Id).ToList();
        if (messages.Count == 0)
            return;

        var counter = await _counters.FindOneAndUpdateAsync(
            Builders<BsonDocument>.Filter.Eq(MongoMappings.Fields.Id, OutboxCounterId),
            MongoQueries.ReserveSequence(messages.Count),
            new FindOneAndUpdateOptions<BsonDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After },
            ct).ConfigureAwait(false);
        var sequence = counter[MongoMappings.Fields.Sequence].ToInt64() - messages.Count;

        var createdAt = _time.GetUtcNow();
        var requests = messages.Select(m => new InsertOneModel<OutboxEntry>(new OutboxEntry
        {
            Message = m,
            CreatedAt = createdAt,
            Sequence = ++sequence,
            DueAt = m.NotBefore,
        }));
        await InsertIgnoringDuplicatesAsync(_outbox, requests, ct).ConfigureAwait(false);
    }

    /// <summary>An owner's erasure, before this commit's messages are queued (see <see cref="OutboxErasure"/>).</summary>
    private async Task EraseOutboxAsync(OutboxErasure erasure, CancellationToken ct)
    {
        var ofChat = await _outbox.Find(MongoQueries.OutboxOfChats([erasure.ChatId])).ToListAsync(ct).ConfigureAwait(false);
        var files = ofChat.Select(e => e.Message.FilePath).OfType<string>().ToList();
        await _outbox.DeleteManyAsync(MongoQueries.OutboxOfChats([erasure.ChatId]), ct).ConfigureAwait(false);
        await _failedUpdates.DeleteManyAsync(MongoQueries.FailedUpdatesOfChats([erasure.ChatId]), ct).ConfigureAwait(false);
        if (erasure.Mentions.Count > 0)
        {
            var candidates = await _outbox.Find(MongoQueries.OutboxMentionCandidates(erasure.Mentions)).ToListAsync(ct).ConfigureAwait(false);
            var named = candidates.Where(e => OutboxMentions.Any(e.Message, erasure.Mentions)).ToList();
            if (named.Count > 0)
                await _outbox.DeleteManyAsync(MongoQueries.OutboxByIds([.. named.Select(e => e.Id)]), ct).ConfigureAwait(false);
            files.AddRange(named.Select(e => e.Message.FilePath).OfType<string>());
        }

        DiskOutboxFiles.DeleteErased(files);
    }

    private async Task InsertFailuresAsync(IEnumerable<ChangeSet> changes, CancellationToken ct)
    {
        var requests = changes.SelectMany(c => c.Failures).Select(f => new InsertOneModel<FailedUpdate>(f));
        await InsertIgnoringDuplicatesAsync(_failedUpdates, requests, ct).ConfigureAwait(false);
    }

    /// <summary>Inserts; a document already there (same key) is left as it is — that is a replay, not an error.</summary>
    private static async Task InsertIgnoringDuplicatesAsync<T>(
        IMongoCollection<T> collection, IEnumerable<InsertOneModel<T>> requests, CancellationToken ct)
    {
        var list = requests.ToList();
        if (list.Count == 0)
            return;
        try
        {
            await collection.BulkWriteAsync(list, new BulkWriteOptions { IsOrdered = false }, ct).ConfigureAwait(false);
        }
        catch (MongoBulkWriteException<T> ex) when (ex.WriteConcernError is null
            && ex.WriteErrors.All(e => e.Category == ServerErrorCategory.DuplicateKey))
        {
            // Every failed insert was a document already stored by an earlier commit of the same update.
        }
    }

    private async Task<T> Guard<T>(Func<Task<T>> operation)
    {
        // The driver deserializes inside the awaited call, so the scope sees the fallbacks its reads took.
        using var scope = StoredReadScope.Begin();
        try
        {
            var result = await operation().ConfigureAwait(false);
            scope.LogTo(_log);
            return result;
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            // /health fails until a probe write succeeds.
            _lastWriteFailed = true;
            throw new StoreUnavailableException($"MongoDB is unavailable ({ex.GetType().Name}).", ex);
        }
    }

    internal static bool IsUnavailable(Exception ex) => ex is MongoConnectionException
        or TimeoutException
        or MongoExecutionTimeoutException
        or MongoNotPrimaryException
        or MongoNodeIsRecoveringException
        or MongoWriteConcernException
        or MongoBulkWriteException { WriteConcernError: not null };
}
