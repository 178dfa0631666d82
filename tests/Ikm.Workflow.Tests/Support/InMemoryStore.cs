using Ikm.Workflow.Conversations;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Members;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Storage;

namespace Ikm.Workflow.Tests.Support;

/// <summary>A store for engine unit tests: keeps version semantics, counts commits.</summary>
public sealed class InMemoryStore : IBotStore, IDocumentStore
{
    private readonly Dictionary<(string, string), IDocument> _documents = [];
    private readonly Dictionary<long, Conversation> _conversations = [];
    private readonly Dictionary<long, Member> _members = [];
    private readonly Dictionary<string, OutboxEntry> _outbox = [];
    private readonly List<FailedUpdate> _failures = [];
    private long _sequence;

    public int Commits { get; private set; }

    public Task InitializeAsync(CancellationToken ct) => Task.CompletedTask;

    public Task<bool> PingAsync(CancellationToken ct) => Task.FromResult(true);

    public Task<Conversation?> GetConversationAsync(long chatId, CancellationToken ct) =>
        Task.FromResult(_conversations.GetValueOrDefault(chatId)?.Clone());

    public Task<IReadOnlyDictionary<long, Conversation>> GetConversationsAsync(IReadOnlyCollection<long> chatIds, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<long, Conversation>>(chatIds.Where(_conversations.ContainsKey).ToDictionary(id => id, id => _conversations[id].Clone()));

    public Task<Member?> GetMemberAsync(long userId, CancellationToken ct) => Task.FromResult(_members.GetValueOrDefault(userId)?.CloneMember());

    public Task<IReadOnlyDictionary<long, Member>> GetMembersAsync(IReadOnlyCollection<long> userIds, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<long, Member>>(userIds.Where(_members.ContainsKey).ToDictionary(id => id, id => _members[id].CloneMember()));

    public Task CommitAsync(IReadOnlyList<ChangeSet> changes, CancellationToken ct)
    {
        var conflicts = changes
            .Select((change, index) => (change, index))
            .Where(x => x.change.Conversation is { } c && (_conversations.TryGetValue(c.ChatId, out var stored) ? stored.Version : 0) != c.Version)
            .Select(x => x.index)
            .ToList();
        if (conflicts.Count > 0)
            throw ConcurrencyException.For(changes, conflicts, othersCommitted: false);

        Commits++;
        foreach (var change in changes)
        {
            if (change.Conversation is { } c)
            {
                c.Version++;
                _conversations[c.ChatId] = c.Clone();
            }

            foreach (var m in change.Members) _members[m.UserId] = m.CloneMember();
            foreach (var o in change.Outgoing)
                _outbox.TryAdd(o.Id, new OutboxEntry { Message = o, CreatedAt = DateTimeOffset.UnixEpoch, Sequence = ++_sequence });
            _failures.AddRange(change.Failures);
            foreach (var id in change.DeletedMembers) _members.Remove(id);
            foreach (var d in change.Documents)
            {
                d.Document.Version++;
                if (d.Delete) _documents.Remove((d.Collection, d.Document.Id));
                else _documents[(d.Collection, d.Document.Id)] = d.Document;
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<OutboxEntry>> GetDueOutboxAsync(DateTimeOffset now, int max, int maxPerChat, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<OutboxEntry>>(_outbox.Values
            .Where(e => e.Status == OutboxStatus.Pending)
            .GroupBy(e => e.ChatId).SelectMany(chat => chat.OrderBy(e => e.Sequence).Take(maxPerChat))
            .OrderBy(e => e.Sequence).Take(max).ToList());

    public Task MarkOutboxAsync(IReadOnlyList<OutboxUpdate> updates, CancellationToken ct)
    {
        foreach (var u in updates)
            _outbox[u.Id] = _outbox[u.Id].After(u);
        return Task.CompletedTask;
    }

    public Task<int> PurgeDeliveredOutboxAsync(DateTimeOffset createdBefore, CancellationToken ct)
    {
        var purged = _outbox.Values.Where(e => OutboxEntry.IsDelivered(e.Status) && e.CreatedAt < createdBefore).Select(e => e.Id).ToList();
        foreach (var id in purged) _outbox.Remove(id);
        return Task.FromResult(purged.Count);
    }

    public Task<OutboxEntry?> GetOutboxEntryAsync(string id, CancellationToken ct) => Task.FromResult(_outbox.GetValueOrDefault(id));

    public Task<IReadOnlyList<FailedUpdate>> GetFailedUpdatesAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<FailedUpdate>>([.. _failures]);

    public Task MarkUnreachableAsync(long chatId, CancellationToken ct)
    {
        foreach (var m in _members.Values.Where(m => m.ChatId == chatId)) m.Unreachable = true;
        return Task.CompletedTask;
    }

    public Task<T?> GetAsync<T>(string id, CancellationToken ct) where T : class, IDocument =>
        Task.FromResult(_documents.GetValueOrDefault((DocumentCollections.Of<T>(), id)) as T);

    public Task<IReadOnlyList<T>> FindAsync<T>(string index, string value, CancellationToken ct) where T : class, IDocument =>
        Task.FromResult<IReadOnlyList<T>>(_documents.Values.OfType<T>().Where(d => d.Indexes().GetValueOrDefault(index) == value).OrderBy(d => d.Id, StringComparer.Ordinal).ToList());

    public Task<IReadOnlyList<T>> AllAsync<T>(CancellationToken ct) where T : class, IDocument =>
        Task.FromResult<IReadOnlyList<T>>(_documents.Values.OfType<T>().OrderBy(d => d.Id, StringComparer.Ordinal).ToList());

    public IReadOnlyList<OutboxEntry> Outbox => [.. _outbox.Values.OrderBy(e => e.Sequence)];
}
