using Ikm.Workflow.Documents;
using Ikm.Workflow.Ports;

namespace Ikm.Workflow.Engine;

/// <summary>
/// The store's answers within one chat's batch, each read once: a document asked for again — by id, by an index value
/// or with its whole collection — comes from here, not from another round-trip (a turn looks the same businesses,
/// cohort and staff up several times, and a batch holds several turns). A document already read stays the copy first
/// read, so every turn of the batch decides on one version of it: the version group commit checks when it is staged.
/// A chat whose version went out of date meanwhile conflicts, and is run again on a new <see cref="ChatWork"/>, that
/// is on fresh reads. Holds what the store returned only; <see cref="ChatWork"/> lays the staged writes over it and
/// hands out copies.
/// </summary>
internal sealed class BatchReads(IDocumentStore documents, CancellationToken ct)
{
    private readonly Dictionary<(string Collection, string Id), IDocument?> _byId = [];
    private readonly Dictionary<(string Collection, string Index, string Value), IReadOnlyList<IDocument>> _byIndex = [];
    private readonly Dictionary<string, IReadOnlyList<IDocument>> _all = [];

    public async Task<T?> GetAsync<T>(string id) where T : class, IDocument
    {
        var collection = DocumentCollections.Of<T>();
        if (_byId.TryGetValue((collection, id), out var read))
            return (T?)read;
        // The whole collection was read, and this id was not in it.
        if (_all.ContainsKey(collection))
            return null;
        return (T?)Remember(collection, id, await documents.GetAsync<T>(id, ct));
    }

    public async Task<IReadOnlyList<T>> FindAsync<T>(string index, string value) where T : class, IDocument
    {
        var collection = DocumentCollections.Of<T>();
        if (!_byIndex.TryGetValue((collection, index, value), out var found))
        {
            _byIndex[(collection, index, value)] = found = _all.TryGetValue(collection, out var all)
                ? [.. all.Where(d => d.IsIndexedAs(index, value))]
                : Remember(collection, await documents.FindAsync<T>(index, value, ct));
        }
        return [.. found.Cast<T>()];
    }

    public async Task<IReadOnlyList<T>> AllAsync<T>() where T : class, IDocument
    {
        var collection = DocumentCollections.Of<T>();
        if (!_all.TryGetValue(collection, out var all))
            _all[collection] = all = Remember(collection, await documents.AllAsync<T>(ct));
        return [.. all.Cast<T>()];
    }

    private List<IDocument> Remember<T>(string collection, IReadOnlyList<T> read) where T : class, IDocument =>
        [.. read.Select(d => Remember(collection, d.Id, d)!)];

    private IDocument? Remember(string collection, string id, IDocument? read)
    {
        if (_byId.TryGetValue((collection, id), out var first) && first is not null)
            return first;
        return _byId[(collection, id)] = read;
    }
}
