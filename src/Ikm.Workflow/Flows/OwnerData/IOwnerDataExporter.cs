using Ikm.Workflow.Businesses;
using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Members;
using Ikm.Workflow.Mentoring;

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

public sealed record OwnerMembership(string CohortId, string Cohort, MembershipStatus Status, DateTimeOffset RequestedAt, DateTimeOffset? DecidedAt);

public sealed record OwnerVisit(
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    double? Hours,
    string Mentor,
    VisitStatus Status,
    string? Problem,
    string? Mentored,
    string? Result,
    string? NextStep,
    IReadOnlyList<string> Areas,
    int Photos);

public sealed record OwnerEvaluation(string Month, string Author, DateTimeOffset? CompletedAt, IReadOnlyList<AreaEvaluation> Areas);

public sealed record OwnerDraft(string Flow, DateTimeOffset UpdatedAt, IReadOnlyDictionary<string, string> Answers);

/// <summary>Writes the owner's data as an XLSX workbook (an adapter: the spreadsheet library stays out of the domain).</summary>
public interface IOwnerDataExporter
{
    byte[] ToXlsx(OwnerDataSnapshot snapshot);
}
