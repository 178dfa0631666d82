using Ikm.Workflow.Conversations;
using Ikm.Workflow.Diagnoses;

namespace Ikm.Workflow.Ports;

/// <summary>The reads of the draft retention job: answers left unfinished for longer than the retention period.</summary>
public interface IDraftStore
{
    /// <summary>Conversations holding answers (non-empty data) whose last update was before <paramref name="before"/>, oldest first.</summary>
    Task<IReadOnlyList<Conversation>> GetIdleDraftsAsync(DateTimeOffset before, int max, CancellationToken ct);

    /// <summary>Diagnosis responses still in progress, with answers, last answered before <paramref name="before"/>, oldest first.</summary>
    Task<IReadOnlyList<DiagnosisResponse>> GetAbandonedDiagnosesAsync(DateTimeOffset before, int max, CancellationToken ct);
}
