using Ikm.Workflow.Ports;
using Ikm.Workflow.Messaging;

namespace Ikm.Bot.Demo;

/// <summary>
/// The demo's channel: the outbox dispatcher delivers here. Keeps every message with the simulated time, keeps each
/// chat's screen (an edit replaces the message it edits, as in Telegram) for the scripted users to read and press, and
/// saves the files sent (the chart, the workbooks) under the output directory before the outbox deletes them.
/// </summary>
public sealed class RecordingSender(TimeProvider time, DeliveryLedger ledger, string outputDirectory) : IMessageSender
{
    private readonly Lock _gate = new();
    private readonly List<DeliveredMessage> _all = [];
    private readonly Dictionary<long, List<DeliveredMessage>> _screens = [];
    private readonly Dictionary<long, int> _counts = [];

    public IReadOnlyList<DeliveredMessage> All
    {
        get
        {
            lock (_gate)
                return [.. _all];
        }
    }

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var saved = await SaveFileAsync(message, ct);
        long messageId;
        lock (_gate)
        {
            var screen = ScreenOf(message.ChatId);
            messageId = message.Kind == OutgoingKind.EditText && message.EditMessageId is { } edited ? edited : screen.Count + 1L;
            var sequence = _counts[message.ChatId] = _counts.GetValueOrDefault(message.ChatId) + 1;
            var delivered = new DeliveredMessage(time.GetUtcNow(), message.ChatId, sequence, messageId,
                message.Id, message.Kind, message.Text, [.. message.Buttons?.SelectMany(row => row) ?? []], message.FileName, saved);
            _all.Add(delivered);
            var index = screen.FindIndex(m => m.MessageId == messageId);
            if (index >= 0) screen[index] = delivered;
            else screen.Add(delivered);
        }

        ledger.Delivered(message.Id);
        return SendResult.Ok(messageId);
    }

    /// <summary>The chat as its user sees it: one entry per message, edits applied, oldest first.</summary>
    public IReadOnlyList<DeliveredMessage> Screen(long chatId)
    {
        lock (_gate)
            return [.. ScreenOf(chatId)];
    }

    private List<DeliveredMessage> ScreenOf(long chatId)
    {
        if (!_screens.TryGetValue(chatId, out var screen))
            _screens[chatId] = screen = [];
        return screen;
    }

    private async Task<string?> SaveFileAsync(OutgoingMessage message, CancellationToken ct)
    {
        if (message.FileName is not { } name || (message.FilePath is null && message.FileContent is null)) return null;
        Directory.CreateDirectory(outputDirectory);
        var target = Path.Combine(outputDirectory, Path.GetFileName(name));
        if (message.FilePath is { } path) File.Copy(path, target, overwrite: true);
        else await File.WriteAllBytesAsync(target, message.FileContent!, ct);
        return target;
    }
}
