using Ikm.Workflow.Documents;
using Ikm.Workflow.Ports;

namespace Ikm.Workflow.Businesses;

/// <summary>The reads of businesses, over the document port (a business is a document of "businesses").</summary>
public static class BusinessDocuments
{
    /// <summary>The owner's business; null for owner 0 (an anonymised business belongs to nobody).</summary>
    public static async Task<Business?> GetBusinessByOwnerAsync(this IDocumentStore store, long ownerUserId, CancellationToken ct) =>
        // One business per owner is expected; the index's id order keeps the answer stable should there be more.
        ownerUserId == 0 ? null : (await store.FindAsync<Business>(DocumentIndex.Owner(ownerUserId), ct)).FirstOrDefault();

    /// <summary>Every business (anonymised ones included), for exports and aggregates, in id order.</summary>
    public static Task<IReadOnlyList<Business>> GetBusinessesAsync(this IDocumentStore store, CancellationToken ct) =>
        store.AllAsync<Business>(ct);
}
