using Ikm.Workflow.Messaging;

namespace Ikm.Workflow.Mentoring.Rules;

/// <summary>
/// The per-visit program rules of a cohort: minimum hours, check-in distance, open check-in limit.
/// Thresholds are inclusive on the compliant side: exactly the minimum hours is not short,
/// exactly the maximum distance is not far.
/// </summary>
public sealed class VisitRules(CohortRules rules)
{
    private readonly CohortRules _rules = rules ?? throw new ArgumentNullException(nameof(rules));

    /// <summary>The cohort's rules; without a cohort (a deleted one) the program defaults.</summary>
    public static VisitRules For(Cohort? cohort) => new(cohort?.Rules ?? new CohortRules());

    public TimeSpan MinDuration => TimeSpan.FromHours(_rules.MinHoursPerVisit);

    public double MaxDistanceMeters => _rules.MaxCheckInDistanceMeters;

    public TimeSpan OpenCheckInLimit => TimeSpan.FromHours(_rules.OpenCheckInHours);

    public bool IsShort(TimeSpan duration) => duration < MinDuration;

    /// <summary>A visit is short once it has ended in less than the minimum; an open visit is not (yet) short.</summary>
    public bool IsShort(Visit visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        return visit.Duration is { } duration && IsShort(duration);
    }

    /// <summary>
    /// The one rule of what counts toward the weekly minimum: a completed visit verified by a check-in (not retro) that
    /// lasted at least the minimum hours. Short and retro visits are logged and shown, apart, but never meet the rule.
    /// </summary>
    public bool MeetsRule(Visit visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        return visit.Status == VisitStatus.Completed && !visit.Flags.HasFlag(VisitFlags.Retro)
            && visit.Duration is { } duration && !IsShort(duration);
    }

    public int MaxRetroDays => _rules.MaxRetroDays;

    /// <summary>Why a retro visit cannot be on <paramref name="date"/>, or null when it can: in the cohort's period, not in the future, at most MaxRetroDays back.</summary>
    public RetroDateRefusal? RetroDateRefusal(Cohort? cohort, DateOnly date, DateOnly today)
    {
        if (date > today) return Rules.RetroDateRefusal.Future;
        if (cohort is not null && (date < cohort.StartDate || date >= cohort.EndDate)) return Rules.RetroDateRefusal.OutsideCohort;
        if (date < today.AddDays(-MaxRetroDays)) return Rules.RetroDateRefusal.TooLongAgo;
        return null;
    }

    public TimeSpan CorrectionWindow => TimeSpan.FromHours(_rules.CorrectionHours);

    /// <summary>A completed visit verified by a check-in (not retro) may have its times corrected by its mentor until CorrectionWindow after it ended.</summary>
    public bool CanCorrect(Visit visit, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(visit);
        return visit.Status == VisitStatus.Completed && !visit.Flags.HasFlag(VisitFlags.Retro)
            && visit.EndedAt is { } ended && now <= ended + CorrectionWindow;
    }

    public bool IsFar(double distanceMeters) => distanceMeters > MaxDistanceMeters;

    public bool IsFar(GeoPoint checkIn, GeoPoint productionHouse) => IsFar(GeoDistance.Meters(checkIn, productionHouse));

    /// <summary>When an open check-in must be closed: start + the cohort's open check-in hours.</summary>
    public DateTimeOffset CloseBy(DateTimeOffset startedAt) => startedAt + OpenCheckInLimit;

    /// <summary>True when the visit is still checked in at <paramref name="now"/> and its close-by time has come.</summary>
    public bool MustClose(Visit visit, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(visit);
        return visit.Status == VisitStatus.CheckedIn && now >= (visit.CloseBy ?? CloseBy(visit.StartedAt));
    }

    /// <summary>
    /// The flags a visit should carry once completed: Short and FarFromProductionHouse recomputed from its duration and
    /// distance (an absent distance keeps the stored far flag), Retro kept, and ForgottenCheckOut kept or added when the
    /// check-out was made (<paramref name="checkedOutAt"/>) after the close-by time of a non-retro visit.
    /// </summary>
    public VisitFlags CompletedFlags(Visit visit, DateTimeOffset? checkedOutAt = null)
    {
        ArgumentNullException.ThrowIfNull(visit);

        var flags = visit.Flags & ~(VisitFlags.Short | VisitFlags.FarFromProductionHouse);

        if (visit.Duration is not { } duration || IsShort(duration))
        {
            flags |= VisitFlags.Short;
        }

        var far = visit.DistanceMeters is { } distance
            ? IsFar(distance)
            : visit.Flags.HasFlag(VisitFlags.FarFromProductionHouse);
        if (far)
        {
            flags |= VisitFlags.FarFromProductionHouse;
        }

        if (!flags.HasFlag(VisitFlags.Retro)
            && checkedOutAt is { } closedAt
            && closedAt > (visit.CloseBy ?? CloseBy(visit.StartedAt)))
        {
            flags |= VisitFlags.ForgottenCheckOut;
        }

        return flags;
    }
}
