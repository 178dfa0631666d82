using Ikm.Workflow.Ports;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Messaging;

namespace Ikm.Bot.Demo;

/// <summary>The outbox notifier of the demo: tells the ledger what was committed, then hands it to the dispatcher as usual.</summary>
internal sealed class LedgerNotifier(DeliveryLedger ledger, IOutboxNotifier dispatcher) : IOutboxNotifier
{
    public void Notify(IReadOnlyList<OutgoingMessage> committed)
    {
        ledger.Committed(committed);
        dispatcher.Notify(committed);
    }
}
