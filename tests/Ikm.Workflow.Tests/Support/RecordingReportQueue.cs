using Ikm.Workflow.Ports;
using Ikm.Workflow.Reports;

namespace Ikm.Workflow.Tests.Support;

/// <summary>Remembers the report requests the pipeline announced after their commit.</summary>
public sealed class RecordingReportQueue : IReportQueue
{
    public List<ReportRequest> Requested { get; } = [];

    void IReportQueue.Requested(IReadOnlyList<ReportRequest> committed) => Requested.AddRange(committed);
}
