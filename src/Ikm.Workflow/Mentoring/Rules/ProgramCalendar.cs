using System.Collections.Concurrent;
using System.Globalization;

namespace Ikm.Workflow.Mentoring.Rules;

/// <summary>
/// Weeks and months as a cohort lives them: in its own time zone, weeks Monday–Sunday (ISO 8601).
/// Every instant it returns is UTC (offset zero); every date it returns is a local date.
/// Pure: the caller supplies the instants (from the injected <see cref="TimeProvider"/>).
/// </summary>
public sealed class ProgramCalendar
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Zones = new(StringComparer.OrdinalIgnoreCase);

    // Used only when the host lacks tz data (slim containers): Indonesia has had no daylight saving since 1964.
    private static readonly Dictionary<string, TimeSpan> IndonesianFallback = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Asia/Jakarta"] = TimeSpan.FromHours(7),
        ["Asia/Pontianak"] = TimeSpan.FromHours(7),
        ["Asia/Makassar"] = TimeSpan.FromHours(8),
        ["Asia/Jayapura"] = TimeSpan.FromHours(9),
    };

    /// <summary>The zone of a cohort that names none, and of data whose cohort is gone: western Indonesia (WIB).</summary>
    public const string DefaultTimeZoneId = "Asia/Jakarta";

    // Indonesia's own abbreviations; Pontianak keeps western time.
    private static readonly Dictionary<string, string> IndonesianLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Asia/Jakarta"] = "WIB",
        ["Asia/Pontianak"] = "WIB",
        ["Asia/Makassar"] = "WITA",
        ["Asia/Jayapura"] = "WIT",
    };

    public ProgramCalendar(TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        TimeZone = timeZone;
    }

    /// <param name="timeZoneId">IANA id, e.g. Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT).</param>
    public ProgramCalendar(string timeZoneId)
        : this(ResolveTimeZone(timeZoneId))
    {
    }

    /// <summary>The cohort's calendar; without a cohort (a deleted one) the <see cref="DefaultTimeZoneId"/>.</summary>
    public static ProgramCalendar For(Cohort? cohort) => new(cohort?.TimeZoneId ?? DefaultTimeZoneId);

    public TimeZoneInfo TimeZone { get; }

    /// <summary>"WIB", "WITA", "WIT" for Indonesia's zones; "UTC+5:30"-style for any other.</summary>
    public string ZoneLabel =>
        IndonesianLabels.TryGetValue(TimeZone.Id, out var label) ? label : "UTC" + OffsetText(TimeZone.BaseUtcOffset);

    private static string OffsetText(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+")
        + (offset.Minutes == 0
            ? Math.Abs(offset.Hours).ToString(CultureInfo.InvariantCulture)
            : offset.Duration().ToString(@"h\:mm", CultureInfo.InvariantCulture));

    public static TimeZoneInfo ResolveTimeZone(string timeZoneId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZoneId);
        return Zones.GetOrAdd(timeZoneId.Trim(), static id =>
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(id);
            }
            catch (TimeZoneNotFoundException) when (IndonesianFallback.TryGetValue(id, out var offset))
            {
                return TimeZoneInfo.CreateCustomTimeZone(id, offset, id, id);
            }
        });
    }

    /// <summary>The instant as the cohort's wall clock shows it (local offset).</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>
    /// The UTC instant at which the local wall clock shows <paramref name="date"/> <paramref name="time"/>.
    /// A local time skipped by a daylight-saving gap is read with the offset before the gap (it lands just after it);
    /// a repeated local time resolves to its first occurrence.
    /// </summary>
    public DateTimeOffset ToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (TimeZone.IsAmbiguousTime(local))
        {
            offset = TimeZone.GetAmbiguousTimeOffsets(local).Max();
        }
        else if (TimeZone.IsInvalidTime(local))
        {
            offset = TimeZone.GetUtcOffset(local.AddDays(-1));
        }
        else
        {
            offset = TimeZone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>UTC instant of local midnight starting <paramref name="date"/>.</summary>
    public DateTimeOffset StartOfDay(DateOnly date) => ToUtc(date, TimeOnly.MinValue);

    public IsoWeek WeekOf(DateTimeOffset instant) => IsoWeek.Of(LocalDate(instant));

    /// <summary>"2026-W48" for the local week containing the instant.</summary>
    public string WeekLabel(DateTimeOffset instant) => WeekOf(instant).Label;

    /// <summary>[local Monday 00:00, next local Monday 00:00) as UTC instants.</summary>
    public UtcRange WeekBounds(IsoWeek week) => new(StartOfDay(week.Monday), StartOfDay(week.Monday.AddDays(7)));

    public UtcRange WeekBoundsOf(DateTimeOffset instant) => WeekBounds(WeekOf(instant));

    public MonthKey MonthOf(DateTimeOffset instant) => MonthKey.Of(LocalDate(instant));

    /// <summary>"2026-11" for the local month containing the instant.</summary>
    public string MonthKeyOf(DateTimeOffset instant) => MonthOf(instant).Key;

    /// <summary>[local 1st 00:00, next month's 1st 00:00) as UTC instants.</summary>
    public UtcRange MonthBounds(MonthKey month) => new(StartOfDay(month.FirstDay), StartOfDay(month.Next().FirstDay));

    public UtcRange MonthBoundsOf(DateTimeOffset instant) => MonthBounds(MonthOf(instant));

    /// <summary>The last Monday–Friday of the local month containing the instant.</summary>
    public DateOnly LastWorkingDayOf(DateTimeOffset instant) => MonthOf(instant).LastWorkingDay;

    /// <summary>
    /// "Monday 07:00 local of the week containing X": the UTC instant of <paramref name="day"/> at
    /// <paramref name="localTime"/> in the local ISO week (Monday first, Sunday last) that contains <paramref name="instant"/>.
    /// </summary>
    public DateTimeOffset AtInWeekOf(DateTimeOffset instant, DayOfWeek day, TimeOnly localTime) =>
        ToUtc(WeekOf(instant).Day(day), localTime);

    /// <summary>The UTC instant of <paramref name="day"/> at <paramref name="localTime"/> within <paramref name="week"/>.</summary>
    public DateTimeOffset At(IsoWeek week, DayOfWeek day, TimeOnly localTime) => ToUtc(week.Day(day), localTime);
}
