using System.Globalization;

namespace Ikm.Workflow.Mentoring.Rules;

/// <summary>An ISO 8601 week (weeks start on Monday; week 1 holds the year's first Thursday). Label "2026-W48".</summary>
public readonly record struct IsoWeek : IComparable<IsoWeek>
{
    public IsoWeek(int year, int week)
    {
        if (year is < 1 or > 9998)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "ISO week-numbering year out of range.");
        }

        if (week < 1 || week > ISOWeek.GetWeeksInYear(year))
        {
            throw new ArgumentOutOfRangeException(nameof(week), week, $"Year {year} has {ISOWeek.GetWeeksInYear(year)} ISO weeks.");
        }

        Year = year;
        Week = week;
    }

    /// <summary>The ISO week-numbering year, which differs from the calendar year around 1 January.</summary>
    public int Year { get; }

    public int Week { get; }

    public string Label => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-W{Week:D2}");

    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    public DateOnly Sunday => Monday.AddDays(6);

    public static IsoWeek Of(DateOnly date)
    {
        var day = date.ToDateTime(TimeOnly.MinValue);
        return new IsoWeek(ISOWeek.GetYear(day), ISOWeek.GetWeekOfYear(day));
    }

    public IsoWeek AddWeeks(int weeks) => Of(Monday.AddDays(checked(weeks * 7)));

    public IsoWeek Next() => AddWeeks(1);

    public IsoWeek Previous() => AddWeeks(-1);

    /// <summary>Local date of <paramref name="day"/> within this week (Monday first, Sunday last).</summary>
    public DateOnly Day(DayOfWeek day) => Monday.AddDays(((int)day + 6) % 7);

    /// <summary>Parses "2026-W48" (also "2026W48", case-insensitive).</summary>
    public static bool TryParse(string? text, out IsoWeek week)
    {
        week = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim().ToUpperInvariant();
        var w = s.IndexOf('W', StringComparison.Ordinal);
        if (w < 4)
        {
            return false;
        }

        var yearPart = s[..w].TrimEnd('-');
        var weekPart = s[(w + 1)..];
        if (yearPart.Length != 4 || weekPart.Length is < 1 or > 2
            || !int.TryParse(yearPart, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(weekPart, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || year < 1 || number < 1 || number > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }

        week = new IsoWeek(year, number);
        return true;
    }

    public static IsoWeek Parse(string text) =>
        TryParse(text, out var week) ? week : throw new FormatException($"Not an ISO week label (expected e.g. 2026-W48): '{text}'.");

    public int CompareTo(IsoWeek other) => Year != other.Year ? Year.CompareTo(other.Year) : Week.CompareTo(other.Week);

    public static bool operator <(IsoWeek left, IsoWeek right) => left.CompareTo(right) < 0;

    public static bool operator >(IsoWeek left, IsoWeek right) => left.CompareTo(right) > 0;

    public static bool operator <=(IsoWeek left, IsoWeek right) => left.CompareTo(right) <= 0;

    public static bool operator >=(IsoWeek left, IsoWeek right) => left.CompareTo(right) >= 0;

    public override string ToString() => Label;
}

/// <summary>A calendar month, keyed "2026-11" (the format of <see cref="Evaluation.Month"/>).</summary>
public readonly record struct MonthKey : IComparable<MonthKey>
{
    public MonthKey(int year, int month)
    {
        if (year is < 1 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Year out of range.");
        }

        if (month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, "Month must be 1–12.");
        }

        Year = year;
        Month = month;
    }

    public int Year { get; }

    public int Month { get; }

    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => new(Year, Month, DateTime.DaysInMonth(Year, Month));

    /// <summary>The last Monday–Friday of the month (public holidays are not known here).</summary>
    public DateOnly LastWorkingDay
    {
        get
        {
            var day = LastDay;
            while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                day = day.AddDays(-1);
            }

            return day;
        }
    }

    public static MonthKey Of(DateOnly date) => new(date.Year, date.Month);

    public MonthKey AddMonths(int months) => Of(FirstDay.AddMonths(months));

    public MonthKey Next() => AddMonths(1);

    public MonthKey Previous() => AddMonths(-1);

    /// <summary>Parses "2026-11".</summary>
    public static bool TryParse(string? text, out MonthKey month)
    {
        month = default;
        var s = text?.Trim();
        if (s is null || s.Length != 7 || s[4] != '-'
            || !int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(s.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || year < 1 || number is < 1 or > 12)
        {
            return false;
        }

        month = new MonthKey(year, number);
        return true;
    }

    public static MonthKey Parse(string text) =>
        TryParse(text, out var month) ? month : throw new FormatException($"Not a month key (expected e.g. 2026-11): '{text}'.");

    public int CompareTo(MonthKey other) => Year != other.Year ? Year.CompareTo(other.Year) : Month.CompareTo(other.Month);

    public static bool operator <(MonthKey left, MonthKey right) => left.CompareTo(right) < 0;

    public static bool operator >(MonthKey left, MonthKey right) => left.CompareTo(right) > 0;

    public static bool operator <=(MonthKey left, MonthKey right) => left.CompareTo(right) <= 0;

    public static bool operator >=(MonthKey left, MonthKey right) => left.CompareTo(right) >= 0;

    public override string ToString() => Key;
}

/// <summary>A half-open span of instants [Start, End), both in UTC.</summary>
public readonly record struct UtcRange(DateTimeOffset Start, DateTimeOffset End)
{
    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    public TimeSpan Length => End - Start;
}
