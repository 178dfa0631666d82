using Ikm.Workflow.Messaging;
using Ikm.Workflow.Mentoring.Rules;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Storage;
using Microsoft.Extensions.Options;

namespace Ikm.Workflow.Engine;

/// <summary>
/// Proactive messages (prompts, reminders) written to the outbox without touching any conversation's state.
/// Each carries a deterministic id ("open-checkin:{visit}"); the outbox ignores an id it already has, so a job that
/// runs twice, or again after a crash, sends nothing twice.
/// Scheduled messages written with a recipient's calendar respect <see cref="QuietHours"/>: one that would go out
/// inside them gets <see cref="OutgoingMessage.NotBefore"/> = the end of the quiet window, local time; the dispatcher's
/// store scan sends it then.
/// </summary>
public sealed class NotificationWriter(IBotStore store, IOutboxNotifier notifier, TimeProvider time, IOptions<QuietHours> quietHours)
{
    private readonly QuietHours _quietHours = (quietHours ?? throw new ArgumentNullException(nameof(quietHours))).Value;

    /// <summary>Writes the messages not already in the outbox, as they are (no quiet hours); returns when they are durable.</summary>
    public Task WriteAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken ct) => WriteFreshAsync(messages, ct);

    /// <summary>
    /// Scheduled messages to recipients living in <paramref name="calendar"/>'s time zone: each one that would go out
    /// (now, or at its own <see cref="OutgoingMessage.NotBefore"/>) inside quiet hours is held until they end.
    /// Writes those not already in the outbox; returns when they are durable.
    /// </summary>
    public Task WriteAsync(IReadOnlyList<OutgoingMessage> messages, ProgramCalendar calendar, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(calendar);
        var now = time.GetUtcNow();
        var held = new List<OutgoingMessage>(messages.Count);
        foreach (var message in messages)
            held.Add(HoldForQuietHours(message, now, calendar));
        return WriteFreshAsync(held, ct);
    }

    /// <summary>The message with <see cref="OutgoingMessage.NotBefore"/> moved out of quiet hours, or itself when it is outside them.</summary>
    public OutgoingMessage HoldForQuietHours(OutgoingMessage message, DateTimeOffset now, ProgramCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(message);
        var goesOutAt = message.NotBefore is { } notBefore && notBefore > now ? notBefore : now;
        var allowed = _quietHours.NextAllowed(goesOutAt, calendar);
        return allowed == goesOutAt ? message : message with { NotBefore = allowed };
    }

    /// <summary>A text too long for the channel as several messages: the first keeps the id (the dedupe key), the rest "{id}:p2"….</summary>
    private static IEnumerable<OutgoingMessage> Parts(OutgoingMessage message) =>
        MessageSplitter.Split(message).Select((part, i) => i == 0 ? part
            : part with { Id = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{message.Id}:p{i + 1}") });

    private async Task WriteFreshAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken ct)
    {
        var fresh = new List<OutgoingMessage>();
        foreach (var message in messages)
        {
            if (await store.GetOutboxEntryAsync(message.Id, ct) is null) fresh.AddRange(Parts(message));
        }

        if (fresh.Count == 0) return;
        await store.CommitAsync([new ChangeSet { Outgoing = fresh }], ct);
        notifier.Notify(fresh);
    }
}
