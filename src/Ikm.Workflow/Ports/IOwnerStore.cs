using Ikm.Workflow.Businesses;
using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Storage;

namespace Ikm.Workflow.Ports;

/// <summary>Reads of an owner's business and diagnoses; writes go through <see cref="ChangeSet"/> with the conversation.</summary>
public interface IOwnerStore
{
    Task<Business?> GetBusinessByOwnerAsync(long ownerUserId, CancellationToken ct);

    /// <summary>All of the owner's diagnosis responses, oldest first.</summary>
    Task<IReadOnlyList<DiagnosisResponse>> GetDiagnosesByOwnerAsync(long ownerUserId, CancellationToken ct);

    /// <summary>Every business (anonymised ones included), for exports and aggregates.</summary>
    Task<IReadOnlyList<Business>> GetBusinessesAsync(CancellationToken ct);
}
