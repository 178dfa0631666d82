using System.Threading.Channels;
using Ikm.Workflow.Messaging;
using Microsoft.Extensions.Logging;

namespace Ikm.Workflow.Engine;

/// <summary>
/// The single door every channel's updates go through. One consumer takes whatever is waiting (up to
/// <see cref="MaxBatch"/> updates) and hands it to the pipeline as one batch: under load, concurrent webhook requests
/// are written in one commit (group commit) with no added delay when idle; and since batches run one at a time,
/// a chat is never handled concurrently.
/// </summary>
public sealed class UpdateIntake(UpdatePipeline pipeline, ILogger<UpdateIntake> log)
{
    public const int MaxBatch = 100;

    private readonly Channel<Submission> _queue = Channel.CreateUnbounded<Submission>(
        new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Completes once the updates are durably handled; throws when the store failed (nothing confirmed).</summary>
    public Task<BatchOutcome> SubmitAsync(IReadOnlyList<IncomingMessage> updates, CancellationToken ct)
    {
        var submission = new Submission(updates, new TaskCompletionSource<BatchOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(submission))
            throw new InvalidOperationException("The update intake is stopped.");
        return submission.Done.Task.WaitAsync(ct);
    }

    public Task<BatchOutcome> SubmitAsync(IncomingMessage update, CancellationToken ct) => SubmitAsync([update], ct);

    public async Task RunAsync(CancellationToken ct)
    {
        var batch = new List<Submission>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(ct))
            {
                batch.Clear();
                var count = 0;
                while (count < MaxBatch && _queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                    count += next.Updates.Count;
                }

                await ProcessAsync(batch, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var left))
                left.Done.TrySetCanceled(CancellationToken.None);
        }
    }

    private async Task ProcessAsync(List<Submission> batch, CancellationToken ct)
    {
        var updates = batch.Count == 1 ? batch[0].Updates : batch.SelectMany(s => s.Updates).ToList();
        try
        {
            var outcome = await pipeline.ProcessAsync(updates, ct);
            foreach (var submission in batch)
                submission.Done.TrySetResult(outcome);
        }
        catch (Exception ex)
        {
            log.LogWarning("Batch of {Count} updates not stored: {ErrorType}", updates.Count, ex.GetType().Name);
            foreach (var submission in batch)
                submission.Done.TrySetException(ex);
        }
    }

    private sealed record Submission(IReadOnlyList<IncomingMessage> Updates, TaskCompletionSource<BatchOutcome> Done);
}
