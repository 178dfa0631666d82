using Ikm.Workflow.Storage;
using MongoDB.Bson;
using MongoDB.Driver;
using Fields = Ikm.Storage.Mongo.MongoMappings.Fields;

namespace Ikm.Storage.Mongo;

/// <summary>The write models of a commit that are not plain lookups, kept apart so tests can render them without a server.</summary>
internal static class MongoCommitQueries
{
    private static FilterDefinitionBuilder<BsonDocument> Filter => Builders<BsonDocument>.Filter;

    /// <summary>
    /// An insert that leaves a document already there as it is, without an error: an error would abort a transaction,
    /// and the caller tells "inserted" from "was there" by the upsert in the result.
    /// </summary>
    public static UpdateOneModel<BsonDocument> InsertIfAbsent(FilterDefinition<BsonDocument> byId, BsonDocument document) =>
        new(byId, new BsonDocumentUpdateDefinition<BsonDocument>(new BsonDocument("$setOnInsert", WithoutId(document)))) { IsUpsert = true };

    /// <summary>A queued message, once: a replayed update finds its id and leaves the stored entry alone.</summary>
    public static UpdateOneModel<OutboxEntry> OutboxIfAbsent(OutboxEntry entry) =>
        new(Builders<OutboxEntry>.Filter.Eq(e => e.Id, entry.Id),
            new BsonDocumentUpdateDefinition<OutboxEntry>(new BsonDocument("$setOnInsert", WithoutId(entry.ToBsonDocument()))))
        { IsUpsert = true };

    /// <summary>A failed update, once per (update id, chat id), its unique key.</summary>
    public static UpdateOneModel<FailedUpdate> FailureIfAbsent(FailedUpdate failure) =>
        new(Builders<FailedUpdate>.Filter.Eq(f => f.UpdateId, failure.UpdateId) & Builders<FailedUpdate>.Filter.Eq(f => f.ChatId, failure.ChatId),
            Builders<FailedUpdate>.Update.SetOnInsert(f => f.ErrorType, failure.ErrorType).SetOnInsert(f => f.At, failure.At))
        { IsUpsert = true };

    /// <summary>
    /// In a transaction: the conversation at the version its writer read, or a new one only if the chat has none.
    /// A write that matches nothing is a conflict; none of them raises an error (which would abort the transaction).
    /// </summary>
    public static WriteModel<BsonDocument> ConversationInTransaction(long chatId, long expectedVersion, BsonDocument stored) =>
        expectedVersion == 0
            ? InsertIfAbsent(Filter.Eq(Fields.Id, chatId), stored)
            : new ReplaceOneModel<BsonDocument>(MongoQueries.ConversationAtVersion(chatId, expectedVersion), stored);

    /// <summary>
    /// The version check of <see cref="MongoOrderedCommit"/>: claims the conversation at the version its writer read
    /// if no other commit holds a claim younger than <paramref name="expiredBefore"/> (a claim of one of
    /// <paramref name="abandoned"/>, this process's failed commits, is free too). A new chat (version 0) is
    /// claimed by inserting a version-0 placeholder, which reads skip; a chat stored meanwhile fails on the duplicate id.
    /// </summary>
    public static UpdateOneModel<BsonDocument> ClaimConversation(
        long chatId, long expectedVersion, ObjectId commitId, DateTimeOffset now, DateTimeOffset expiredBefore, IReadOnlyList<ObjectId>? abandoned = null)
    {
        List<FilterDefinition<BsonDocument>> free =
        [
            Filter.Exists(Fields.Claim, false),
            Filter.Lt(Fields.Claim + "." + Fields.ClaimedAt, new BsonDateTime(expiredBefore.UtcDateTime)),
        ];
        if (abandoned is { Count: > 0 })
            free.Add(Filter.In(Fields.Claim + "." + Fields.ClaimCommit, abandoned));
        return new(MongoQueries.ConversationAtVersion(chatId, expectedVersion) & Filter.Or(free),
            Builders<BsonDocument>.Update.Set(Fields.Claim, new BsonDocument
            {
                { Fields.ClaimCommit, commitId },
                { Fields.ClaimedAt, new BsonDateTime(now.UtcDateTime) },
            }))
        { IsUpsert = expectedVersion == 0 };
    }

    /// <summary>Which of these chats the given commit holds a claim on.</summary>
    public static FilterDefinition<BsonDocument> ClaimedBy(IEnumerable<long> chatIds, ObjectId commitId) =>
        Filter.In(Fields.Id, chatIds) & Filter.Eq(Fields.Claim + "." + Fields.ClaimCommit, commitId);

    /// <summary>Gives up the commit's claims on chats it will not write: placeholders go, stored chats lose the claim.</summary>
    public static IEnumerable<WriteModel<BsonDocument>> ReleaseClaims(IEnumerable<long> chatIds, ObjectId commitId)
    {
        var claimed = ClaimedBy(chatIds, commitId);
        yield return new DeleteManyModel<BsonDocument>(claimed & Filter.Eq(Fields.Version, 0L));
        yield return new UpdateManyModel<BsonDocument>(claimed & Filter.Gt(Fields.Version, 0L), Builders<BsonDocument>.Update.Unset(Fields.Claim));
    }

    /// <summary>Version-0 placeholders of these chats, whichever commit left them.</summary>
    public static FilterDefinition<BsonDocument> Placeholders(IEnumerable<long> chatIds) =>
        Filter.In(Fields.Id, chatIds) & Filter.Eq(Fields.Version, 0L);

    /// <summary>The last write of a claimed chat: its new content, at the new version, without the claim.</summary>
    public static ReplaceOneModel<BsonDocument> WriteClaimedConversation(long chatId, ObjectId commitId, BsonDocument stored) =>
        new(ClaimedBy([chatId], commitId), stored);

    private static BsonDocument WithoutId(BsonDocument document)
    {
        var copy = document.DeepClone().AsBsonDocument;
        copy.Remove(Fields.Id);
        return copy;
    }
}
