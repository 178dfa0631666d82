using MongoDB.Bson;

namespace Ikm.Storage.Mongo;

/// <summary>
/// The commits of this process that failed part-way (an outage) and may have left claims behind. Their chats are
/// redone by this same process (one chat is never run concurrently here), so it takes those claims over at once
/// instead of conflicting with itself until they lapse. Bounded: the oldest are forgotten and simply lapse.
/// </summary>
internal sealed class MongoAbandonedClaims
{
    private const int Capacity = 64;
    private readonly Queue<ObjectId> _commits = new();
    private readonly Lock _gate = new();

    public void Add(ObjectId commitId)
    {
        lock (_gate)
        {
            _commits.Enqueue(commitId);
            while (_commits.Count > Capacity)
                _commits.Dequeue();
        }
    }

    public IReadOnlyList<ObjectId> Snapshot()
    {
        lock (_gate)
            return [.. _commits];
    }
}
