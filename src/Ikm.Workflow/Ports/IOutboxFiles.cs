using Ikm.Workflow.Messaging;

namespace Ikm.Workflow.Ports;

/// <summary>
/// The folder of the files the outbox sends (<c>{DataDirectory}/outbox-files</c>): written by the report and digest
/// jobs, referenced from an outbox row by <see cref="OutgoingMessage.FilePath"/>, read by the channel, deleted once
/// delivered (or erased, or left over past the retention). Readable by the bot's own user only.
/// </summary>
public interface IOutboxFiles
{
    /// <summary>A new, empty file for <paramref name="fileName"/> (the name shown to the user), open for writing at <paramref name="path"/>.</summary>
    Stream Create(string fileName, out string path);

    Stream OpenRead(string path);

    /// <summary>Deletes a file of this folder; a path outside it, or a file already gone, is left alone.</summary>
    void Delete(string? path);

    /// <summary>Deletes the files last written before <paramref name="before"/> (what a crash or a lost row left); returns how many.</summary>
    int DeleteOlderThan(DateTimeOffset before);
}
