namespace Ikm.Workflow.Conversations;

/// <summary>
/// The stored state of one chat: which flow is open, where in it the user is, what the flow has collected so far,
/// and the window of recently processed update ids. One document per chat; <see cref="Version"/> guards
/// against two writers (optimistic concurrency).
/// </summary>
public sealed class Conversation
{
    /// <summary>
    /// How many processed update ids are remembered for dedupe: more than twice the largest batch
    /// (<see cref="Engine.UpdateIntake.MaxBatch"/>), so a redelivered batch always finds its ids still remembered.
    /// </summary>
    public const int RecentUpdateWindow = 256;

    public long ChatId { get; set; }
    public long UserId { get; set; }
    public string Flow { get; set; } = "";
    public string State { get; set; } = "";
    /// <summary>0 = never stored.</summary>
    public long Version { get; set; }
    public string Language { get; set; } = "id";
    /// <summary>Answers and scratch values of the open flow, by key.</summary>
    public Dictionary<string, string> Data { get; set; } = [];
    /// <summary>Ids of the last processed updates, newest last. Not a high-water mark: webhook updates may arrive out of order.</summary>
    public List<long> RecentUpdateIds { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }

    public static Conversation New(long chatId, long userId, string language) =>
        new() { ChatId = chatId, UserId = userId, Language = language };

    /// <summary>Leaves the open flow; its collected answers stay in <see cref="Data"/> for a later resume.</summary>
    public void CloseFlow()
    {
        Flow = "";
        State = "";
    }

    public bool HasProcessed(long updateId) => RecentUpdateIds.Contains(updateId);

    /// <summary>
    /// The window as it stands now, for checking a whole batch against: ids remembered while the batch runs cannot
    /// push out the ids a replay of that same batch must still be recognised by.
    /// </summary>
    public ProcessedUpdates ProcessedSoFar() => new(RecentUpdateIds, RecentUpdateIds.Count >= RecentUpdateWindow);

    public void RememberUpdate(long updateId)
    {
        RecentUpdateIds.Add(updateId);
        if (RecentUpdateIds.Count > RecentUpdateWindow)
            RecentUpdateIds.RemoveRange(0, RecentUpdateIds.Count - RecentUpdateWindow);
    }

    public Conversation Clone() => new()
    {
        ChatId = ChatId,
        UserId = UserId,
        Flow = Flow,
        State = State,
        Version = Version,
        Language = Language,
        Data = new Dictionary<string, string>(Data),
        RecentUpdateIds = [.. RecentUpdateIds],
        UpdatedAt = UpdatedAt,
    };
}
