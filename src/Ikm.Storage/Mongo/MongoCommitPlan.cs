using Ikm.Workflow.Storage;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Ikm.Storage.Mongo;

/// <summary>A versioned document write as MongoDB receives it.</summary>
internal sealed record VersionedDocumentWrite(
    string Collection, FilterDefinition<BsonDocument> ById, long ExpectedVersion, BsonDocument? Replacement, HashSet<int> Owners, Action ApplyNewVersion)
{
    public WriteModel<BsonDocument> Model => MongoQueries.VersionedWrite(ById, ExpectedVersion, Replacement);
}

/// <summary>
/// The writes of one MongoDB commit, built (and checked by <see cref="CommitPlan"/>) before anything is written:
/// one per conversation, member and versioned document, each knowing the change sets (owners) it belongs to.
/// </summary>
internal sealed class MongoCommitPlan
{
    public MongoCommitPlan(IReadOnlyList<ChangeSet> changes)
    {
        Changes = changes;
        var documents = CommitPlan.StoredDocumentWrites(changes);
        CommitPlan.ThrowOnSharedDocuments(changes);
        Conversations = CommitPlan.ConversationWrites(changes);
        Documents =
        [
            .. documents.Select(w => Versioned(w.Collection, MongoQueries.DocumentById(w.Id), w.ExpectedVersion,
                w.IsDelete ? null : w.Serialize(MongoQueries.ToStoredDocument), w.Owners, w.ApplyNewVersion)),
        ];
    }

    public IReadOnlyList<ChangeSet> Changes { get; }
    public List<ConversationWrite> Conversations { get; }
    public List<VersionedDocumentWrite> Documents { get; }

    /// <summary>
    /// Widens <paramref name="conflicts"/> to every change set that shares a write with a conflicting one: a write
    /// not made fails all its owners (the same chat twice in a batch, one writer's document in two change sets).
    /// </summary>
    public void Spread(HashSet<int> conflicts)
    {
        var owners = Conversations.Select(c => c.Owners).Concat(Documents.Select(d => d.Owners)).ToList();
        bool grew;
        do
        {
            grew = false;
            foreach (var set in owners.Where(o => o.Overlaps(conflicts) && !o.IsSubsetOf(conflicts)))
            {
                conflicts.UnionWith(set);
                grew = true;
            }
        }
        while (grew);
    }

    public List<ChangeSet> Kept(HashSet<int> conflicts) => [.. Changes.Where((_, i) => !conflicts.Contains(i))];

    public static BsonDocument StoredConversation(ConversationWrite write, ObjectId commitId)
    {
        var stored = write.Latest.Clone();
        stored.Version = write.NewVersion;
        var document = stored.ToBsonDocument();
        document[MongoMappings.Fields.CommitId] = commitId;
        return document;
    }

    private static VersionedDocumentWrite Versioned(
        string collection, FilterDefinition<BsonDocument> byId, long expected, BsonDocument? replacement, HashSet<int> owners, Action apply) =>
        new(collection, byId, expected, replacement, owners, apply);
}
