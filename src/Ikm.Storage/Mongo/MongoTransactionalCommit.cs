using Ikm.Workflow.Storage;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Ikm.Storage.Mongo;

/// <summary>
/// A batch commit as one multi-document transaction (replica set or mongos): every chat's conversation, documents,
/// members, outbox rows and failures, majority write concern. A version that moved on aborts the whole transaction
/// and the conflicting change sets are reported with <see cref="ConcurrencyException.OthersCommitted"/> false, as in
/// SQLite: the caller commits the others again. Transient errors (a write conflict with another transaction, a
/// primary stepping down) rerun the transaction, at most <see cref="MaxAttempts"/> times.
/// </summary>
internal static class MongoTransactionalCommit
{
    public const int MaxAttempts = 3;
    public const string TransientTransactionError = "TransientTransactionError";
    public const string UnknownTransactionCommitResult = "UnknownTransactionCommitResult";

    public static TransactionOptions Options { get; } = new(readConcern: ReadConcern.Snapshot, writeConcern: WriteConcern.WMajority);

    public static async Task CommitAsync(IMongoClient client, IMongoDatabase database, MongoCommitPlan plan, DateTimeOffset now, CancellationToken ct)
    {
        using var session = await client.StartSessionAsync(cancellationToken: ct).ConfigureAwait(false);
        var db = new MongoCommitContext(database, session);
        for (var attempt = 1; ; attempt++)
        {
            session.StartTransaction(Options);
            WriteResult result;
            try
            {
                result = await WriteAsync(db, plan, now, ct).ConfigureAwait(false);
            }
            catch (MongoException ex) when (ex.HasErrorLabel(TransientTransactionError) && attempt < MaxAttempts)
            {
                await AbortQuietlyAsync(session).ConfigureAwait(false);
                continue;
            }
            catch
            {
                await AbortQuietlyAsync(session).ConfigureAwait(false);
                throw;
            }

            if (result.Conflicts.Count > 0)
            {
                await session.AbortTransactionAsync(ct).ConfigureAwait(false);
                throw ConcurrencyException.For(plan.Changes, result.Conflicts, othersCommitted: false);
            }
            if (await TryCommitAsync(session, attempt, ct).ConfigureAwait(false))
            {
                foreach (var write in plan.Conversations)
                    write.ApplyNewVersion();
                foreach (var write in plan.Documents)
                    write.ApplyNewVersion();
                DiskOutboxFiles.DeleteErased(result.ErasedFiles);
                return;
            }
        }
    }

    private sealed record WriteResult(HashSet<int> Conflicts, List<string> ErasedFiles);

    /// <summary>The version checks first, so a conflicting batch stops before the rest is sent.</summary>
    private static async Task<WriteResult> WriteAsync(MongoCommitContext db, MongoCommitPlan plan, DateTimeOffset now, CancellationToken ct)
    {
        var conflicts = await WriteConversationsAsync(db, plan.Conversations, ct).ConfigureAwait(false);
        conflicts.UnionWith(await MongoCommitWrites.WriteDocumentsAsync(db, plan.Documents, ct).ConfigureAwait(false));
        if (conflicts.Count > 0)
            return new(conflicts, []);
        await MongoCommitWrites.WriteMembersAsync(db, plan.Changes, ct).ConfigureAwait(false);
        var erased = await MongoCommitWrites.WriteOutboxAsync(db, plan.Changes, now, ct).ConfigureAwait(false);
        await MongoCommitWrites.WriteFailuresAsync(db, plan.Changes, ct).ConfigureAwait(false);
        return new(conflicts, erased);
    }

    /// <summary>
    /// One bulk write; every write that lands modifies its document (a new commit id) or inserts it, so when fewer did,
    /// the transaction's own view tells which chats carry this commit.
    /// </summary>
    private static async Task<HashSet<int>> WriteConversationsAsync(MongoCommitContext db, List<ConversationWrite> writes, CancellationToken ct)
    {
        var conflicts = new HashSet<int>();
        if (writes.Count == 0)
            return conflicts;
        var commitId = ObjectId.GenerateNewId();
        var collection = db.Collection<BsonDocument>(MongoMappings.ConversationsCollection);
        var newChats = writes.Where(w => w.ExpectedVersion == 0).Select(w => w.ChatId).ToList();
        if (newChats.Count > 0)
        {
            // A claim placeholder left by a standalone commit (before the server became a replica set) is no chat.
            await db.DeleteManyAsync(collection, MongoCommitQueries.Placeholders(newChats), ct).ConfigureAwait(false);
        }
        var requests = writes.Select(w =>
            MongoCommitQueries.ConversationInTransaction(w.ChatId, w.ExpectedVersion, MongoCommitPlan.StoredConversation(w, commitId)));
        var result = await db.BulkWriteAsync(collection, requests, ct).ConfigureAwait(false);
        if (result.ModifiedCount + result.Upserts.Count == writes.Count)
            return conflicts;
        var written = await db.FindIdsAsync(collection, MongoQueries.WrittenByCommit(writes.Select(w => w.ChatId), commitId), ct)
            .ConfigureAwait(false);
        var writtenIds = written.Select(d => d[MongoMappings.Fields.Id].ToInt64()).ToHashSet();
        foreach (var write in writes.Where(w => !writtenIds.Contains(w.ChatId)))
            conflicts.UnionWith(write.Owners);
        return conflicts;
    }

    /// <summary>
    /// True once committed; false when the transaction must run again. An unknown commit result is retried as a
    /// commit (the server answers the same for a transaction already committed).
    /// </summary>
    private static async Task<bool> TryCommitAsync(IClientSessionHandle session, int attempt, CancellationToken ct)
    {
        for (var commit = 1; ; commit++)
        {
            try
            {
                await session.CommitTransactionAsync(ct).ConfigureAwait(false);
                return true;
            }
            catch (MongoException ex) when (ex.HasErrorLabel(UnknownTransactionCommitResult) && commit < MaxAttempts)
            {
            }
            catch (MongoException ex) when (ex.HasErrorLabel(TransientTransactionError) && attempt < MaxAttempts)
            {
                return false;
            }
        }
    }

    private static async Task AbortQuietlyAsync(IClientSessionHandle session)
    {
        if (!session.IsInTransaction)
            return;
        try
        {
            await session.AbortTransactionAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (MongoException)
        {
            // The server ends an abandoned transaction itself; the error that got here is the one to report.
        }
    }
}
