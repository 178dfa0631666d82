using System.Collections.Concurrent;
using System.Text;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Ports;

namespace Ikm.Bot.Channels.Local;

/// <summary>
/// The terminal side of the local chat: prints what the bot sends (buttons as numbered choices,
/// <see cref="ChannelCapabilities.Local"/>) and remembers each chat's last choices so the user can pick one by typing its number.
/// </summary>
public sealed class LocalChatConsole(TextWriter output) : IMessageSender
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

        var text = new StringBuilder();
        var who = message.ChatId == ActiveChatId ? "🤖" : $"🤖 → pengguna {message.ChatId}";
        text.Append(who).Append(' ').AppendLine(message.Kind switch
        {
            OutgoingKind.Document => $"[berkas: {message.FileName}, {FileLength(message)} bita] {message.Text}",
            OutgoingKind.Photo => $"[gambar: {message.FileName}] {message.Text}",
            _ => message.Text,
        });
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

    private static long FileLength(OutgoingMessage message) =>
        message.FilePath is { } path && File.Exists(path) ? new FileInfo(path).Length : message.FileContent?.Length ?? 0;
}
