using Ikm.Workflow.Flows.OwnerData;
using Ikm.Workflow.Ports;

namespace Ikm.Workflow.Tests.Support;

public sealed class NoExporter : IOwnerDataExporter
{
    public byte[] ToXlsx(OwnerDataSnapshot snapshot) => [];
}
