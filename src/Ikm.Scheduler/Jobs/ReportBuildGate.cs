namespace Ikm.Scheduler.Jobs;

/// <summary>
/// Lets one <see cref="ReportJob"/> build at a time in a host: two large exports at once would double the peak memory.
/// A singleton of the host, not a static: hosts sharing a process (the test suite) would otherwise wait on each other's
/// reports, a held or slow build in one holding up every other.
/// </summary>
public sealed class ReportBuildGate : IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);

    public Task WaitAsync(CancellationToken ct) => _one.WaitAsync(ct);

    public void Release() => _one.Release();

    public void Dispose() => _one.Dispose();
}
