using Ikm.Workflow.Conversations;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Members;
using Ikm.Workflow.Storage;

namespace Ikm.Storage;

/// <summary>
/// One conversation write of a commit. A batch may carry the same chat more than once (two updates of one chat
/// in one getUpdates batch): it is written once, checked against the version the first change set read and
/// with the content of the last, and every caller object of that chat ends at the same new version.
/// </summary>
internal sealed class ConversationWrite(Conversation first, int owner)
{
    private readonly List<Conversation> _occurrences = [first];

    public long ChatId { get; } = first.ChatId;
    public long ExpectedVersion { get; } = first.Version;
    public long NewVersion => ExpectedVersion + 1;
    public Conversation Latest { get; private set; } = first;
    /// <summary>The indexes of the change sets carrying this chat: all of them conflict if the write does.</summary>
    public HashSet<int> Owners { get; } = [owner];

    public void Add(Conversation later, int owner)
    {
        Latest = later;
        Owners.Add(owner);
        if (!_occurrences.Contains(later))
            _occurrences.Add(later);
    }

    /// <summary>Called only after the write is durable.</summary>
    public void ApplyNewVersion()
    {
        foreach (var conversation in _occurrences)
            conversation.Version = NewVersion;
    }
}

/// <summary>What a commit does to one member: the last of the batch's upserts and deletions of that user wins.</summary>
internal readonly record struct MemberWrite(long UserId, Member? Upsert)
{
    public bool IsDelete => Upsert is null;
}

/// <summary>
/// What a commit does to one generic document (collection + id): the last of the batch's upserts and deletions of
/// one writer's object. Conditional on the version that object was read at (<see cref="ExpectedVersion"/>; 0 = it
/// must not exist yet): an upsert is stored at that version + 1, a deletion removes only that version (a document
/// already gone is no conflict). Every caller object ends at the new version once the write is durable; a deletion
/// leaves the callers' versions alone.
/// </summary>
internal sealed class StoredDocumentWrite(string collection, string id)
{
    private readonly List<IDocument> _occurrences = [];

    public string Collection { get; } = collection;
    public string Id { get; } = id;
    /// <summary>The document to store; null when the last intent of the batch is to delete it.</summary>
    public IDocument? Upsert { get; private set; }
    public bool IsDelete => Upsert is null;
    /// <summary>The version the first occurrence was read at: what the stored document must still be.</summary>
    public long ExpectedVersion { get; private set; } = -1;
    public long NewVersion => ExpectedVersion + 1;
    public HashSet<int> Owners { get; } = [];

    public void Add(DocumentChange change, int owner)
    {
        if (ExpectedVersion < 0)
            ExpectedVersion = change.Document.Version;
        Owners.Add(owner);
        if (change.Delete)
        {
            Upsert = null;
            _occurrences.Clear();
            return;
        }
        Upsert = change.Document;
        if (!_occurrences.Contains(change.Document))
            _occurrences.Add(change.Document);
    }

    /// <summary>Serializes <see cref="Upsert"/> at <see cref="NewVersion"/>, leaving the caller's object as it was.</summary>
    public TResult Serialize<TResult>(Func<IDocument, TResult> serialize)
    {
        var document = Upsert ?? throw new InvalidOperationException("A deletion has nothing to serialize.");
        var callerVersion = document.Version;
        document.Version = NewVersion;
        try
        {
            return serialize(document);
        }
        finally
        {
            document.Version = callerVersion;
        }
    }

    /// <summary>Called only after the write is durable.</summary>
    public void ApplyNewVersion()
    {
        if (IsDelete)
            return;
        var newVersion = NewVersion;
        foreach (var occurrence in _occurrences)
            occurrence.Version = newVersion;
    }
}

internal static class CommitPlan
{
    /// <summary>
    /// One write per (collection, id) in first-seen order, carrying the last intent of the batch, so an unordered bulk
    /// write cannot reorder an upsert and a deletion. Throws before anything is written on an unregistered type or an empty id.
    /// </summary>
    public static List<StoredDocumentWrite> StoredDocumentWrites(IReadOnlyList<ChangeSet> changes)
    {
        var byKey = new Dictionary<(string Collection, string Id), StoredDocumentWrite>();
        var ordered = new List<StoredDocumentWrite>();
        foreach (var (change, owner) in changes.SelectMany((c, i) => c.Documents.Select(d => (d, i))))
        {
            ArgumentNullException.ThrowIfNull(change);
            ArgumentNullException.ThrowIfNull(change.Document);
            DocumentTypes.EnsureRegistered(change.Document.GetType());
            if (string.IsNullOrEmpty(change.Document.Id))
                throw new ArgumentException($"A {change.Document.GetType().Name} to store has an empty id.");
            var key = (change.Collection, change.Document.Id);
            if (!byKey.TryGetValue(key, out var write))
            {
                write = new StoredDocumentWrite(key.Collection, key.Id);
                byKey.Add(key, write);
                ordered.Add(write);
            }
            write.Add(change, owner);
        }
        return ordered;
    }

    /// <summary>
    /// Throws <see cref="ConcurrencyException"/> before anything is written when change sets of one commit carry the
    /// same document as different objects: two chats of a batch that changed it from
    /// the same snapshot. The first keeps it; every later one conflicts and is redone on fresh reads, so neither change
    /// is silently merged into the other. The same object in several change sets is one writer's, and is written once.
    /// </summary>
    public static void ThrowOnSharedDocuments(IReadOnlyList<ChangeSet> changes)
    {
        var first = new Dictionary<(string Collection, string Id), (int Owner, object Instance)>();
        var conflicts = new HashSet<int>();
        for (var owner = 0; owner < changes.Count; owner++)
        {
            var change = changes[owner];
            foreach (var document in change.Documents)
                Check((document.Collection, document.Document.Id), document.Document, owner);
        }
        if (conflicts.Count > 0)
            throw ConcurrencyException.For(changes, conflicts, othersCommitted: false);

        void Check((string, string) key, object instance, int owner)
        {
            if (!first.TryGetValue(key, out var earlier))
                first.Add(key, (owner, instance));
            else if (earlier.Owner != owner && !ReferenceEquals(earlier.Instance, instance))
                conflicts.Add(owner);
        }
    }

    public static List<ConversationWrite> ConversationWrites(IReadOnlyList<ChangeSet> changes)
    {
        var byChat = new Dictionary<long, ConversationWrite>();
        var ordered = new List<ConversationWrite>();
        for (var owner = 0; owner < changes.Count; owner++)
        {
            if (changes[owner].Conversation is not { } conversation)
                continue;
            if (byChat.TryGetValue(conversation.ChatId, out var write))
            {
                write.Add(conversation, owner);
                continue;
            }
            write = new ConversationWrite(conversation, owner);
            byChat.Add(conversation.ChatId, write);
            ordered.Add(write);
        }
        return ordered;
    }

    /// <summary>
    /// Member upserts and deletions in the order the change sets give them (within one change set, deletions after
    /// upserts: erasing is the later intent), reduced to one write per user, so an unordered bulk write cannot reorder them.
    /// </summary>
    public static List<MemberWrite> MemberWrites(IReadOnlyList<ChangeSet> changes)
    {
        var byUser = new Dictionary<long, int>();
        var ordered = new List<MemberWrite>();
        foreach (var change in changes)
        {
            foreach (var member in change.Members)
                Set(new MemberWrite(member.UserId, member));
            foreach (var userId in change.DeletedMembers)
                Set(new MemberWrite(userId, null));
        }
        return ordered;

        void Set(MemberWrite write)
        {
            if (byUser.TryGetValue(write.UserId, out var index))
            {
                ordered[index] = write;
                return;
            }
            byUser.Add(write.UserId, ordered.Count);
            ordered.Add(write);
        }
    }
}
