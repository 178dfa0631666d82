using System.Collections.Concurrent;
using System.Text;
using Ikm.Storage;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Texts;

namespace Ikm.Bot.Channels.Local;

/// <summary>
/// The terminal side of the local chat: prints what the bot sends (buttons as numbered choices,
/// <see cref="ChannelCapabilities.Local"/>) and remembers each chat's last choices so the user can pick one by typing its number.
/// A file (an export, /datasaya, a digest) is written to <see cref="LocalChatFiles"/> and its path printed, so it can be opened.
/// </summary>
public sealed class LocalChatConsole(TextWriter output, LocalChatFiles copies, IOutboxFiles outboxFiles) : IMessageSender
{
    private readonly ConcurrentDictionary<long, IReadOnlyList<Button>> _lastButtons = new();
    private readonly Lock _write = new();
    private long _messageId;

    public long ActiveChatId { get; set; } = 1;

    public Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        IReadOnlyList<Button> buttons = ButtonLayout.Arrange(message.Buttons, ChannelCapabilities.Local) is ButtonLayout.NumberedChoices numbered
            ? numbered.Choices
            : [];
        // Numbers pick a button of the latest message only: a message without buttons means a typed number is an answer.
        _lastButtons[message.ChatId] = buttons;

        var copy = message.Kind is OutgoingKind.Document or OutgoingKind.Photo ? SaveCopy(message) : null;
        var text = new StringBuilder();
        var who = message.ChatId == ActiveChatId ? "🤖" : $"🤖 → pengguna {message.ChatId}";
        text.Append(who).Append(' ').AppendLine(message.Kind switch
        {
            OutgoingKind.Document => $"[berkas: {message.FileName}, {Length(copy)} bita] {message.Text}",
            OutgoingKind.Photo => $"[gambar: {message.FileName}] {message.Text}",
            _ => message.Text,
        });
        if (copy is not null)
            text.AppendLine(LocalChatTexts.FileSaved.In(Languages.Indonesian, Shown(copy)));
        for (var i = 0; i < buttons.Count; i++)
            text.Append("   [").Append(i + 1).Append("] ").AppendLine(buttons[i].Label);
        foreach (var key in message.Keyboard?.SelectMany(r => r) ?? [])
            text.Append("   (tombol: ").Append(key.Label).AppendLine(key.RequestLocation ? " — ketik /lokasi …)" : key.RequestContact ? " — ketik /kontak …)" : ")");

        lock (_write)
        {
            output.Write(text.ToString());
            output.Flush();
        }

        return Task.FromResult(SendResult.Ok(Interlocked.Increment(ref _messageId)));
    }

    public Button? ButtonAt(long chatId, int number) =>
        _lastButtons.TryGetValue(chatId, out var buttons) && number >= 1 && number <= buttons.Count ? buttons[number - 1] : null;

    public void Say(string text)
    {
        lock (_write)
        {
            output.WriteLine(text);
            output.Flush();
        }
    }

    /// <summary>The copy of the message's file (from the outbox folder or the row), or null when it carries none.</summary>
    private string? SaveCopy(OutgoingMessage message)
    {
        var name = message.FileName ?? (message.Kind == OutgoingKind.Photo ? "gambar.png" : "berkas");
        if (message.FilePath is { } path)
        {
            using var file = outboxFiles.OpenRead(path);
            return copies.Save(message.ChatId, name, file);
        }
        if (message.FileContent is { } content)
        {
            using var bytes = new MemoryStream(content, writable: false);
            return copies.Save(message.ChatId, name, bytes);
        }
        return null;
    }

    private static long Length(string? path) => path is null ? 0 : new FileInfo(path).Length;

    /// <summary>Relative to the working directory when inside it ("data/local-chat-files/…"), as typed in a terminal.</summary>
    private static string Shown(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
