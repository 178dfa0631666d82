using Ikm.Workflow.Messaging;
using Ikm.Workflow.Storage;

namespace Ikm.Workflow.Engine;

/// <summary>
/// Proactive messages (prompts, reminders) written to the outbox without touching any conversation's state.
/// Each carries a deterministic id ("open-checkin:{visit}"); the outbox ignores an id it already has, so a job that
/// runs twice, or again after a crash, sends nothing twice.
/// </summary>
public sealed class NotificationWriter(IBotStore store, IOutboxNotifier notifier)
{
    /// <summary>Writes the messages not already in the outbox; returns when they are durable.</summary>
    public async Task WriteAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken ct)
    {
        var fresh = new List<OutgoingMessage>();
        foreach (var message in messages)
        {
            if (await store.GetOutboxEntryAsync(message.Id, ct) is null) fresh.Add(message);
        }

        if (fresh.Count == 0) return;
        await store.CommitAsync([new ChangeSet { Outgoing = fresh }], ct);
        notifier.Notify(fresh);
    }
}
