using Ikm.Workflow.Mentoring;

namespace Ikm.Workflow.Tests.Mentoring;

/// <summary>Builders for the program documents used by the rules tests.</summary>
internal static class ProgramBuilders
{
    public const string CohortId = "cohort-1";

    public static Guid IkmId(int n) => new(n, 0, 0, new byte[8]);

    public static Cohort Cohort(string timeZoneId = "Asia/Makassar", CohortRules? rules = null) => new()
    {
        Id = CohortId,
        Name = "Tenun Palu",
        Region = "Kota Palu",
        TimeZoneId = timeZoneId,
        StartDate = new DateOnly(2026, 9, 1),
        Rules = rules ?? new CohortRules(),
    };

    public static Assignment Assign(
        Guid business,
        long mentor,
        DateTimeOffset assignedAt,
        DateTimeOffset? endedAt = null,
        string cohortId = CohortId) => new()
    {
        Id = $"{cohortId}:{business}:{mentor}:{assignedAt.UtcTicks}",
        CohortId = cohortId,
        BusinessId = business,
        MentorUserId = mentor,
        AssignedBy = 1,
        AssignedAt = assignedAt,
        EndedAt = endedAt,
    };

    public static Visit Visit(
        Guid business,
        long mentor,
        DateTimeOffset startedAt,
        TimeSpan? duration,
        VisitStatus status = VisitStatus.Completed,
        string cohortId = CohortId) => new()
    {
        Id = $"{business}:{startedAt.UtcTicks}",
        CohortId = cohortId,
        BusinessId = business,
        MentorUserId = mentor,
        Status = status,
        StartedAt = startedAt,
        EndedAt = startedAt + duration,
    };
}
