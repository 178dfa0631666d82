using Ikm.Workflow.Engine;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ikm.Scheduler.Outbox;

/// <summary>
/// The last check before anything leaves, wrapped around the channel's sender so it holds for every flow and job:
/// a chat that is not a private chat receives nothing but the fixed "private chats only" notice (no buttons, no
/// file), and a document or photo goes only to the private chat of a known member (or a configured administrator).
/// A refused message is answered as rejected, so the dispatcher drops it and logs its id.
/// </summary>
public sealed class PrivateChatGuard(
    IMessageSender inner,
    IBotStore store,
    PrivateChatGate gate,
    IOptions<BotOptions> options,
    ILogger<PrivateChatGuard> log) : IMessageSender
{
    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!ChatIds.IsPrivate(message.ChatId))
            return IsNotice(message) ? await inner.SendAsync(message, ct) : Refuse(message, "not a private chat");

        if (CarriesFile(message) && !await IsMembersOwnChatAsync(message.ChatId, ct))
            return Refuse(message, "file to a chat that is not a member's own");

        return await inner.SendAsync(message, ct);
    }

    private static bool CarriesFile(OutgoingMessage message) =>
        message.Kind is OutgoingKind.Document or OutgoingKind.Photo || message.FileContent is not null || message.FilePath is not null;

    private async Task<bool> IsMembersOwnChatAsync(long chatId, CancellationToken ct) =>
        options.Value.CoordinatorIds.Contains(chatId)
        || await store.GetMemberAsync(chatId, ct) is { } member && member.ChatId == chatId;

    private bool IsNotice(OutgoingMessage message) =>
        message is { Kind: OutgoingKind.Text, Buttons: null, Keyboard: null, FileContent: null, FilePath: null }
        && gate.NoticeTexts.Contains(message.Text, StringComparer.Ordinal);

    private SendResult Refuse(OutgoingMessage message, string reason)
    {
        log.LogWarning("Message {MessageId} to chat {ChatId} refused: {Reason}", message.Id, message.ChatId, reason);
        return new SendResult(SendStatus.Rejected, Error: reason);
    }
}
