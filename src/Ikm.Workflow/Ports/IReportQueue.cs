using Ikm.Workflow.Reports;

namespace Ikm.Workflow.Ports;

/// <summary>
/// Told about report requests once they are durably stored, so they are built at once. Only a shortcut: a request
/// whose notice is lost (a crash right after the commit) is found by the report job's scan of stored requests.
/// </summary>
public interface IReportQueue
{
    void Requested(IReadOnlyList<ReportRequest> committed);
}
