using Ikm.Workflow.Messaging;

namespace Ikm.Bot.Demo;

/// <summary>One message as the recording sender received it, at the simulated instant, with its place in the chat.</summary>
public sealed record DeliveredMessage(
    DateTimeOffset At,
    long ChatId,
    int Sequence,
    long MessageId,
    string OutboxId,
    OutgoingKind Kind,
    string Text,
    IReadOnlyList<Button> Buttons,
    string? FileName,
    string? SavedFile)
{
    public bool HasButton(string label) => Buttons.Any(b => b.Label == label);
}
