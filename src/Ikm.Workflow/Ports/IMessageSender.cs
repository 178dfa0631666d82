using Ikm.Workflow.Messaging;

namespace Ikm.Workflow.Ports;

/// <summary>A channel's outbound side (Telegram, local terminal, …). Flows never call it: the dispatcher does.</summary>
public interface IMessageSender
{
    Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken ct);
}
