using Ikm.Workflow.Members;
using Ikm.Workflow.Storage;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Ikm.Storage.Mongo;

/// <summary>The writes both commit modes make alike, through one <see cref="MongoCommitContext"/>.</summary>
internal static class MongoCommitWrites
{
    private const string OutboxCounterId = "outbox";

    /// <summary>
    /// Each versioned document write as its own request, so its result says exactly whether it matched. Returns the
    /// change sets of the ones that did not match; the caller applies the new versions once the commit is durable.
    /// </summary>
    public static async Task<HashSet<int>> WriteDocumentsAsync(MongoCommitContext db, IEnumerable<VersionedDocumentWrite> writes, CancellationToken ct)
    {
        var list = writes.ToList();
        var written = await db.RunAllAsync(list.Select(w => (Func<Task<bool>>)(() => WriteOneAsync(db, w, ct)))).ConfigureAwait(false);
        var conflicts = new HashSet<int>();
        for (var i = 0; i < list.Count; i++)
        {
            if (!written[i])
                conflicts.UnionWith(list[i].Owners);
        }
        return conflicts;
    }

    /// <summary>One write per user (the plan has reduced the batch), so the unordered bulk write cannot reorder an upsert and a deletion.</summary>
    public static async Task WriteMembersAsync(MongoCommitContext db, IReadOnlyList<ChangeSet> changes, CancellationToken ct)
    {
        var requests = CommitPlan.MemberWrites(changes).Select(w => w.Upsert is { } member
                ? (WriteModel<Member>)new ReplaceOneModel<Member>(MongoQueries.MembersByIds([member.UserId]), member) { IsUpsert = true }
                : new DeleteOneModel<Member>(MongoQueries.MembersByIds([w.UserId])))
            .ToList();
        if (requests.Count > 0)
            await db.BulkWriteAsync(db.Collection<Member>(MongoMappings.MembersCollection), requests, ct).ConfigureAwait(false);
    }

    /// <summary>Erasures first, then the messages, each queued once; returns the files of erased rows, to delete once durable.</summary>
    public static async Task<List<string>> WriteOutboxAsync(MongoCommitContext db, IReadOnlyList<ChangeSet> changes, DateTimeOffset createdAt, CancellationToken ct)
    {
        var erasedFiles = new List<string>();
        foreach (var erasure in changes.SelectMany(c => c.Erasures))
            erasedFiles.AddRange(await EraseOutboxAsync(db, erasure, ct).ConfigureAwait(false));

        var messages = changes.SelectMany(c => c.Outgoing).DistinctBy(m => m.Id).ToList();
        if (messages.Count == 0)
            return erasedFiles;
        var counter = await db.FindOneAndUpdateAsync(db.Collection<BsonDocument>(MongoMappings.CountersCollection),
            Builders<BsonDocument>.Filter.Eq(MongoMappings.Fields.Id, OutboxCounterId),
            MongoQueries.ReserveSequence(messages.Count), ct).ConfigureAwait(false);
        var sequence = counter[MongoMappings.Fields.Sequence].ToInt64() - messages.Count;
        var requests = messages.Select(m => MongoCommitQueries.OutboxIfAbsent(new OutboxEntry
        {
            Message = m,
            CreatedAt = createdAt,
            Sequence = ++sequence,
            DueAt = m.NotBefore,
        }));
        await WriteIgnoringDuplicatesAsync(db, db.Collection<OutboxEntry>(MongoMappings.OutboxCollection), requests, ct).ConfigureAwait(false);
        return erasedFiles;
    }

    public static Task WriteFailuresAsync(MongoCommitContext db, IReadOnlyList<ChangeSet> changes, CancellationToken ct) =>
        WriteIgnoringDuplicatesAsync(db, db.Collection<FailedUpdate>(MongoMappings.FailedUpdatesCollection),
            changes.SelectMany(c => c.Failures).Select(MongoCommitQueries.FailureIfAbsent), ct);

    /// <summary>False when the version did not match: a new id was taken, or a replace or delete found another version.</summary>
    private static async Task<bool> WriteOneAsync(MongoCommitContext db, VersionedDocumentWrite write, CancellationToken ct)
    {
        var collection = db.Collection<BsonDocument>(write.Collection);
        var model = write.Model;
        BulkWriteResult<BsonDocument> result;
        try
        {
            result = await db.BulkWriteAsync(collection, [model], ct).ConfigureAwait(false);
        }
        catch (MongoBulkWriteException<BsonDocument> ex) when (IsOnlyDuplicates(ex))
        {
            // Two inserts of one new id racing: the loser's upsert hit the unique _id.
            return false;
        }
        if (model is DeleteOneModel<BsonDocument>)
        {
            // Deleting a document already gone is no conflict; one still there at another version is.
            return result.DeletedCount == 1 || await db.CountAsync(collection, write.ById, ct).ConfigureAwait(false) == 0;
        }
        return write.ExpectedVersion == 0 ? result.Upserts.Count == 1 : result.MatchedCount == 1;
    }

    /// <summary>An upsert racing another of the same key may still hit the unique index: the row is there, as wanted.</summary>
    private static async Task WriteIgnoringDuplicatesAsync<T>(MongoCommitContext db, IMongoCollection<T> collection, IEnumerable<WriteModel<T>> requests, CancellationToken ct)
    {
        var list = requests.ToList();
        if (list.Count == 0)
            return;
        try
        {
            await db.BulkWriteAsync(collection, list, ct).ConfigureAwait(false);
        }
        catch (MongoBulkWriteException<T> ex) when (db.Session is null && IsOnlyDuplicates(ex))
        {
        }
    }

    internal static bool IsOnlyDuplicates<T>(MongoBulkWriteException<T> ex) =>
        ex.WriteConcernError is null && ex.WriteErrors.All(e => e.Category == ServerErrorCategory.DuplicateKey);

    /// <summary>An owner's erasure, before this commit's messages are queued (see <see cref="OutboxErasure"/>).</summary>
    private static async Task<List<string>> EraseOutboxAsync(MongoCommitContext db, OutboxErasure erasure, CancellationToken ct)
    {
        var outbox = db.Collection<OutboxEntry>(MongoMappings.OutboxCollection);
        var ofChat = await db.FindAsync(outbox, MongoQueries.OutboxOfChats([erasure.ChatId]), ct).ConfigureAwait(false);
        var files = ofChat.Select(e => e.Message.FilePath).OfType<string>().ToList();
        await db.DeleteManyAsync(outbox, MongoQueries.OutboxOfChats([erasure.ChatId]), ct).ConfigureAwait(false);
        await db.DeleteManyAsync(db.Collection<FailedUpdate>(MongoMappings.FailedUpdatesCollection),
            MongoQueries.FailedUpdatesOfChats([erasure.ChatId]), ct).ConfigureAwait(false);
        if (erasure.Mentions.Count > 0)
        {
            var candidates = await db.FindAsync(outbox, MongoQueries.OutboxMentionCandidates(erasure.Mentions), ct).ConfigureAwait(false);
            var named = candidates.Where(e => OutboxMentions.Any(e.Message, erasure.Mentions)).ToList();
            if (named.Count > 0)
                await db.DeleteManyAsync(outbox, MongoQueries.OutboxByIds([.. named.Select(e => e.Id)]), ct).ConfigureAwait(false);
            files.AddRange(named.Select(e => e.Message.FilePath).OfType<string>());
        }
        return files;
    }
}
