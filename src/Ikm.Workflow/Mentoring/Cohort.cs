using Ikm.Workflow.Documents;
using Ikm.Workflow.Mentoring.Rules;

namespace Ikm.Workflow.Mentoring;

/// <summary>The program rules of a cohort (DESIGN §1): 1 mentor for at most 5 IKMs, ≥ 1 visit a week of ≥ 4 hours.</summary>
public sealed class CohortRules
{
    public int MinVisitsPerWeek { get; set; } = 1;
    public double MinHoursPerVisit { get; set; } = 4;
    public int MaxIkmsPerMentor { get; set; } = 5;
    /// <summary>A check-in farther than this from the production house asks for a reason and is flagged.</summary>
    public double MaxCheckInDistanceMeters { get; set; } = 500;
    /// <summary>A check-in open longer than this gets a prompt to close it with the real end time.</summary>
    public double OpenCheckInHours { get; set; } = 12;
    /// <summary>A retro visit may be logged at most this many days back (and only inside the cohort's period).</summary>
    public int MaxRetroDays { get; set; } = 14;
    /// <summary>A visit's start and end may be corrected by its mentor this many hours after it ended.</summary>
    public double CorrectionHours { get; set; } = 48;
}

/// <summary>One mentoring program run: a region, a time zone, a period, rules and the sentra/commodities it covers.</summary>
[DocumentCollection("cohorts")]
public sealed class Cohort : IDocument
{
    public string Id { get; set; } = "";
    public long Version { get; set; }
    public string Name { get; set; } = "";
    public string Region { get; set; } = "";
    /// <summary>IANA id: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT).</summary>
    public string TimeZoneId { get; set; } = ProgramCalendar.DefaultTimeZoneId;
    public DateOnly StartDate { get; set; }
    public int DurationMonths { get; set; } = 6;
    public CohortRules Rules { get; set; } = new();
    public List<string> Commodities { get; set; } = [];
    public long CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public DateOnly EndDate => StartDate.AddMonths(DurationMonths);

    public IReadOnlyDictionary<string, string> Indexes() => new Dictionary<string, string>();
}
