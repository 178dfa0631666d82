using Ikm.Workflow.Conversations;
using Ikm.Workflow.Storage;

namespace Ikm.Storage;

/// <summary>
/// One conversation write of a commit. A batch may carry the same chat more than once (two updates of one chat
/// in one getUpdates batch): it is written once, checked against the version the first change set read and
/// with the content of the last, and every caller object of that chat ends at the same new version.
/// </summary>
internal sealed class ConversationWrite(Conversation first)
{
    private readonly List<Conversation> _occurrences = [first];

    public long ChatId { get; } = first.ChatId;
    public long ExpectedVersion { get; } = first.Version;
    public long NewVersion => ExpectedVersion + 1;
    public Conversation Latest { get; private set; } = first;

    public void Add(Conversation later)
    {
        Latest = later;
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

internal static class CommitPlan
{
    public static List<ConversationWrite> ConversationWrites(IReadOnlyList<ChangeSet> changes)
    {
        var byChat = new Dictionary<long, ConversationWrite>();
        var ordered = new List<ConversationWrite>();
        foreach (var change in changes)
        {
            if (change.Conversation is not { } conversation)
                continue;
            if (byChat.TryGetValue(conversation.ChatId, out var write))
            {
                write.Add(conversation);
                continue;
            }
            write = new ConversationWrite(conversation);
            byChat.Add(conversation.ChatId, write);
            ordered.Add(write);
        }
        return ordered;
    }
}
