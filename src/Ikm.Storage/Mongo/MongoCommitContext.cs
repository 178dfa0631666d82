using MongoDB.Bson;
using MongoDB.Driver;

namespace Ikm.Storage.Mongo;

/// <summary>
/// Where every read and write of a commit meets the driver: in <see cref="Session"/> when the commit is a transaction,
/// so no operation of it can run outside the transaction. Operations of a session run one after another (a session
/// is not for concurrent use); without one, <see cref="RunAllAsync"/> runs them concurrently.
/// </summary>
internal sealed class MongoCommitContext(IMongoDatabase database, IClientSessionHandle? session)
{
    public IClientSessionHandle? Session { get; } = session;

    public IMongoCollection<T> Collection<T>(string name) => database.GetCollection<T>(name);

    public Task<BulkWriteResult<T>> BulkWriteAsync<T>(IMongoCollection<T> collection, IEnumerable<WriteModel<T>> requests, CancellationToken ct)
    {
        var options = new BulkWriteOptions { IsOrdered = false };
        return Session is { } s
            ? collection.BulkWriteAsync(s, requests, options, ct)
            : collection.BulkWriteAsync(requests, options, ct);
    }

    public Task<List<T>> FindAsync<T>(IMongoCollection<T> collection, FilterDefinition<T> filter, CancellationToken ct) =>
        (Session is { } s ? collection.Find(s, filter) : collection.Find(filter)).ToListAsync(ct);

    public Task<List<BsonDocument>> FindIdsAsync(IMongoCollection<BsonDocument> collection, FilterDefinition<BsonDocument> filter, CancellationToken ct) =>
        (Session is { } s ? collection.Find(s, filter) : collection.Find(filter))
            .Project(Builders<BsonDocument>.Projection.Include(MongoMappings.Fields.Id))
            .ToListAsync(ct);

    public Task<long> CountAsync<T>(IMongoCollection<T> collection, FilterDefinition<T> filter, CancellationToken ct) =>
        Session is { } s
            ? collection.CountDocumentsAsync(s, filter, cancellationToken: ct)
            : collection.CountDocumentsAsync(filter, cancellationToken: ct);

    public Task<DeleteResult> DeleteManyAsync<T>(IMongoCollection<T> collection, FilterDefinition<T> filter, CancellationToken ct) =>
        Session is { } s
            ? collection.DeleteManyAsync(s, filter, cancellationToken: ct)
            : collection.DeleteManyAsync(filter, ct);

    public Task<UpdateResult> UpdateManyAsync<T>(IMongoCollection<T> collection, FilterDefinition<T> filter, UpdateDefinition<T> update, CancellationToken ct) =>
        Session is { } s
            ? collection.UpdateManyAsync(s, filter, update, cancellationToken: ct)
            : collection.UpdateManyAsync(filter, update, cancellationToken: ct);

    public Task<BsonDocument> FindOneAndUpdateAsync(
        IMongoCollection<BsonDocument> collection, FilterDefinition<BsonDocument> filter, UpdateDefinition<BsonDocument> update, CancellationToken ct)
    {
        var options = new FindOneAndUpdateOptions<BsonDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After };
        return Session is { } s
            ? collection.FindOneAndUpdateAsync(s, filter, update, options, ct)
            : collection.FindOneAndUpdateAsync(filter, update, options, ct);
    }

    /// <summary>Runs the operations concurrently without a session, one after another in one.</summary>
    public async Task<List<T>> RunAllAsync<T>(IEnumerable<Func<Task<T>>> operations)
    {
        if (Session is null)
            return [.. await Task.WhenAll(operations.Select(o => o())).ConfigureAwait(false)];
        var results = new List<T>();
        foreach (var operation in operations)
            results.Add(await operation().ConfigureAwait(false));
        return results;
    }
}
