using Ikm.Workflow.Storage;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Ikm.Storage.Mongo;

/// <summary>
/// A batch commit on a standalone server (no transactions), ordered so that every version check of a chat comes
/// before any other write of it:
/// <list type="number">
/// <item>claim each conversation at the version its writer read (<see cref="MongoCommitQueries.ClaimConversation"/>;
/// no content changes, so a crash here loses nothing; the claim lapses after <see cref="ClaimTimeout"/>, and this
/// process takes over its own claims of a commit that failed at once, see <see cref="MongoAbandonedClaims"/>);</item>
/// <item>the versioned document writes of the chats whose claim held;</item>
/// <item>members, outbox rows and failures of the chats whose checks all held;</item>
/// <item>the conversations' new content, which releases the claim and marks the updates processed — last, so a crash
/// before it leaves the updates to be redelivered, and their messages are found already queued (same ids).</item>
/// </list>
/// A chat that fails a check writes nothing after it and gives its claim back. What stays non-atomic: a chat with
/// two documents of which the second conflicts keeps the first written; a crash after step 2 leaves documents
/// written whose update runs again; a commit slower than <see cref="ClaimTimeout"/> can lose its claim and conflict
/// in step 4, after its rows were written (<see cref="ConcurrencyException.OthersCommitted"/> is true here).
/// </summary>
internal static class MongoOrderedCommit
{
    /// <summary>A claim older than this is taken to be a crashed commit's and may be taken over.</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromSeconds(30);

    public static async Task CommitAsync(IMongoDatabase database, MongoCommitPlan plan, MongoAbandonedClaims abandoned, DateTimeOffset now, CancellationToken ct)
    {
        var db = new MongoCommitContext(database, session: null);
        var conversations = db.Collection<BsonDocument>(MongoMappings.ConversationsCollection);
        var commitId = ObjectId.GenerateNewId();
        try
        {
            await WriteAsync(db, conversations, plan, commitId, abandoned.Snapshot(), now, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not ConcurrencyException)
        {
            abandoned.Add(commitId);
            await ReleaseQuietlyAsync(db, conversations, plan.Conversations, commitId).ConfigureAwait(false);
            throw;
        }
    }

    private static async Task WriteAsync(
        MongoCommitContext db, IMongoCollection<BsonDocument> conversations, MongoCommitPlan plan, ObjectId commitId,
        IReadOnlyList<ObjectId> abandoned, DateTimeOffset now, CancellationToken ct)
    {
        var conflicts = await ClaimAsync(db, conversations, plan.Conversations, commitId, abandoned, now, ct).ConfigureAwait(false);
        plan.Spread(conflicts);
        var documentConflicts = await MongoCommitWrites.WriteDocumentsAsync(
            db, plan.Documents.Where(d => !d.Owners.Overlaps(conflicts)), ct).ConfigureAwait(false);
        conflicts.UnionWith(documentConflicts);
        plan.Spread(conflicts);
        var claimed = plan.Conversations.Where(c => !c.Owners.Overlaps(conflicts)).ToList();
        await ReleaseAsync(db, conversations, plan.Conversations.Except(claimed), commitId, ct).ConfigureAwait(false);
        foreach (var document in plan.Documents.Where(d => !d.Owners.Overlaps(conflicts)))
            document.ApplyNewVersion();

        var kept = plan.Kept(conflicts);
        await Task.WhenAll(
            MongoCommitWrites.WriteMembersAsync(db, kept, ct),
            WriteOutboxAsync(db, kept, now, ct),
            MongoCommitWrites.WriteFailuresAsync(db, kept, ct)).ConfigureAwait(false);

        var late = await WriteContentAsync(db, conversations, claimed, commitId, ct).ConfigureAwait(false);
        foreach (var write in claimed.Where(w => !late.Contains(w)))
            write.ApplyNewVersion();
        conflicts.UnionWith(late.SelectMany(w => w.Owners));
        if (conflicts.Count > 0)
            throw ConcurrencyException.For(plan.Changes, conflicts, othersCommitted: true);
    }

    /// <summary>After a failure: gives the claims back if the server still answers; otherwise they lapse or are taken over.</summary>
    private static async Task ReleaseQuietlyAsync(
        MongoCommitContext db, IMongoCollection<BsonDocument> conversations, IEnumerable<ConversationWrite> writes, ObjectId commitId)
    {
        try
        {
            await ReleaseAsync(db, conversations, writes, commitId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is MongoException or TimeoutException)
        {
            // The error that got here is the one to report.
        }
    }

    private static async Task WriteOutboxAsync(MongoCommitContext db, IReadOnlyList<ChangeSet> kept, DateTimeOffset now, CancellationToken ct)
    {
        var erased = await MongoCommitWrites.WriteOutboxAsync(db, kept, now, ct).ConfigureAwait(false);
        DiskOutboxFiles.DeleteErased(erased);
    }

    /// <summary>Returns the change sets of the chats not claimed: another version is stored, or another commit holds it.</summary>
    private static async Task<HashSet<int>> ClaimAsync(
        MongoCommitContext db, IMongoCollection<BsonDocument> conversations, List<ConversationWrite> writes, ObjectId commitId,
        IReadOnlyList<ObjectId> abandoned, DateTimeOffset now, CancellationToken ct)
    {
        var conflicts = new HashSet<int>();
        if (writes.Count == 0)
            return conflicts;
        var requests = writes.Select(w => MongoCommitQueries.ClaimConversation(w.ChatId, w.ExpectedVersion, commitId, now, now - ClaimTimeout, abandoned));
        var landed = await CountLandedAsync(db, conversations, requests, writes, conflicts, ct).ConfigureAwait(false);
        if (landed < writes.Count)
            await AddMissingAsync(db, conversations, MongoCommitQueries.ClaimedBy, writes, commitId, conflicts, ct).ConfigureAwait(false);
        return conflicts;
    }

    /// <summary>Returns the writes whose claim was lost meanwhile (taken over after <see cref="ClaimTimeout"/>).</summary>
    private static async Task<List<ConversationWrite>> WriteContentAsync(
        MongoCommitContext db, IMongoCollection<BsonDocument> conversations, List<ConversationWrite> writes, ObjectId commitId, CancellationToken ct)
    {
        if (writes.Count == 0)
            return [];
        var requests = writes.Select(w => MongoCommitQueries.WriteClaimedConversation(w.ChatId, commitId, MongoCommitPlan.StoredConversation(w, commitId)));
        var result = await db.BulkWriteAsync(conversations, requests, ct).ConfigureAwait(false);
        if (result.MatchedCount == writes.Count)
            return [];
        var lost = new HashSet<int>();
        await AddMissingAsync(db, conversations, MongoQueries.WrittenByCommit, writes, commitId, lost, ct).ConfigureAwait(false);
        return [.. writes.Where(w => w.Owners.Overlaps(lost))];
    }

    private static async Task ReleaseAsync(
        MongoCommitContext db, IMongoCollection<BsonDocument> conversations, IEnumerable<ConversationWrite> writes, ObjectId commitId, CancellationToken ct)
    {
        var chatIds = writes.Select(w => w.ChatId).ToList();
        if (chatIds.Count > 0)
            await db.BulkWriteAsync(conversations, MongoCommitQueries.ReleaseClaims(chatIds, commitId), ct).ConfigureAwait(false);
    }

    /// <summary>How many claims landed; a new chat already stored (its placeholder insert hit the _id) is a conflict.</summary>
    private static async Task<long> CountLandedAsync(
        MongoCommitContext db, IMongoCollection<BsonDocument> conversations, IEnumerable<WriteModel<BsonDocument>> requests,
        List<ConversationWrite> writes, HashSet<int> conflicts, CancellationToken ct)
    {
        try
        {
            var result = await db.BulkWriteAsync(conversations, requests, ct).ConfigureAwait(false);
            return result.MatchedCount + result.Upserts.Count;
        }
        catch (MongoBulkWriteException<BsonDocument> ex) when (MongoCommitWrites.IsOnlyDuplicates(ex))
        {
            foreach (var error in ex.WriteErrors)
                conflicts.UnionWith(writes[error.Index].Owners);
            return ex.Result.MatchedCount + ex.Result.Upserts.Count;
        }
    }

    /// <summary>The bulk result does not say which writes matched: asks which chats carry this commit's mark.</summary>
    private static async Task AddMissingAsync(
        MongoCommitContext db, IMongoCollection<BsonDocument> conversations, Func<IEnumerable<long>, ObjectId, FilterDefinition<BsonDocument>> marked,
        List<ConversationWrite> writes, ObjectId commitId, HashSet<int> conflicts, CancellationToken ct)
    {
        var candidates = writes.Where(w => !w.Owners.Overlaps(conflicts)).ToList();
        var found = await db.FindIdsAsync(conversations, marked(candidates.Select(w => w.ChatId), commitId), ct).ConfigureAwait(false);
        var ids = found.Select(d => d[MongoMappings.Fields.Id].ToInt64()).ToHashSet();
        foreach (var write in candidates.Where(w => !ids.Contains(w.ChatId)))
            conflicts.UnionWith(write.Owners);
    }
}

