using Hangfire;
using Ikm.Scheduler.Jobs;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Reports;
using Microsoft.Extensions.Logging;

namespace Ikm.Scheduler.Reports;

/// <summary>Enqueues a <see cref="ReportJob"/> per committed request. A lost enqueue is not lost work: the job's scan finds the request.</summary>
public sealed class HangfireReportQueue(IBackgroundJobClient background, ILogger<HangfireReportQueue> log) : IReportQueue
{
    public void Requested(IReadOnlyList<ReportRequest> committed)
    {
        ArgumentNullException.ThrowIfNull(committed);
        foreach (var request in committed)
        {
            var id = request.Id;
            try
            {
                background.Enqueue<ReportJob>(job => job.RunAsync(id, CancellationToken.None));
            }
            catch (Exception ex)
            {
                // The request is stored; the scan builds it within a minute or two.
                log.LogWarning("Report request {RequestId} not enqueued ({ErrorType}); the scan will build it", id, ex.GetType().Name);
            }
        }
    }
}
