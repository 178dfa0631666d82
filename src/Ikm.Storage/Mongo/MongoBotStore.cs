using Ikm.Workflow.Conversations;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Members;
using Ikm.Storage.Tolerance;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Storage;
using Microsoft.Extensions.Logging;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Ikm.Storage.Mongo;

/// <summary>
/// The MongoDB store: one document per conversation, member, outbox entry and failed update, and every aggregate
/// (businesses, diagnosis responses, cohorts, visits…) in the collection of its type; every conversation and document write conditional on the version its writer read (optimistic
/// concurrency); majority write concern. A batch is committed as one transaction when the server supports it
/// (<see cref="MongoTransactionalCommit"/>), otherwise with every version check of a chat before any other write of it
/// (<see cref="MongoOrderedCommit"/>).
/// </summary>
public sealed class MongoBotStore : IBotStore, IDocumentStore, IDraftStore, IDisposable
{
    private readonly MongoClient _client;
    private readonly IMongoDatabase _database;
    private readonly IMongoCollection<Conversation> _conversations;
    private readonly IMongoCollection<Member> _members;
    private readonly IMongoCollection<OutboxEntry> _outbox;
    private readonly IMongoCollection<FailedUpdate> _failedUpdates;
    private readonly IMongoCollection<BsonDocument> _counters;
    private readonly TimeProvider _time;
    private readonly ILogger? _log;
    private volatile bool _lastWriteFailed;
    private volatile MongoCommitMode _commitMode;
    private readonly MongoAbandonedClaims _abandonedClaims = new();
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
        _members = _database.GetCollection<Member>(MongoMappings.MembersCollection);
        _outbox = _database.GetCollection<OutboxEntry>(MongoMappings.OutboxCollection);
        _failedUpdates = _database.GetCollection<FailedUpdate>(MongoMappings.FailedUpdatesCollection);
        _counters = _database.GetCollection<BsonDocument>(MongoMappings.CountersCollection);
    }

    public string DatabaseName { get; }

    /// <summary>Where <see cref="MongoDispatchLease"/> keeps its document, with the store's majority write concern.</summary>
    internal IMongoCollection<BsonDocument> Leases => _database.GetCollection<BsonDocument>(MongoMappings.LeasesCollection);

    public Task InitializeAsync(CancellationToken ct) => Guard(async () =>
    {
        await _outbox.Indexes.CreateManyAsync(MongoQueries.OutboxIndexes, ct).ConfigureAwait(false);
        await _members.Indexes.CreateOneAsync(MongoQueries.MemberChatIndex, cancellationToken: ct).ConfigureAwait(false);
        await _failedUpdates.Indexes.CreateOneAsync(MongoQueries.FailedUpdateKeyIndex, cancellationToken: ct).ConfigureAwait(false);
        foreach (var collection in DocumentTypes.All.Select(DocumentCollections.Of).Distinct())
        {
            await DocumentCollection(collection).Indexes.CreateOneAsync(MongoQueries.DocumentIndexModel, cancellationToken: ct)
                .ConfigureAwait(false);
        }
        var mode = await DetectCommitModeAsync(ct).ConfigureAwait(false);
        var moved = await MongoLegacyDocuments.MoveAsync(_client, _database, mode, ct).ConfigureAwait(false);
        if (moved > 0)
            _log?.LogInformation("Moved {Count} businesses and diagnoses of the old layout to documents", moved);
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

    /// <summary>
    /// One transaction on a replica set or mongos (<see cref="MongoTransactionalCommit"/>), ordered version checks on a
    /// standalone server (<see cref="MongoOrderedCommit"/>); which one is <see cref="CommitMode"/>.
    /// </summary>
    public async Task CommitAsync(IReadOnlyList<ChangeSet> changes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
            return;
        var plan = new MongoCommitPlan(changes);
        await Guard(async () =>
        {
            var now = _time.GetUtcNow();
            if (await DetectCommitModeAsync(ct).ConfigureAwait(false) == MongoCommitMode.Transaction)
                await MongoTransactionalCommit.CommitAsync(_client, _database, plan, now, ct).ConfigureAwait(false);
            else
                await MongoOrderedCommit.CommitAsync(_database, plan, _abandonedClaims, now, ct).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
    }

    /// <summary>How batches are committed, from the server's <c>hello</c>: asked at start, or at the first commit.</summary>
    public MongoCommitMode CommitMode => _commitMode;

    private async Task<MongoCommitMode> DetectCommitModeAsync(CancellationToken ct)
    {
        if (_commitMode != MongoCommitMode.Unknown)
            return _commitMode;
        var hello = await _database.RunCommandAsync<BsonDocument>(new BsonDocument("hello", 1), cancellationToken: ct).ConfigureAwait(false);
        _commitMode = MongoCommitModes.FromHello(hello);
        _log?.LogInformation("MongoDB batch commits: {CommitMode}", _commitMode);
        return _commitMode;
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

    /// <summary>Idempotent: the container disposes this instance once per service it is registered as.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
            _client.Dispose();
    }

    private IMongoCollection<BsonDocument> DocumentCollection(string name) => _database.GetCollection<BsonDocument>(name);

    private IMongoCollection<T> DocumentCollection<T>() where T : class, IDocument
    {
        DocumentTypes.EnsureRegistered(typeof(T));
        return _database.GetCollection<T>(DocumentCollections.Of<T>());
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
        or MongoBulkWriteException { WriteConcernError: not null }
        // A transaction that kept meeting transient errors past its retries: the batch is retried later, whole.
        || ex is MongoException m && (m.HasErrorLabel(MongoTransactionalCommit.TransientTransactionError)
            || m.HasErrorLabel(MongoTransactionalCommit.UnknownTransactionCommitResult));
}
