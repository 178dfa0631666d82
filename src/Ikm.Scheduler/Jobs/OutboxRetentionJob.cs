using Hangfire;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ikm.Scheduler.Jobs;

/// <summary>
/// Deletes what the outbox keeps past <see cref="RetentionOptions.OutboxDays"/> (30 by default): delivered rows (ids,
/// status and times only — their content left with the delivery), and generated files still in the outbox's folder,
/// which a delivered message no longer needs (its file is deleted on delivery): what a crash between writing a file and
/// queueing it left behind. Pending rows stay. Runs daily; safe to rerun.
/// </summary>
[AutomaticRetry(Attempts = 3)]
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed class OutboxRetentionJob(IBotStore store, IOutboxFiles files, TimeProvider time, IOptions<RetentionOptions> options, ILogger<OutboxRetentionJob> log)
{
    public const string RecurringId = "outbox-retention";

    public async Task RunAsync(CancellationToken ct)
    {
        var before = time.GetUtcNow() - TimeSpan.FromDays(options.Value.OutboxDays);
        var rows = await store.PurgeDeliveredOutboxAsync(before, ct);
        var leftovers = files.DeleteOlderThan(before);
        log.LogInformation("Outbox retention: {Rows} delivered rows and {Files} leftover files older than {Days} days deleted",
            rows, leftovers, options.Value.OutboxDays);
    }
}
