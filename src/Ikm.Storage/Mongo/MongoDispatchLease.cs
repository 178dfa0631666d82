using Ikm.Workflow.Ports;
using Microsoft.Extensions.Logging;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Ikm.Storage.Mongo;

/// <summary>
/// The dispatch lease across instances sharing one MongoDB: a document <c>{_id: "outbox-dispatcher", owner, expiresAt}</c>
/// taken or renewed by one findOneAndUpdate (upsert) that matches only when this instance owns it or it has lapsed.
/// The holder renews every <see cref="RenewEvery"/>, and stops trusting it <see cref="ClockSkew"/> before the stored
/// expiry, so two instances whose clocks differ by less than that never send at the same time. An instance that
/// stops (or dies) without renewing hands over within <see cref="Duration"/>.
/// </summary>
public sealed class MongoDispatchLease(IMongoCollection<BsonDocument> leases, TimeProvider time, ILogger? log = null) : IDispatchLease
{
    public const string LeaseId = "outbox-dispatcher";
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(5);
    private const int DuplicateKey = 11000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset _trustedUntil = DateTimeOffset.MinValue;
    private DateTimeOffset _nextAttempt = DateTimeOffset.MinValue;

    /// <summary>Unique per process start: a restarted instance does not inherit the lease of its previous run.</summary>
    public string Owner { get; } = $"{Environment.ProcessId}-{Guid.NewGuid():N}";

    public async ValueTask<bool> HoldsAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (now < _nextAttempt)
            return now < _trustedUntil;
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            now = time.GetUtcNow();
            if (now >= _nextAttempt)
            {
                await TryTakeAsync(now, ct).ConfigureAwait(false);
                _nextAttempt = now + RenewEvery;
            }
            return now < _trustedUntil;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task TryTakeAsync(DateTimeOffset now, CancellationToken ct)
    {
        var expiresAt = now + Duration;
        try
        {
            await leases.FindOneAndUpdateAsync(
                MongoQueries.LeaseTakeableBy(LeaseId, Owner, now),
                MongoQueries.TakeLease(Owner, expiresAt),
                new FindOneAndUpdateOptions<BsonDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After },
                ct).ConfigureAwait(false);
            if (_trustedUntil <= now)
                log?.LogInformation("Took the dispatch lease as {Owner}", Owner);
            _trustedUntil = expiresAt - ClockSkew;
        }
        catch (MongoCommandException ex) when (ex.Code == DuplicateKey)
        {
            if (_trustedUntil > now)
                log?.LogWarning("Lost the dispatch lease to another instance; not sending");
            _trustedUntil = DateTimeOffset.MinValue;
        }
        catch (Exception ex) when (ex is MongoException or TimeoutException)
        {
            // The server did not answer: what was taken stays trusted until it lapses, then nothing is sent.
            log?.LogWarning("Dispatch lease renewal failed with {ErrorType}", ex.GetType().Name);
        }
    }
}
