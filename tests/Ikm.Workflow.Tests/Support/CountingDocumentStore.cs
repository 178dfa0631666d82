using Ikm.Workflow.Documents;
using Ikm.Workflow.Ports;

namespace Ikm.Workflow.Tests.Support;

/// <summary>Counts every read that reaches the document store, so a test can say how many a batch costs.</summary>
public sealed class CountingDocumentStore(IDocumentStore inner) : IDocumentStore
{
    private readonly List<string> _reads = [];
    private readonly Lock _lock = new();

    /// <summary>Each read as "get cohorts/c1", "find assignments mentor=801", "all businesses", in order.</summary>
    public IReadOnlyList<string> Reads
    {
        get
        {
            lock (_lock) return [.. _reads];
        }
    }

    public void Reset()
    {
        lock (_lock) _reads.Clear();
    }

    public Task<T?> GetAsync<T>(string id, CancellationToken ct) where T : class, IDocument
    {
        Record($"get {DocumentCollections.Of<T>()}/{id}");
        return inner.GetAsync<T>(id, ct);
    }

    public Task<IReadOnlyList<T>> FindAsync<T>(string index, string value, CancellationToken ct) where T : class, IDocument
    {
        Record($"find {DocumentCollections.Of<T>()} {index}={value}");
        return inner.FindAsync<T>(index, value, ct);
    }

    public Task<IReadOnlyList<T>> AllAsync<T>(CancellationToken ct) where T : class, IDocument
    {
        Record($"all {DocumentCollections.Of<T>()}");
        return inner.AllAsync<T>(ct);
    }

    private void Record(string read)
    {
        lock (_lock) _reads.Add(read);
    }
}
