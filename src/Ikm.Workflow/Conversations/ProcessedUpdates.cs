namespace Ikm.Workflow.Conversations;

/// <summary>
/// A frozen copy of a conversation's window of processed update ids, taken when a batch begins. An id in it was
/// processed. When the window was full, an id older than all of it was processed too — but only where update ids
/// rise (polling): webhook deliveries may come out of order, and a high-water mark would drop the older one.
/// </summary>
public sealed class ProcessedUpdates
{
    private readonly HashSet<long> _ids;
    private readonly long? _oldestOfFullWindow;

    public ProcessedUpdates(IReadOnlyCollection<long> ids, bool windowFull)
    {
        _ids = [.. ids];
        _oldestOfFullWindow = windowFull && ids.Count > 0 ? ids.Min() : null;
    }

    public bool Contains(long updateId, bool idsRise) =>
        _ids.Contains(updateId) || (idsRise && _oldestOfFullWindow is { } oldest && updateId < oldest);
}
