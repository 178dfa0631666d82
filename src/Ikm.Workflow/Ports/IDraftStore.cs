using Ikm.Workflow.Conversations;

namespace Ikm.Workflow.Ports;

/// <summary>
/// The read of the draft retention job: conversations left unfinished for longer than the retention period (the
/// abandoned diagnoses are documents: <c>DiagnosisDocuments.GetAbandonedDiagnosesAsync</c>).
/// </summary>
public interface IDraftStore
{
    /// <summary>Conversations holding answers (non-empty data) whose last update was before <paramref name="before"/>, oldest first.</summary>
    Task<IReadOnlyList<Conversation>> GetIdleDraftsAsync(DateTimeOffset before, int max, CancellationToken ct);
}
