using Ikm.Workflow.Ports;
using Ikm.Workflow.Storage;

namespace Ikm.Workflow.Engine;

/// <summary>A channel that keeps no copies of what it sent (a host without a data directory).</summary>
public sealed class NoSentFileCopies : ISentFileCopies
{
    public void Erase(OutboxErasure erasure)
    {
    }
}
