using System.Globalization;
using Ikm.Storage.Files;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Storage;
using Microsoft.Extensions.Logging;

namespace Ikm.Storage;

/// <summary>
/// The files the local chat delivered, kept where the person at the terminal can open them:
/// <c>{DataDirectory}/local-chat-files/{yyyy-MM-dd}/pengguna-{chat}/{name}</c>, folders 0700 and files 0600 like every
/// file of the data directory. An erasure deletes the erased owner's folders and every copy naming them.
/// </summary>
public sealed class LocalChatFiles(string directory, TimeProvider time, ILogger<LocalChatFiles> log) : ISentFileCopies
{
    public const string FolderName = "local-chat-files";

    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>Writes a copy of a delivered file; returns its path. A name already used that day gets " (2)", " (3)" ….</summary>
    public string Save(long chatId, string fileName, Stream content)
    {
        var folder = Path.Combine(Directory, time.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ChatFolder(chatId));
        PrivateFiles.CreateDirectory(folder);
        // The name is the bot's own ("ekspor-20261204.xlsx"); stripping any folder part keeps the copy in its folder.
        var name = Path.GetFileName(fileName);
        if (name.Length == 0)
            name = "berkas";
        var path = Path.Combine(folder, name);
        for (var n = 2; File.Exists(path); n++)
            path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileNameWithoutExtension(name)} ({n}){Path.GetExtension(name)}"));
        using var stream = PrivateFiles.Open(path, FileMode.CreateNew);
        content.CopyTo(stream);
        return path;
    }

    public void Erase(OutboxErasure erasure)
    {
        if (!System.IO.Directory.Exists(Directory))
            return;
        foreach (var file in new DirectoryInfo(Directory).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            try
            {
                if (file.Directory?.Name == ChatFolder(erasure.ChatId)
                    || (erasure.Mentions.Count > 0 && OutboxMentions.FileMentions(File.ReadAllBytes(file.FullName), erasure.Mentions)))
                    file.Delete();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The erasure itself is committed; a copy held open by another program must not undo that. Ids only.
                log.LogWarning("A local chat copy for chat {ChatId} could not be checked or deleted ({ErrorType})", erasure.ChatId, ex.GetType().Name);
            }
        }
    }

    private static string ChatFolder(long chatId) => string.Create(CultureInfo.InvariantCulture, $"pengguna-{chatId}");
}
