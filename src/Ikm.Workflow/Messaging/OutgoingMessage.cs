using Ikm.Workflow.Ports;

namespace Ikm.Workflow.Messaging;

public enum OutgoingKind
{
    Text,
    /// <summary>Replace the text (and inline buttons) of a message the bot sent earlier.</summary>
    EditText,
    Photo,
    Document,
}

/// <summary>An inline button: the label shown and the callback data (≤ 64 bytes, Telegram's limit).</summary>
public sealed record Button(string Label, string Data);

/// <summary>A reply-keyboard key; it may ask the client to share location or contact.</summary>
public sealed record KeyboardKey(string Label, bool RequestLocation = false, bool RequestContact = false);

/// <summary>
/// A message to send. <see cref="Id"/> is deterministic (derived from the update or job that caused it),
/// so a resend after a crash is recognised by the outbox.
/// </summary>
public sealed record OutgoingMessage
{
    public required string Id { get; init; }
    public required long ChatId { get; init; }
    public OutgoingKind Kind { get; init; } = OutgoingKind.Text;
    public string Text { get; init; } = "";
    public IReadOnlyList<IReadOnlyList<Button>>? Buttons { get; init; }
    public IReadOnlyList<IReadOnlyList<KeyboardKey>>? Keyboard { get; init; }
    public bool RemoveKeyboard { get; init; }
    /// <summary>For <see cref="OutgoingKind.EditText"/>: the channel message id to edit.</summary>
    public long? EditMessageId { get; init; }
    public string? FileName { get; init; }
    /// <summary>Small in-memory content, for a message that is never queued as it is (a job writes it to a file first).</summary>
    public byte[]? FileContent { get; init; }
    /// <summary>
    /// A generated file (report, digest, /datasaya) in the outbox's folder (<see cref="IOutboxFiles"/>): the row holds
    /// the path, never the bytes; the channel streams the file, and the dispatcher deletes it once delivered.
    /// </summary>
    public string? FilePath { get; init; }
    /// <summary>Not sent before this time (quiet hours, scheduled notices); null = as soon as possible.</summary>
    public DateTimeOffset? NotBefore { get; init; }
}
