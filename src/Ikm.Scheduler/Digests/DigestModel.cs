using Ikm.Workflow.Businesses;
using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Mentoring.Rules;

namespace Ikm.Scheduler.Digests;

/// <summary>One IKM's progress since its diagnosis, as of a month's end.</summary>
/// <param name="DiagnosisAverage">Average diagnosis score over the areas evaluated since (null when none).</param>
/// <param name="CurrentAverage">Average of the latest evaluated score of those same areas.</param>
/// <param name="ScoreChange">CurrentAverage − DiagnosisAverage: the progress the shortlist ranks by.</param>
/// <param name="Visits">Completed visits up to the month's end, whole program.</param>
public sealed record IkmProgress(
    Guid BusinessId,
    string Name,
    string Commodity,
    long? MentorUserId,
    string MentorName,
    bool DiagnosisCompleted,
    double? DiagnosisAverage,
    double? CurrentAverage,
    double? ScoreChange,
    int AreasEvaluated,
    int Visits,
    double Hours,
    DateTimeOffset? LastVisitAt);

/// <summary>An IKM's place in the shortlist ranking (1 = most progress).</summary>
public sealed record RankedIkm(int Rank, IkmProgress Ikm);

/// <summary>An area's average score at diagnosis and now, over the IKMs evaluated in it.</summary>
/// <param name="DiagnosisAverage">Over the evaluated IKMs; over every diagnosed IKM when none is evaluated yet.</param>
/// <param name="CurrentAverage">Null when no IKM has been evaluated in the area.</param>
public sealed record AreaProgress(string AreaId, string Label, double? DiagnosisAverage, double? CurrentAverage, int IkmsEvaluated)
{
    public double? Change => DiagnosisAverage is { } d && CurrentAverage is { } c ? c - d : null;
}

/// <summary>A mentor's month: IKMs assigned now, visits and hours in the month, average score change of their IKMs.</summary>
public sealed record MentorProgress(
    long MentorUserId,
    string Name,
    int IkmsAssigned,
    int Visits,
    double Hours,
    int ShortVisits,
    double? AverageScoreChange);

/// <summary>The data of one cohort indexed once, so a digest over 10,000 IKMs and 500,000 visits stays linear.</summary>
internal sealed class CohortIndex
{
    public CohortIndex(DigestData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Data = data;
        Cohort = data.Cohort;
        Calendar = ProgramCalendar.For(Cohort);
        Rules = VisitRules.For(Cohort);
        Businesses = data.Businesses.GroupBy(b => b.Id).Select(g => g.First()).ToList();
        BusinessById = Businesses.ToDictionary(b => b.Id);
        StaffNames = data.Staff
            .Where(s => s.CohortId == Cohort.Id && !string.IsNullOrWhiteSpace(s.DisplayName))
            .GroupBy(s => s.UserId)
            .ToDictionary(g => g.Key, g => g.First().DisplayName);
        Assignments = data.Assignments.Where(a => a.CohortId == Cohort.Id).ToList();
        ActiveAssignment = Assignments
            .Where(a => a.AssignedAt <= data.Now && (a.EndedAt is null || a.EndedAt > data.Now))
            .GroupBy(a => a.BusinessId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.AssignedAt).ThenBy(a => a.Id, StringComparer.Ordinal).First());
        Visits = data.Visits.Where(v => v.CohortId == Cohort.Id).ToList();
        Completed = Visits.Where(v => v.Status == VisitStatus.Completed && v.StartedAt <= data.Now).ToList();
        Evaluations = data.Evaluations
            .Where(e => e.CohortId == Cohort.Id && e.CompletedAt is not null && !e.SelfAssessment && e.CompletedAt <= data.Now)
            .ToList();
    }

    public DigestData Data { get; }
    public Cohort Cohort { get; }
    public ProgramCalendar Calendar { get; }
    public VisitRules Rules { get; }
    public List<Business> Businesses { get; }
    public Dictionary<Guid, Business> BusinessById { get; }
    public Dictionary<long, string> StaffNames { get; }
    public List<Assignment> Assignments { get; }
    public Dictionary<Guid, Assignment> ActiveAssignment { get; }
    public List<Visit> Visits { get; }

    /// <summary>Completed visits started by now: the ones that count.</summary>
    public List<Visit> Completed { get; }

    /// <summary>Completed mentor evaluations (self-assessments are the owner's view, not the program's measure).</summary>
    public List<Evaluation> Evaluations { get; }

    public string MentorName(long userId) =>
        StaffNames.TryGetValue(userId, out var name) ? name : userId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string BusinessName(Guid id) => BusinessById.TryGetValue(id, out var b) ? NameOf(b) : "IKM " + id.ToString("N")[..8];

    public static string NameOf(Business business) =>
        business.BusinessName is { Length: > 0 } name ? name
        : business.OwnerName is { Length: > 0 } owner ? owner
        : "IKM " + business.Id.ToString("N")[..8];

    /// <summary>The baseline of each business: its latest diagnosis completed by <paramref name="asOf"/> (as the evaluation flow uses).</summary>
    public Dictionary<Guid, DiagnosisResponse> Baselines(DateTimeOffset asOf)
    {
        // The text, the ranking and the workbook of one digest ask for the same baselines: compute them once.
        if (_baselines is { } cached && cached.AsOf == asOf)
            return cached.Value;
        var result = new Dictionary<Guid, DiagnosisResponse>();
        foreach (var d in Data.Diagnoses)
        {
            if (d.Status != DiagnosisStatus.Completed || !BusinessById.ContainsKey(d.BusinessId))
                continue;
            var at = d.CompletedAt ?? d.LastAnsweredAt;
            if (at > asOf)
                continue;
            if (!result.TryGetValue(d.BusinessId, out var current) || at > (current.CompletedAt ?? current.LastAnsweredAt))
                result[d.BusinessId] = d;
        }

        _baselines = (asOf, result);
        return result;
    }

    private (DateTimeOffset AsOf, Dictionary<Guid, DiagnosisResponse> Value)? _baselines;
    private (MonthKey Month, Dictionary<Guid, Dictionary<string, AreaEvaluation>> Value)? _latest;

    /// <summary>The latest evaluated score per business and area, from evaluations of months up to <paramref name="month"/>.</summary>
    public Dictionary<Guid, Dictionary<string, AreaEvaluation>> LatestScores(MonthKey month)
    {
        if (_latest is { } cached && cached.Month == month)
            return cached.Value;
        var key = month.Key;
        var best = new Dictionary<(Guid, string), (string Month, DateTimeOffset At, AreaEvaluation Area)>();
        foreach (var e in Evaluations)
        {
            if (string.CompareOrdinal(e.Month, key) > 0 || !BusinessById.ContainsKey(e.BusinessId))
                continue;
            var at = e.CompletedAt ?? DateTimeOffset.MinValue;
            foreach (var area in e.Areas)
            {
                var k = (e.BusinessId, area.AreaId);
                if (!best.TryGetValue(k, out var current)
                    || string.CompareOrdinal(e.Month, current.Month) > 0
                    || (e.Month == current.Month && at > current.At))
                    best[k] = (e.Month, at, area);
            }
        }

        var result = new Dictionary<Guid, Dictionary<string, AreaEvaluation>>();
        foreach (var ((business, area), value) in best)
        {
            if (!result.TryGetValue(business, out var areas))
                result[business] = areas = new Dictionary<string, AreaEvaluation>(StringComparer.Ordinal);
            areas[area] = value.Area;
        }

        _latest = (month, result);
        return result;
    }
}
