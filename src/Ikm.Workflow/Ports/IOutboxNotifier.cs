using Ikm.Workflow.Messaging;

namespace Ikm.Workflow.Ports;

/// <summary>Told about outgoing messages once they are durably stored, so they can be sent without a store scan.</summary>
public interface IOutboxNotifier
{
    void Notify(IReadOnlyList<OutgoingMessage> committed);
}
