using System.Diagnostics;

namespace Ikm.Bench;

/// <summary>Times every Bot API call the bot makes (with --trace), from the bot's side of the wire.</summary>
internal sealed class ApiTimingHandler(StoreTiming timing) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            var method = request.RequestUri is { } uri ? uri.Segments[^1] : "?";
            timing.AddApiCall(method, Stopwatch.GetTimestamp() - started);
        }
    }
}

/// <summary>
/// Samples the thread pool every few milliseconds on a thread of its own (with --trace): a long queue of work items
/// with idle cores means threads blocked in synchronous I/O, not a lack of CPU.
/// </summary>
internal sealed class PoolSampler : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _samples;
    private long _pendingSum;
    private long _pendingMax;
    private long _threadSum;

    public PoolSampler()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "pool sampler" };
        _thread.Start();
    }

    public (double MeanPending, long MaxPending, double MeanThreads) Stop()
    {
        _stop = true;
        _thread.Join();
        return _samples == 0 ? (0, 0, 0) : (_pendingSum / (double)_samples, _pendingMax, _threadSum / (double)_samples);
    }

    public void Dispose()
    {
        if (!_stop)
            Stop();
    }

    private void Run()
    {
        while (!_stop)
        {
            var pending = ThreadPool.PendingWorkItemCount;
            _samples++;
            _pendingSum += pending;
            _pendingMax = Math.Max(_pendingMax, pending);
            _threadSum += ThreadPool.ThreadCount;
            Thread.Sleep(5);
        }
    }
}
