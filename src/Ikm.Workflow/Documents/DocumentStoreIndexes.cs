using Ikm.Workflow.Ports;

namespace Ikm.Workflow.Documents;

public static class DocumentStoreIndexes
{
    /// <summary>The documents of type <typeparamref name="T"/> whose index entry is <paramref name="index"/>.</summary>
    public static Task<IReadOnlyList<T>> FindAsync<T>(this IDocumentStore store, DocumentIndex index, CancellationToken ct) where T : class, IDocument =>
        store.FindAsync<T>(index.Name, index.Value, ct);
}
