using System.IO.Compression;
using System.Text;
using Ikm.Workflow.Messaging;

namespace Ikm.Storage;

/// <summary>
/// Whether a queued message names someone being erased: its text, button and key labels, file name, or file content
/// (in the row, or in the generated file its path names) —
/// as UTF-8, and inside a ZIP container (an XLSX workbook), whose entries are compressed. Shared by both stores, so an
/// erasure removes the same rows from either.
/// </summary>
internal static class OutboxMentions
{
    public static bool Any(OutgoingMessage message, IReadOnlyList<string> mentions)
    {
        if (mentions.Count == 0)
            return false;
        var texts = new List<string?> { message.Text, message.FileName };
        texts.AddRange(message.Buttons?.SelectMany(r => r).Select(b => b.Label) ?? []);
        texts.AddRange(message.Keyboard?.SelectMany(r => r).Select(k => k.Label) ?? []);
        if (texts.Any(t => t is not null && mentions.Any(m => t.Contains(m, StringComparison.OrdinalIgnoreCase))))
            return true;
        if (message.FileContent is { Length: > 0 } content && FileMentions(content, mentions))
            return true;
        return message.FilePath is { } path && File.Exists(path) && FileMentions(File.ReadAllBytes(path), mentions);
    }

    internal static bool FileMentions(byte[] content, IReadOnlyList<string> mentions)
    {
        if (Contains(content, mentions))
            return true;
        if (content is not [(byte)'P', (byte)'K', ..])
            return false;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            foreach (var entry in zip.Entries)
            {
                using var stream = entry.Open();
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                if (Contains(buffer.ToArray(), mentions))
                    return true;
            }
            return false;
        }
        catch (InvalidDataException)
        {
            // Not a readable ZIP after all: the raw search above is all there is.
            return false;
        }
    }

    /// <summary>The bytes as UTF-8 text (also XML with its escapes undone), searched without case.</summary>
    private static bool Contains(byte[] bytes, IReadOnlyList<string> mentions)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var unescaped = text.Contains('&', StringComparison.Ordinal) ? System.Net.WebUtility.HtmlDecode(text) : text;
        return mentions.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase) || unescaped.Contains(m, StringComparison.OrdinalIgnoreCase));
    }
}
