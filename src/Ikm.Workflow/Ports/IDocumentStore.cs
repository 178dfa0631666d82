using Ikm.Workflow.Documents;

namespace Ikm.Workflow.Ports;

/// <summary>Reads of generic documents; writes go through <see cref="Storage.ChangeSet.Documents"/> in the batch's one commit.</summary>
public interface IDocumentStore
{
    Task<T?> GetAsync<T>(string id, CancellationToken ct) where T : class, IDocument;

    /// <summary>Documents whose index <paramref name="index"/> has <paramref name="value"/>, in id order.</summary>
    Task<IReadOnlyList<T>> FindAsync<T>(string index, string value, CancellationToken ct) where T : class, IDocument;

    /// <summary>Every document of the collection (exports, digests, scheduled scans).</summary>
    Task<IReadOnlyList<T>> AllAsync<T>(CancellationToken ct) where T : class, IDocument;
}
