using Ikm.Workflow.Members;

namespace Ikm.Workflow.Mentoring.Rules;

/// <summary>What <see cref="NotificationSchedule"/> reads of one cohort: its documents as loaded, nothing derived stored.</summary>
public sealed record CohortActivity
{
    public IReadOnlyList<Assignment> Assignments { get; init; } = [];

    /// <summary>Visits of any status; only completed ones count as visits made.</summary>
    public IReadOnlyList<Visit> Visits { get; init; } = [];

    public IReadOnlyList<CohortStaff> Staff { get; init; } = [];

    public IReadOnlyList<CohortMembership> Memberships { get; init; } = [];

    public IReadOnlyList<Evaluation> Evaluations { get; init; } = [];

    public IEnumerable<CohortStaff> Mentors => Staff.Where(s => s.Role == MemberRole.Mentor);

    public IReadOnlyList<long> Coordinators => [.. Staff.Where(s => s.Role == MemberRole.Coordinator).Select(s => s.UserId).Distinct()];

    public IReadOnlyList<Assignment> ActiveAssignmentsOf(long mentorUserId) =>
        [.. Assignments.Where(a => a.IsActive && a.MentorUserId == mentorUserId)];

    public bool VisitedIn(Guid businessId, UtcRange range) => CompletedVisitsOf(businessId).Any(v => range.Contains(v.StartedAt));

    /// <summary>A visit is happening: the mentor checked in at the IKM within the range and has not checked out yet.</summary>
    public bool CheckedInDuring(Guid businessId, UtcRange range) =>
        Visits.Any(v => v.BusinessId == businessId && v.Status == VisitStatus.CheckedIn && range.Contains(v.StartedAt));

    public Visit? LastVisit(Guid businessId) => CompletedVisitsOf(businessId).MaxBy(v => v.StartedAt);

    /// <summary>The mentor's evaluation of the month is done; an owner's self-assessment does not count.</summary>
    public bool Evaluated(Guid businessId, MonthKey month) =>
        Evaluations.Any(e => e.BusinessId == businessId && e.Month == month.Key && !e.SelfAssessment && e.CompletedAt is not null);

    private IEnumerable<Visit> CompletedVisitsOf(Guid businessId) =>
        Visits.Where(v => v.BusinessId == businessId && v.Status == VisitStatus.Completed);
}
