using Ikm.Workflow.Businesses;
using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Documents;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace Ikm.Storage.Mongo;

/// <summary>
/// Businesses and diagnosis responses were once stored with a UUID <c>_id</c> and indexes of their own; now they are
/// documents like every other aggregate (a string <c>_id</c>, the <c>_idx</c> entries). On start, every document of
/// the old layout is rewritten: the document form is inserted under the string id (left alone if already there) and
/// the old one deleted — in one transaction where the server has them, otherwise in that order, so a run cut short is
/// finished by the next start. The old indexes are dropped.
/// </summary>
internal static class MongoLegacyDocuments
{
    /// <summary>The collections of the old layout, the type of their documents, and the index each had.</summary>
    public static IReadOnlyList<(string Collection, Type Document, string OldIndex)> Collections { get; } =
    [
        (DocumentCollections.Of<Business>(), typeof(Business), "ownerUserId"),
        (DocumentCollections.Of<DiagnosisResponse>(), typeof(DiagnosisResponse), "ownerUserId_startedAt"),
    ];

    /// <summary>A document of the old layout: its id is not a string.</summary>
    public static FilterDefinition<BsonDocument> OldLayout { get; } =
        new BsonDocumentFilterDefinition<BsonDocument>(
            new BsonDocument(MongoMappings.Fields.Id, new BsonDocument("$not", new BsonDocument("$type", "string"))));

    /// <summary>The writes that move one old document: its document form inserted if absent, then the old one deleted.</summary>
    public static IReadOnlyList<WriteModel<BsonDocument>> Move(BsonDocument old, Type type)
    {
        var renamed = old.DeepClone().AsBsonDocument;
        renamed[MongoMappings.Fields.Id] = DocumentIds.Of(old[MongoMappings.Fields.Id].AsBsonBinaryData.ToGuid());
        var document = (IDocument)BsonSerializer.Deserialize(renamed, type);
        return
        [
            MongoCommitQueries.InsertIfAbsent(MongoQueries.DocumentById(document.Id), MongoQueries.ToStoredDocument(document)),
            new DeleteOneModel<BsonDocument>(Builders<BsonDocument>.Filter.Eq(MongoMappings.Fields.Id, old[MongoMappings.Fields.Id])),
        ];
    }

    /// <summary>Returns how many documents were moved (0 when none is of the old layout).</summary>
    public static async Task<int> MoveAsync(IMongoClient client, IMongoDatabase database, MongoCommitMode mode, CancellationToken ct)
    {
        var moves = new List<(IMongoCollection<BsonDocument> Collection, List<WriteModel<BsonDocument>> Writes)>();
        var moved = 0;
        foreach (var (name, type, _) in Collections)
        {
            var collection = database.GetCollection<BsonDocument>(name);
            var old = await collection.Find(OldLayout).ToListAsync(ct).ConfigureAwait(false);
            if (old.Count == 0)
                continue;
            moves.Add((collection, [.. old.SelectMany(d => Move(d, type))]));
            moved += old.Count;
        }

        if (moves.Count > 0 && mode == MongoCommitMode.Transaction)
        {
            using var session = await client.StartSessionAsync(cancellationToken: ct).ConfigureAwait(false);
            await session.WithTransactionAsync(async (s, c) =>
            {
                foreach (var (collection, writes) in moves)
                    await collection.BulkWriteAsync(s, writes, new BulkWriteOptions { IsOrdered = true }, c).ConfigureAwait(false);
                return true;
            }, cancellationToken: ct).ConfigureAwait(false);
        }
        else
        {
            foreach (var (collection, writes) in moves)
                await collection.BulkWriteAsync(writes, new BulkWriteOptions { IsOrdered = true }, ct).ConfigureAwait(false);
        }

        foreach (var (name, _, index) in Collections)
            await DropIndexIfPresentAsync(database.GetCollection<BsonDocument>(name), index, ct).ConfigureAwait(false);
        return moved;
    }

    private static async Task DropIndexIfPresentAsync(IMongoCollection<BsonDocument> collection, string index, CancellationToken ct)
    {
        List<BsonDocument> indexes;
        try
        {
            using var cursor = await collection.Indexes.ListAsync(ct).ConfigureAwait(false);
            indexes = await cursor.ToListAsync(ct).ConfigureAwait(false);
        }
        catch (MongoCommandException ex) when (ex.Code == NamespaceNotFound)
        {
            return;
        }
        if (indexes.Any(i => i.GetValue("name", "").AsString == index))
            await collection.Indexes.DropOneAsync(index, ct).ConfigureAwait(false);
    }

    private const int NamespaceNotFound = 26;
}
