using Ikm.Workflow.Conversations;
using Ikm.Workflow.Members;
using Ikm.Workflow.Ports;

namespace Ikm.Workflow.Storage;

/// <summary>
/// Some change sets of a commit were not written because something they change moved on since it was read: a
/// conversation's or a document's stored version, or an earlier change set of the same commit that changes the same
/// document from the same snapshot (two chats of one batch). <see cref="ChangeSets"/> are their indexes in the list
/// given to <see cref="IBotStore.CommitAsync"/>; the caller redoes them with fresh reads.
/// <see cref="OthersCommitted"/> tells whether the other change sets were written (standalone MongoDB, no
/// transaction) or nothing was (a transaction: the caller commits the others again without the conflicting ones).
/// </summary>
public sealed class ConcurrencyException(IReadOnlyList<int> changeSets, long chatId, bool othersCommitted)
    : Exception($"{changeSets.Count} change set(s) of the commit conflicted with a newer stored version (first chat {chatId}).")
{
    /// <summary>The chat of the first conflicting change set; 0 when it carries no conversation (a job's write).</summary>
    public long ChatId { get; } = chatId;

    public IReadOnlyList<int> ChangeSets { get; } = changeSets;

    public bool OthersCommitted { get; } = othersCommitted;

    /// <summary>The exception for these conflicting change sets of <paramref name="changes"/>.</summary>
    public static ConcurrencyException For(IReadOnlyList<ChangeSet> changes, IEnumerable<int> conflicting, bool othersCommitted)
    {
        var indexes = conflicting.Distinct().Order().ToList();
        return new ConcurrencyException(indexes, changes[indexes[0]].Conversation?.ChatId ?? 0, othersCommitted);
    }
}
