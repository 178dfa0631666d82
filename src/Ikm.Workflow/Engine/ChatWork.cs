using System.Text.Json;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Storage;

namespace Ikm.Workflow.Engine;

/// <summary>
/// The domain reads and writes of one chat's updates in a batch. Writes are staged here and committed with the
/// conversation in the batch's one write; reads see what earlier updates of the same batch staged, over what the
/// store returned the first time it was asked (<see cref="BatchReads"/>: each document is read once a batch).
/// Everything handed out is a copy, so a flow that throws half-way cannot leave a changed object behind.
/// </summary>
public sealed class ChatWork(IDocumentStore documents, CancellationToken ct, IBotStore? members = null)
{
    private readonly BatchReads _stored = new(documents, ct);
    private Dictionary<(string Collection, string Id), DocumentChange> _documents = [];
    private HashSet<long> _deletedMembers = [];
    private List<OutboxErasure> _erasures = [];

    /// <summary>The owner's business (owner 0: none), with this batch's staged changes applied.</summary>
    public async Task<Business?> GetBusinessAsync(long ownerUserId) =>
        ownerUserId == 0 ? null : (await FindAsync<Business>(DocumentIndex.Owner(ownerUserId))).FirstOrDefault();

    /// <summary>The language another user chose (for a notice sent to them from this turn); Bahasa Indonesia by default.</summary>
    public async Task<string> LanguageOfAsync(long userId) =>
        members is null ? Texts.Languages.Indonesian
        : (await members.GetMemberAsync(userId, ct))?.Language ?? Texts.Languages.Indonesian;

    /// <summary>A chat's conversation as stored (not this turn's working copy); null when none, or no store to ask.</summary>
    public async Task<Conversations.Conversation?> StoredConversationAsync(long chatId) =>
        members is null ? null : await members.GetConversationAsync(chatId, ct);

    /// <summary>All businesses (small programs: hundreds), with this batch's staged changes applied.</summary>
    public Task<IReadOnlyList<Business>> AllBusinessesAsync() => AllAsync<Business>();

    /// <summary>The owner's diagnoses (owner 0: none), oldest first, with this batch's staged changes applied.</summary>
    public async Task<IReadOnlyList<DiagnosisResponse>> GetDiagnosesAsync(long ownerUserId) =>
        ownerUserId == 0 ? [] : DiagnosisDocuments.OldestFirst(await FindAsync<DiagnosisResponse>(DocumentIndex.Owner(ownerUserId)));

    /// <summary>A document by id: this batch's staged version first, then the store's.</summary>
    public async Task<T?> GetAsync<T>(string id) where T : class, IDocument
    {
        if (_documents.TryGetValue((DocumentCollections.Of<T>(), id), out var staged))
            return staged.Delete ? null : Copy((T)staged.Document);
        return await _stored.GetAsync<T>(id) is { } stored ? Copy(stored) : null;
    }

    /// <summary>The documents of type <typeparamref name="T"/> whose index entry is <paramref name="index"/>, with this turn's staged writes.</summary>
    public Task<IReadOnlyList<T>> FindAsync<T>(DocumentIndex index) where T : class, IDocument => FindAsync<T>(index.Name, index.Value);

    private async Task<IReadOnlyList<T>> FindAsync<T>(string index, string value) where T : class, IDocument
    {
        var collection = DocumentCollections.Of<T>();
        var stored = await _stored.FindAsync<T>(index, value);
        var result = stored.Where(d => !_documents.ContainsKey((collection, d.Id))).Select(Copy).ToList();
        result.AddRange(_documents.Values
            .Where(c => !c.Delete && c.Collection == collection && c.Document.IsIndexedAs(index, value))
            .Select(c => Copy((T)c.Document)));
        return [.. result.OrderBy(d => d.Id, StringComparer.Ordinal)];
    }

    /// <summary>Every document of a collection, with this batch's staged changes applied.</summary>
    public async Task<IReadOnlyList<T>> AllAsync<T>() where T : class, IDocument
    {
        var collection = DocumentCollections.Of<T>();
        var stored = await _stored.AllAsync<T>();
        var result = stored.Where(d => !_documents.ContainsKey((collection, d.Id))).Select(Copy).ToList();
        result.AddRange(_documents.Values.Where(c => !c.Delete && c.Collection == collection).Select(c => Copy((T)c.Document)));
        return [.. result.OrderBy(d => d.Id, StringComparer.Ordinal)];
    }

    public void Stage<T>(T document) where T : class, IDocument =>
        _documents[(DocumentCollections.Of<T>(), document.Id)] = new DocumentChange(Copy(document));

    public void Delete<T>(T document) where T : class, IDocument =>
        _documents[(DocumentCollections.Of<T>(), document.Id)] = new DocumentChange(Copy(document), Delete: true);

    public IReadOnlyList<DocumentChange> StagedDocuments => [.. _documents.Values];

    public void DeleteMember(long userId) => _deletedMembers.Add(userId);

    /// <summary>The chat's outbox rows and failed updates, and every outbox row mentioning these strings, go in this batch's write.</summary>
    public void EraseFromOutbox(long chatId, IEnumerable<string?> mentions) => _erasures.Add(OutboxErasure.Of(chatId, mentions));

    public IReadOnlyList<OutboxErasure> Erasures => [.. _erasures];

    public bool IsMemberDeleted(long userId) => _deletedMembers.Contains(userId);

    public IReadOnlyList<long> DeletedMembers => [.. _deletedMembers];

    /// <summary>Before each update: what to go back to if it fails.</summary>
    public Checkpoint Save() => new([.. _deletedMembers], new(_documents), [.. _erasures]);

    public void Restore(Checkpoint checkpoint)
    {
        _documents = checkpoint.Documents;
        _erasures = checkpoint.Erasures;
        _deletedMembers = checkpoint.DeletedMembers;
    }

    public sealed record Checkpoint(
        HashSet<long> DeletedMembers,
        Dictionary<(string Collection, string Id), DocumentChange> Documents,
        List<OutboxErasure> Erasures);

    private static T Copy<T>(T value) => JsonSerializer.Deserialize<T>(JsonSerializer.SerializeToUtf8Bytes(value))!;
}
