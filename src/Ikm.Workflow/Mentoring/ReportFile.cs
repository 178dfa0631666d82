using Ikm.Workflow.Ports;

namespace Ikm.Workflow.Mentoring;

/// <summary>A file written to the outbox's folder (<see cref="IOutboxFiles"/>): sent as a photo or a document, with an optional caption.</summary>
public sealed record ReportFile(Messaging.OutgoingKind Kind, string FileName, string Path, string? Caption = null)
{
    /// <summary>The message that sends this file to <paramref name="chatId"/> (its id is the caller's).</summary>
    public Messaging.OutgoingMessage ToMessage(long chatId) =>
        new() { Id = "", ChatId = chatId, Kind = Kind, FileName = FileName, FilePath = Path, Text = Caption ?? "" };
}
