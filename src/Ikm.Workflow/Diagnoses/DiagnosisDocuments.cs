using Ikm.Workflow.Documents;
using Ikm.Workflow.Ports;

namespace Ikm.Workflow.Diagnoses;

/// <summary>The reads of diagnosis responses, over the document port (a response is a document of "diagnoses").</summary>
public static class DiagnosisDocuments
{
    /// <summary>All of the owner's responses, oldest first; none for owner 0 (an erased owner's scores belong to nobody).</summary>
    public static async Task<IReadOnlyList<DiagnosisResponse>> GetDiagnosesByOwnerAsync(this IDocumentStore store, long ownerUserId, CancellationToken ct) =>
        ownerUserId == 0 ? [] : OldestFirst(await store.FindAsync<DiagnosisResponse>(DocumentIndex.Owner(ownerUserId), ct));

    /// <summary>Responses still in progress, with answers, last answered before <paramref name="before"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<DiagnosisResponse>> GetAbandonedDiagnosesAsync(
        this IDocumentStore store, DateTimeOffset before, int max, CancellationToken ct) =>
        [.. OldestFirst(await store.FindAsync<DiagnosisResponse>(DocumentIndex.Status(DiagnosisStatus.InProgress), ct))
            .Where(d => d.Answers.Count > 0 && d.LastAnsweredAt < before)
            .Take(max)];

    /// <summary>By start; the id orders responses started in the same instant.</summary>
    public static IReadOnlyList<DiagnosisResponse> OldestFirst(IEnumerable<DiagnosisResponse> responses) =>
        [.. responses.OrderBy(d => d.StartedAt).ThenBy(d => d.Id)];
}
