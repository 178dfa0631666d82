using System.Collections.Immutable;

namespace Ikm.Workflow.Mentoring.Rules;

/// <summary>One IKM's week: completed visits started in the week (cohort time zone) against the cohort's rules.</summary>
/// <param name="MentorUserId">The mentor of the IKM's active assignment.</param>
/// <param name="VisitsDone">Completed visits whose start falls in the week, by any mentor.</param>
/// <param name="QualifyingVisits">Of those, the ones that meet the rule (<see cref="VisitRules.MeetsRule"/>: checked in, at least the minimum hours).</param>
/// <param name="Compliant">QualifyingVisits ≥ VisitsRequired: a short or retro visit is logged but does not meet the rule.</param>
/// <param name="LastVisitAt">Start of the latest completed visit up to now, any week.</param>
public sealed record IkmWeekCompliance(
    Guid BusinessId,
    long MentorUserId,
    int VisitsDone,
    int VisitsRequired,
    int QualifyingVisits,
    double Hours,
    int ShortVisits,
    bool Compliant,
    DateTimeOffset? LastVisitAt)
{
    /// <summary>Of VisitsDone, the ones logged afterwards without a check-in ("susulan"): counted apart, never qualifying.</summary>
    public int RetroVisits { get; init; }
}

/// <summary>One mentor's week over the IKMs actively assigned to them.</summary>
/// <param name="IkmsVisited">Assigned IKMs with at least one completed visit this week.</param>
/// <param name="Visits">Completed visits this mentor started this week in the cohort.</param>
/// <param name="Hours">Hours of those visits.</param>
/// <param name="OverCapacity">IkmsAssigned &gt; the cohort's max IKMs per mentor.</param>
/// <param name="ComplianceRate">Compliant assigned IKMs / IkmsAssigned, 0–1.</param>
public sealed record MentorWeekCompliance(
    long MentorUserId,
    int IkmsAssigned,
    int IkmsVisited,
    int IkmsCompliant,
    int Visits,
    double Hours,
    int ShortVisits,
    int MaxIkms,
    bool OverCapacity,
    double ComplianceRate)
{
    /// <summary>Of Visits, the ones logged afterwards without a check-in ("susulan").</summary>
    public int RetroVisits { get; init; }
}

/// <summary>An assigned IKM without a completed visit for the whole look-back window.</summary>
/// <param name="LastVisitAt">Start of its latest completed visit; null when never visited.</param>
/// <param name="Since">What the silence is measured from: the last visit, or the assignment when never visited.</param>
public sealed record IkmWithoutVisit(
    Guid BusinessId,
    long MentorUserId,
    DateTimeOffset? LastVisitAt,
    DateTimeOffset Since,
    TimeSpan Silence);

/// <summary>A cohort's compliance for the local ISO week containing <see cref="AsOf"/>.</summary>
public sealed record ComplianceReport(
    string CohortId,
    DateTimeOffset AsOf,
    IsoWeek Week,
    UtcRange WeekRange,
    int NoVisitWeeks,
    IReadOnlyList<IkmWeekCompliance> Ikms,
    IReadOnlyList<MentorWeekCompliance> Mentors,
    IReadOnlyList<IkmWithoutVisit> WithoutVisit)
{
    public IEnumerable<IkmWeekCompliance> NotVisitedThisWeek => Ikms.Where(i => i.VisitsDone == 0);

    public IEnumerable<MentorWeekCompliance> OverCapacity => Mentors.Where(m => m.OverCapacity);
}

/// <summary>
/// Weekly compliance per IKM and per mentor (DESIGN §1: ≥ 1 visit of ≥ 4 hours per IKM per week; ≤ 5 IKMs per mentor).
/// Only completed visits count; only visits that meet <see cref="VisitRules.MeetsRule"/> make an IKM compliant (retro
/// visits are counted apart as <c>RetroVisits</c>). Weeks are ISO weeks in the cohort's time zone. Pure: "now" is passed in.
/// </summary>
public static class ComplianceCalculator
{
    public const int DefaultNoVisitWeeks = 2;

    /// <param name="assignments">Assignments of the cohort; those not active at <paramref name="now"/> are ignored.</param>
    /// <param name="visits">Visits of the cohort (any status, any time); only completed ones started by now count.</param>
    /// <param name="noVisitWeeks">An IKM is listed in <see cref="ComplianceReport.WithoutVisit"/> after this many weeks (7 × 24 h) without one.</param>
    public static ComplianceReport Calculate(
        Cohort cohort,
        IEnumerable<Assignment> assignments,
        IEnumerable<Visit> visits,
        DateTimeOffset now,
        int noVisitWeeks = DefaultNoVisitWeeks)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(visits);
        ArgumentOutOfRangeException.ThrowIfLessThan(noVisitWeeks, 1);

        var calendar = ProgramCalendar.For(cohort);
        var rules = new VisitRules(cohort.Rules);
        var week = calendar.WeekOf(now);
        var range = calendar.WeekBounds(week);

        // One active assignment per IKM; should the data hold two, the latest wins (deterministically).
        var active = assignments
            .Where(a => a.CohortId == cohort.Id && IsActiveAt(a, now))
            .GroupBy(a => a.BusinessId)
            .Select(g => g.OrderByDescending(a => a.AssignedAt).ThenBy(a => a.Id, StringComparer.Ordinal).First())
            .ToList();

        var done = visits
            .Where(v => v.CohortId == cohort.Id && v.Status == VisitStatus.Completed && v.StartedAt <= now)
            .ToList();
        var doneThisWeek = done.Where(v => range.Contains(v.StartedAt)).ToList();
        var lastVisit = done
            .GroupBy(v => v.BusinessId)
            .ToDictionary(g => g.Key, g => g.Max(v => v.StartedAt));
        var weekByBusiness = doneThisWeek.ToLookup(v => v.BusinessId);

        var ikms = active
            .Select(a => ForIkm(a, weekByBusiness[a.BusinessId], lastVisit, cohort.Rules, rules))
            .OrderBy(i => i.MentorUserId)
            .ThenBy(i => i.BusinessId)
            .ToImmutableArray();

        var weekByMentor = doneThisWeek.ToLookup(v => v.MentorUserId);
        var mentors = ikms
            .GroupBy(i => i.MentorUserId)
            .Select(g => ForMentor(g.Key, [.. g], weekByMentor[g.Key], cohort.Rules, rules))
            .OrderBy(m => m.MentorUserId)
            .ToImmutableArray();

        var window = TimeSpan.FromDays(7 * noVisitWeeks);
        var silent = active
            .Select(a =>
            {
                DateTimeOffset? last = lastVisit.TryGetValue(a.BusinessId, out var at) ? at : null;
                var since = last ?? a.AssignedAt;
                return new IkmWithoutVisit(a.BusinessId, a.MentorUserId, last, since, now - since);
            })
            .Where(s => s.Silence >= window)
            .OrderBy(s => s.Since)
            .ThenBy(s => s.BusinessId)
            .ToImmutableArray();

        return new ComplianceReport(cohort.Id, now, week, range, noVisitWeeks, ikms, mentors, silent);
    }

    private static bool IsActiveAt(Assignment assignment, DateTimeOffset now) =>
        assignment.AssignedAt <= now && (assignment.EndedAt is null || assignment.EndedAt > now);

    private static IkmWeekCompliance ForIkm(
        Assignment assignment,
        IEnumerable<Visit> weekVisits,
        Dictionary<Guid, DateTimeOffset> lastVisit,
        CohortRules cohortRules,
        VisitRules rules)
    {
        var list = weekVisits.ToList();
        var shortVisits = list.Count(v => IsShortCompleted(v, rules));
        var qualifying = list.Count(rules.MeetsRule);
        var required = cohortRules.MinVisitsPerWeek;
        return new IkmWeekCompliance(
            assignment.BusinessId,
            assignment.MentorUserId,
            list.Count,
            required,
            qualifying,
            Hours(list),
            shortVisits,
            qualifying >= required,
            lastVisit.TryGetValue(assignment.BusinessId, out var at) ? at : null)
        {
            RetroVisits = list.Count(IsRetro),
        };
    }

    private static MentorWeekCompliance ForMentor(
        long mentorUserId,
        IReadOnlyList<IkmWeekCompliance> ikms,
        IEnumerable<Visit> mentorWeekVisits,
        CohortRules cohortRules,
        VisitRules rules)
    {
        var visits = mentorWeekVisits.ToList();
        var compliant = ikms.Count(i => i.Compliant);
        return new MentorWeekCompliance(
            mentorUserId,
            ikms.Count,
            ikms.Count(i => i.VisitsDone > 0),
            compliant,
            visits.Count,
            Hours(visits),
            visits.Count(v => IsShortCompleted(v, rules)),
            cohortRules.MaxIkmsPerMentor,
            ikms.Count > cohortRules.MaxIkmsPerMentor,
            ikms.Count == 0 ? 0 : (double)compliant / ikms.Count)
        {
            RetroVisits = visits.Count(IsRetro),
        };
    }

    private static bool IsRetro(Visit visit) => visit.Flags.HasFlag(VisitFlags.Retro);

    // A completed visit without an end time has no provable duration: it counts as short.
    private static bool IsShortCompleted(Visit visit, VisitRules rules) =>
        visit.Duration is not { } duration || rules.IsShort(duration);

    private static double Hours(IEnumerable<Visit> visits) =>
        visits.Sum(v => v.Duration is { } d && d > TimeSpan.Zero ? d.TotalHours : 0);
}
