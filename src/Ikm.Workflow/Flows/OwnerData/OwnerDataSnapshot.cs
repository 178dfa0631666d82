using Ikm.Workflow.Businesses;
using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Members;

namespace Ikm.Workflow.Flows.OwnerData;

/// <summary>
/// Everything stored about one owner, as handed over by /datasaya: the account, the business profile with the consent
/// (text version and time), every diagnosis with its answers, the cohort memberships, the visits to the business (date,
/// mentor, hours, logbook), the mentors' evaluations, the owner's self-assessments, and the answers of an unfinished form.
/// </summary>
public sealed record OwnerDataSnapshot(Member? Member, Business? Business, IReadOnlyList<DiagnosisResponse> Diagnoses, DateTimeOffset ExportedAt)
{
    public ConsentRecord? Consent => Business?.Consent;
    public IReadOnlyList<OwnerMembership> Memberships { get; init; } = [];
    public IReadOnlyList<OwnerVisit> Visits { get; init; } = [];
    public IReadOnlyList<OwnerEvaluation> Evaluations { get; init; } = [];
    public IReadOnlyList<OwnerEvaluation> SelfAssessments { get; init; } = [];
    /// <summary>The open or abandoned form of the owner's chat (the answers typed so far, by key); null when there is none.</summary>
    public OwnerDraft? AnswersInProgress { get; init; }
}
