using Ikm.Workflow.Conversations;
using Ikm.Workflow.Members;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Storage;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Ikm.Storage.Mongo;

/// <summary>The queries of <see cref="MongoBotStore"/>, kept apart so tests can render them without a server.</summary>
internal static class MongoQueries
{
    private static FilterDefinitionBuilder<OutboxEntry> Outbox => Builders<OutboxEntry>.Filter;

    /// <summary>Replace filter of an optimistic write: matches only the version the writer read.</summary>
    public static FilterDefinition<BsonDocument> ConversationAtVersion(long chatId, long expectedVersion) =>
        Builders<BsonDocument>.Filter.Eq(MongoMappings.Fields.Id, chatId)
        & Builders<BsonDocument>.Filter.Eq(MongoMappings.Fields.Version, expectedVersion);

    /// <summary>Which of these chats the given commit wrote.</summary>
    public static FilterDefinition<BsonDocument> WrittenByCommit(IEnumerable<long> chatIds, ObjectId commitId) =>
        Builders<BsonDocument>.Filter.In(MongoMappings.Fields.Id, chatIds)
        & Builders<BsonDocument>.Filter.Eq(MongoMappings.Fields.CommitId, commitId);

    /// <summary>Stored conversations; a version-0 placeholder is a commit's claim on a new chat, not a conversation yet.</summary>
    public static FilterDefinition<Conversation> ConversationsByIds(IEnumerable<long> chatIds) =>
        Builders<Conversation>.Filter.In(c => c.ChatId, chatIds) & Builders<Conversation>.Filter.Gt(c => c.Version, 0);

    public static FilterDefinition<Member> MembersByIds(IEnumerable<long> userIds) =>
        Builders<Member>.Filter.In(m => m.UserId, userIds);

    public static FilterDefinition<Member> MembersOfChat(long chatId) =>
        Builders<Member>.Filter.Eq(m => m.ChatId, chatId);

    public static UpdateDefinition<Member> MarkUnreachable { get; } =
        Builders<Member>.Update.Set(m => m.Unreachable, true).Inc(m => m.Version, 1);

    /// <summary>Pending and due: no due time, or a due time not after <paramref name="now"/>.</summary>
    public static FilterDefinition<OutboxEntry> DueOutboxFilter(DateTimeOffset now) =>
        Outbox.Eq(e => e.Status, OutboxStatus.Pending)
        & (Outbox.Eq(e => e.DueAt, null) | Outbox.Lte(e => e.DueAt, now));

    public static SortDefinition<OutboxEntry> DueOutboxSort { get; } = Builders<OutboxEntry>.Sort.Ascending(e => e.Sequence);

    public static FilterDefinition<OutboxEntry> OutboxById(string id) => Outbox.Eq(e => e.Id, id);

    /// <summary>
    /// The send result. A delivered entry (sent or dropped) keeps only ids, status and times, as
    /// <see cref="OutboxEntry.After"/> does: a pipeline update replaces the message by its id, chat and kind, so any
    /// content field, present or added later, leaves the store.
    /// </summary>
    public static UpdateDefinition<OutboxEntry> MarkOutbox(OutboxUpdate update)
    {
        var result = Builders<OutboxEntry>.Update
            .Set(e => e.Status, update.Status)
            .Set(e => e.Attempts, update.Attempts)
            .Set(e => e.DueAt, update.DueAt)
            .Set(e => e.SentAt, update.SentAt)
            .Set(e => e.ChannelMessageId, update.ChannelMessageId);
        if (!OutboxEntry.IsDelivered(update.Status))
            return result;

        // The same values, rendered by the class map (status as a string, dates as dates), as literals of a $set stage.
        var values = result.Render(RenderArgs<OutboxEntry>())["$set"].AsBsonDocument;
        var stage = new BsonDocument();
        foreach (var element in values)
            stage[element.Name] = new BsonDocument("$literal", element.Value);
        const string Message = "message";
        stage[Message] = new BsonDocument
        {
            { "id", "$" + Message + ".id" },
            { "chatId", "$" + Message + ".chatId" },
            { "kind", "$" + Message + ".kind" },
        };
        return new PipelineUpdateDefinition<OutboxEntry>(
            PipelineDefinition<OutboxEntry, OutboxEntry>.Create(new BsonDocument("$set", stage)));
    }

    /// <summary>
    /// The fair pending scan: due entries, at most <paramref name="maxPerChat"/> per chat (each chat's oldest by
    /// sequence), oldest first. <c>$setWindowFields</c> needs MongoDB 5.0 or later.
    /// </summary>
    public static PipelineDefinition<OutboxEntry, OutboxEntry> DueOutboxPipeline(DateTimeOffset now, int max, int maxPerChat)
    {
        const string Rank = "_rank";
        return new EmptyPipelineDefinition<OutboxEntry>()
            .Match(DueOutboxFilter(now))
            .AppendStage<OutboxEntry, OutboxEntry, OutboxEntry>(new BsonDocument("$setWindowFields", new BsonDocument
            {
                { "partitionBy", "$chatId" },
                { "sortBy", new BsonDocument("sequence", 1) },
                { "output", new BsonDocument(Rank, new BsonDocument("$documentNumber", new BsonDocument())) },
            }))
            .AppendStage<OutboxEntry, OutboxEntry, OutboxEntry>(new BsonDocument("$match", new BsonDocument(Rank, new BsonDocument("$lte", maxPerChat))))
            .Sort(DueOutboxSort)
            .Limit(max)
            .AppendStage<OutboxEntry, OutboxEntry, OutboxEntry>(new BsonDocument("$unset", Rank));
    }

    /// <summary>Delivered (sent or dropped) entries created before the retention cut-off.</summary>
    public static FilterDefinition<OutboxEntry> PurgeableOutbox(DateTimeOffset createdBefore) =>
        Outbox.Ne(e => e.Status, OutboxStatus.Pending) & Outbox.Lt(e => e.CreatedAt, createdBefore);

    private static RenderArgs<T> RenderArgs<T>() =>
        new(MongoDB.Bson.Serialization.BsonSerializer.SerializerRegistry.GetSerializer<T>(), MongoDB.Bson.Serialization.BsonSerializer.SerializerRegistry);

    public static SortDefinition<FailedUpdate> FailedUpdatesSort { get; } =
        Builders<FailedUpdate>.Sort.Ascending(f => f.At).Ascending(f => f.UpdateId);

    /// <summary>The counters document a health probe writes after a failure (a write proves more than a ping).</summary>
    public static FilterDefinition<BsonDocument> HealthProbeFilter { get; } =
        Builders<BsonDocument>.Filter.Eq(MongoMappings.Fields.Id, "health");

    public static UpdateDefinition<BsonDocument> HealthProbe(DateTimeOffset now) =>
        Builders<BsonDocument>.Update.Set("probedAt", new BsonDateTime(now.UtcDateTime));

    /// <summary>Reserves <paramref name="count"/> outbox sequence numbers in one atomic increment.</summary>
    public static UpdateDefinition<BsonDocument> ReserveSequence(int count) =>
        Builders<BsonDocument>.Update.Inc(MongoMappings.Fields.Sequence, (long)count);

    /// <summary>Conversations with answers (data not empty) untouched since before the cutoff.</summary>
    public static FilterDefinition<Conversation> IdleDrafts(DateTimeOffset before) =>
        Builders<Conversation>.Filter.Lt(c => c.UpdatedAt, before)
        & Builders<Conversation>.Filter.Ne(MongoMappings.Fields.Data, new BsonDocument());

    public static SortDefinition<Conversation> IdleDraftsSort { get; } = Builders<Conversation>.Sort.Ascending(c => c.UpdatedAt);

    /// <summary>Every outbox entry of the given chats, any status: deleted when an owner erases their data.</summary>
    public static FilterDefinition<OutboxEntry> OutboxOfChats(IEnumerable<long> chatIds) => Outbox.In(e => e.ChatId, chatIds);

    /// <summary>The failed-update records of the given chats: deleted when an owner erases their data.</summary>
    public static FilterDefinition<FailedUpdate> FailedUpdatesOfChats(IEnumerable<long> chatIds) =>
        Builders<FailedUpdate>.Filter.In(f => f.ChatId, chatIds);

    /// <summary>
    /// Entries that may mention one of the strings: the text matches (case-insensitive), or the entry has a file,
    /// buttons or keys (arrays of arrays, which a dotted path does not reach). The caller decides on the decoded message.
    /// </summary>
    public static FilterDefinition<OutboxEntry> OutboxMentionCandidates(IEnumerable<string> mentions)
    {
        var filters = mentions
            .Select(m => Outbox.Regex(e => e.Message.Text, new BsonRegularExpression(System.Text.RegularExpressions.Regex.Escape(m), "i")))
            .Append(Outbox.Exists(e => e.Message.FileContent))
            .Append(Outbox.Exists(e => e.Message.FilePath))
            .Append(Outbox.Exists(e => e.Message.Buttons))
            .Append(Outbox.Exists(e => e.Message.Keyboard));
        return Outbox.Or(filters);
    }

    public static FilterDefinition<OutboxEntry> OutboxByIds(IEnumerable<string> ids) => Outbox.In(e => e.Id, ids);

    public static IEnumerable<CreateIndexModel<OutboxEntry>> OutboxIndexes { get; } =
    [
        new(Builders<OutboxEntry>.IndexKeys.Ascending(e => e.Status).Ascending(e => e.DueAt).Ascending(e => e.Sequence),
            new CreateIndexOptions { Name = "status_dueAt_sequence" }),
        new(Builders<OutboxEntry>.IndexKeys.Ascending(e => e.ChatId), new CreateIndexOptions { Name = "chatId" }),
    ];

    public static CreateIndexModel<Member> MemberChatIndex { get; } =
        new(Builders<Member>.IndexKeys.Ascending(m => m.ChatId), new CreateIndexOptions { Name = "chatId" });

    /// <summary>A replayed failure is recorded once.</summary>
    public static CreateIndexModel<FailedUpdate> FailedUpdateKeyIndex { get; } =
        new(Builders<FailedUpdate>.IndexKeys.Ascending(f => f.UpdateId).Ascending(f => f.ChatId),
            new CreateIndexOptions { Name = "updateId_chatId", Unique = true });

    /// <summary>
    /// A document write conditional on the version its writer read: with no replacement, a delete of that version;
    /// at version 0, an insert only if the id is free (<see cref="MongoCommitQueries.InsertIfAbsent"/>: a taken id
    /// is left as it is, never overwritten); otherwise a replace of that version, never an upsert (a document deleted
    /// meanwhile is a conflict, not a resurrection).
    /// </summary>
    public static WriteModel<BsonDocument> VersionedWrite(FilterDefinition<BsonDocument> byId, long expectedVersion, BsonDocument? replacement)
    {
        var atVersion = byId & Builders<BsonDocument>.Filter.Eq(MongoMappings.Fields.Version, expectedVersion);
        if (replacement is null)
            return new DeleteOneModel<BsonDocument>(atVersion);
        if (expectedVersion == 0)
            return MongoCommitQueries.InsertIfAbsent(byId, replacement);
        return new ReplaceOneModel<BsonDocument>(atVersion, replacement) { IsUpsert = false };
    }

    /// <summary>The upsert or delete filter of a generic document: its string id.</summary>
    public static FilterDefinition<BsonDocument> DocumentById(string id) =>
        Builders<BsonDocument>.Filter.Eq(MongoMappings.Fields.Id, id);

    public static FilterDefinition<T> DocumentByStringId<T>(string id) =>
        new BsonDocumentFilterDefinition<T>(new BsonDocument(MongoMappings.Fields.Id, id));

    /// <summary>Documents with the index entry {n: <paramref name="index"/>, v: <paramref name="value"/>}; both must match the same entry.</summary>
    public static FilterDefinition<T> DocumentsByIndex<T>(string index, string value) =>
        new BsonDocumentFilterDefinition<T>(new BsonDocument(MongoMappings.Fields.Indexes, new BsonDocument("$elemMatch", new BsonDocument
        {
            { MongoMappings.Fields.IndexName, index },
            { MongoMappings.Fields.IndexValue, value },
        })));

    /// <summary>Id order, as <see cref="IDocumentStore"/> promises.</summary>
    public static SortDefinition<T> DocumentSort<T>() => new BsonDocumentSortDefinition<T>(new BsonDocument(MongoMappings.Fields.Id, 1));

    /// <summary>Serves <see cref="DocumentsByIndex{T}"/> (a multikey index over the entries), in id order.</summary>
    public static CreateIndexModel<BsonDocument> DocumentIndexModel { get; } =
        new(new BsonDocumentIndexKeysDefinition<BsonDocument>(new BsonDocument
            {
                { MongoMappings.Fields.Indexes + "." + MongoMappings.Fields.IndexName, 1 },
                { MongoMappings.Fields.Indexes + "." + MongoMappings.Fields.IndexValue, 1 },
                { MongoMappings.Fields.Id, 1 },
            }),
            new CreateIndexOptions { Name = "idx_n_v_id" });

    /// <summary>The stored form of a generic document: its mapped fields plus the <c>_idx</c> entries of <see cref="Workflow.Documents.IDocument.Indexes"/>.</summary>
    public static BsonDocument ToStoredDocument(Workflow.Documents.IDocument document)
    {
        var stored = document.ToBsonDocument(document.GetType());
        var entries = new BsonArray();
        foreach (var (name, value) in document.Indexes())
        {
            // A null value is no value: the document is simply not found by that index.
            if (value is not null)
                entries.Add(new BsonDocument { { MongoMappings.Fields.IndexName, name }, { MongoMappings.Fields.IndexValue, value } });
        }
        stored[MongoMappings.Fields.Indexes] = entries;
        return stored;
    }

    /// <summary>
    /// The lease as one instance may take it: its own (a renewal) or lapsed. Used with upsert: when another instance
    /// holds it unexpired, nothing matches and the upsert's insert of the same id fails as a duplicate key.
    /// </summary>
    public static FilterDefinition<BsonDocument> LeaseTakeableBy(string leaseId, string owner, DateTimeOffset now) =>
        Builders<BsonDocument>.Filter.Eq(MongoMappings.Fields.Id, leaseId)
        & (Builders<BsonDocument>.Filter.Eq(MongoMappings.Fields.LeaseOwner, owner)
           | Builders<BsonDocument>.Filter.Lt(MongoMappings.Fields.LeaseExpiresAt, new BsonDateTime(now.UtcDateTime)));

    public static UpdateDefinition<BsonDocument> TakeLease(string owner, DateTimeOffset expiresAt) =>
        Builders<BsonDocument>.Update
            .Set(MongoMappings.Fields.LeaseOwner, owner)
            .Set(MongoMappings.Fields.LeaseExpiresAt, new BsonDateTime(expiresAt.UtcDateTime));
}
