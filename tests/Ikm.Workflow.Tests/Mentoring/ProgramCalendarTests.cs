using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Mentoring.Rules;

namespace Ikm.Workflow.Tests.Mentoring;

public sealed class ProgramCalendarTests
{
    private const string Wib = "Asia/Jakarta";
    private const string Wita = "Asia/Makassar";
    private const string Wit = "Asia/Jayapura";

    private static DateTimeOffset Utc(int y, int mo, int d, int h, int mi) => new(y, mo, d, h, mi, 0, TimeSpan.Zero);

    private static DateTimeOffset Wita_(int y, int mo, int d, int h, int mi) => new(y, mo, d, h, mi, 0, TimeSpan.FromHours(8));

    [Fact]
    public void WeekOf_ReturnsWeek48_WhenSunday2330Wita()
    {
        var calendar = new ProgramCalendar(Wita);

        var week = calendar.WeekOf(Wita_(2026, 11, 29, 23, 30));

        Assert.Equal(new IsoWeek(2026, 48), week);
        Assert.Equal("2026-W48", calendar.WeekLabel(Wita_(2026, 11, 29, 23, 30)));
    }

    [Fact]
    public void WeekOf_ReturnsWeek49_WhenMonday0030Wita()
    {
        var calendar = new ProgramCalendar(Wita);

        Assert.Equal(new IsoWeek(2026, 49), calendar.WeekOf(Wita_(2026, 11, 30, 0, 30)));
    }

    [Fact]
    public void WeekOf_UsesLocalTime_WhenSameUtcInstantIsMondayInWitButSundayInWib()
    {
        // 15:30Z = Monday 00:30 WIT, but Sunday 23:30 WITA and 22:30 WIB.
        var instant = Utc(2026, 11, 29, 15, 30);

        Assert.Equal("2026-W49", new ProgramCalendar(Wit).WeekLabel(instant));
        Assert.Equal("2026-W48", new ProgramCalendar(Wita).WeekLabel(instant));
        Assert.Equal("2026-W48", new ProgramCalendar(Wib).WeekLabel(instant));
        Assert.Equal(new DateOnly(2026, 11, 30), new ProgramCalendar(Wit).LocalDate(instant));
        Assert.Equal(new DateOnly(2026, 11, 29), new ProgramCalendar(Wib).LocalDate(instant));
    }

    [Theory]
    [InlineData(Wib, "2026-11-22T17:00:00Z", "2026-11-29T17:00:00Z")]
    [InlineData(Wita, "2026-11-22T16:00:00Z", "2026-11-29T16:00:00Z")]
    [InlineData(Wit, "2026-11-22T15:00:00Z", "2026-11-29T15:00:00Z")]
    public void WeekBounds_ReturnsLocalMondayMidnightsInUtc_ForEachIndonesianZone(string zone, string start, string end)
    {
        var bounds = new ProgramCalendar(zone).WeekBounds(new IsoWeek(2026, 48));

        Assert.Equal(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), bounds.Start);
        Assert.Equal(DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture), bounds.End);
        Assert.Equal(TimeSpan.Zero, bounds.Start.Offset);
        Assert.Equal(TimeSpan.FromDays(7), bounds.Length);
    }

    [Fact]
    public void WeekBoundsOf_ExcludesNextMondayMidnight_WhenInstantIsLastMinuteOfSunday()
    {
        var calendar = new ProgramCalendar(Wita);
        var sundayLate = Wita_(2026, 11, 29, 23, 59);
        var mondayMidnight = Wita_(2026, 11, 30, 0, 0);

        var bounds = calendar.WeekBoundsOf(sundayLate);

        Assert.True(bounds.Contains(sundayLate));
        Assert.False(bounds.Contains(mondayMidnight));
        Assert.Equal(mondayMidnight, bounds.End);
        Assert.True(calendar.WeekBoundsOf(mondayMidnight).Contains(mondayMidnight));
    }

    [Theory]
    [InlineData(2025, 12, 31, "2026-W01")] // Wednesday: ISO week of the new year
    [InlineData(2025, 12, 28, "2025-W52")] // Sunday: 2025 has 52 weeks
    [InlineData(2025, 12, 29, "2026-W01")]
    [InlineData(2024, 12, 30, "2025-W01")]
    [InlineData(2026, 12, 31, "2026-W53")] // 2026 starts on a Thursday: 53 weeks
    [InlineData(2027, 1, 1, "2026-W53")]
    [InlineData(2027, 1, 3, "2026-W53")]
    [InlineData(2027, 1, 4, "2027-W01")]
    public void WeekLabel_FollowsIsoYear_WhenDateIsAroundNewYear(int y, int m, int d, string expected)
    {
        var calendar = new ProgramCalendar(Wita);

        Assert.Equal(expected, calendar.WeekLabel(Wita_(y, m, d, 12, 0)));
    }

    [Fact]
    public void WeekOf_StartsNewIsoYear_WhenUtcInstantIsAlreadyMondayInWitOnly()
    {
        // 2027-01-03 15:30Z = Monday 4 Jan 00:30 WIT, Sunday 3 Jan 22:30 WIB.
        var instant = Utc(2027, 1, 3, 15, 30);

        Assert.Equal(new IsoWeek(2027, 1), new ProgramCalendar(Wit).WeekOf(instant));
        Assert.Equal(new IsoWeek(2026, 53), new ProgramCalendar(Wib).WeekOf(instant));
    }

    [Fact]
    public void WeekBounds_SpansCalendarYears_WhenWeekOneStartsInDecember()
    {
        var bounds = new ProgramCalendar(Wita).WeekBounds(new IsoWeek(2026, 1));

        Assert.Equal(Utc(2025, 12, 28, 16, 0), bounds.Start);
        Assert.Equal(Utc(2026, 1, 4, 16, 0), bounds.End);
    }

    [Theory]
    [InlineData(Wib, "2026-11")]
    [InlineData(Wita, "2026-12")]
    [InlineData(Wit, "2026-12")]
    public void MonthKeyOf_UsesLocalDate_WhenUtcInstantIsNearMonthEnd(string zone, string expected)
    {
        // 16:30Z on 30 Nov = 23:30 WIB, but already 1 Dec 00:30 WITA.
        Assert.Equal(expected, new ProgramCalendar(zone).MonthKeyOf(Utc(2026, 11, 30, 16, 30)));
    }

    [Fact]
    public void MonthOf_ReturnsNextYear_WhenNewYearHasBegunInWitOnly()
    {
        var instant = Utc(2026, 12, 31, 15, 30);

        Assert.Equal(new MonthKey(2027, 1), new ProgramCalendar(Wit).MonthOf(instant));
        Assert.Equal(new MonthKey(2026, 12), new ProgramCalendar(Wib).MonthOf(instant));
    }

    [Theory]
    [InlineData(Wita, 2026, 12, "2026-11-30T16:00:00Z", "2026-12-31T16:00:00Z")]
    [InlineData(Wit, 2026, 2, "2026-01-31T15:00:00Z", "2026-02-28T15:00:00Z")]
    [InlineData(Wib, 2028, 2, "2028-01-31T17:00:00Z", "2028-02-29T17:00:00Z")]
    public void MonthBounds_ReturnsLocalFirstMidnightsInUtc_ForMonthEnds(string zone, int year, int month, string start, string end)
    {
        var bounds = new ProgramCalendar(zone).MonthBounds(new MonthKey(year, month));

        Assert.Equal(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), bounds.Start);
        Assert.Equal(DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture), bounds.End);
    }

    [Fact]
    public void MonthBoundsOf_ContainsLocalLastMinute_ButNotNextMonthMidnight()
    {
        var calendar = new ProgramCalendar(Wit);
        var lastMinute = new DateTimeOffset(2026, 11, 30, 23, 59, 0, TimeSpan.FromHours(9));

        var bounds = calendar.MonthBoundsOf(lastMinute);

        Assert.True(bounds.Contains(lastMinute));
        Assert.False(bounds.Contains(lastMinute.AddMinutes(1)));
    }

    [Theory]
    [InlineData(2026, 1, 2026, 1, 30)] // ends on Saturday
    [InlineData(2026, 5, 2026, 5, 29)] // ends on Sunday
    [InlineData(2026, 2, 2026, 2, 27)] // 28 Feb is a Saturday
    [InlineData(2026, 3, 2026, 3, 31)] // ends on Tuesday
    [InlineData(2026, 7, 2026, 7, 31)] // ends on Friday
    public void LastWorkingDay_ReturnsLastWeekday_WhenMonthEndsOnWeekendOrNot(int year, int month, int ey, int em, int ed)
    {
        Assert.Equal(new DateOnly(ey, em, ed), new MonthKey(year, month).LastWorkingDay);
    }

    [Fact]
    public void LastWorkingDayOf_UsesLocalMonth_WhenUtcInstantIsStillPreviousMonth()
    {
        // 31 Jan 15:30Z is 1 Feb 00:30 WIT: February's last working day is Friday 27 Feb.
        var instant = Utc(2026, 1, 31, 15, 30);

        Assert.Equal(new DateOnly(2026, 2, 27), new ProgramCalendar(Wit).LastWorkingDayOf(instant));
        Assert.Equal(new DateOnly(2026, 1, 30), new ProgramCalendar(Wib).LastWorkingDayOf(instant));
    }

    [Fact]
    public void AtInWeekOf_ReturnsMonday0700OfSameWeek_WhenInstantIsSunday2330Wita()
    {
        var calendar = new ProgramCalendar(Wita);

        var monday = calendar.AtInWeekOf(Wita_(2026, 11, 29, 23, 30), DayOfWeek.Monday, new TimeOnly(7, 0));

        Assert.Equal(Utc(2026, 11, 22, 23, 0), monday);
        Assert.Equal(TimeSpan.Zero, monday.Offset);
    }

    [Fact]
    public void AtInWeekOf_ReturnsMonday0700OfNewWeek_WhenInstantIsMonday0030Wita()
    {
        var calendar = new ProgramCalendar(Wita);

        var monday = calendar.AtInWeekOf(Wita_(2026, 11, 30, 0, 30), DayOfWeek.Monday, new TimeOnly(7, 0));

        Assert.Equal(Utc(2026, 11, 29, 23, 0), monday);
    }

    [Fact]
    public void AtInWeekOf_TreatsSundayAsLastDayOfWeek_WhenAskedForSunday()
    {
        var calendar = new ProgramCalendar(Wit);

        var sunday = calendar.AtInWeekOf(Utc(2026, 11, 23, 3, 0), DayOfWeek.Sunday, new TimeOnly(18, 0));

        Assert.Equal(Utc(2026, 11, 29, 9, 0), sunday);
    }

    [Fact]
    public void AtInWeekOf_StaysInIsoWeek_WhenWeekCrossesNewYear()
    {
        var calendar = new ProgramCalendar(Wib);

        var monday = calendar.AtInWeekOf(Utc(2027, 1, 2, 5, 0), DayOfWeek.Monday, new TimeOnly(7, 0));

        Assert.Equal(Utc(2026, 12, 28, 0, 0), monday);
    }

    [Fact]
    public void For_UsesCohortTimeZone_WhenGivenCohort()
    {
        var calendar = ProgramCalendar.For(new Cohort { Id = "c", TimeZoneId = Wit });

        Assert.Equal(TimeSpan.FromHours(9), calendar.ToLocal(Utc(2026, 6, 1, 0, 0)).Offset);
    }

    [Fact]
    public void For_UsesJakarta_WhenCohortMissing()
    {
        var calendar = ProgramCalendar.For(null);

        Assert.Equal(TimeSpan.FromHours(7), calendar.ToLocal(Utc(2026, 6, 1, 0, 0)).Offset);
        Assert.Equal("WIB", calendar.ZoneLabel);
    }

    [Theory]
    [InlineData("Asia/Jakarta", "WIB")]
    [InlineData("Asia/Pontianak", "WIB")]
    [InlineData("Asia/Makassar", "WITA")]
    [InlineData("Asia/Jayapura", "WIT")]
    [InlineData("Asia/Kolkata", "UTC+5:30")]
    [InlineData("Asia/Tokyo", "UTC+9")]
    [InlineData("America/Caracas", "UTC-4")]
    public void ZoneLabel_NamesIndonesianZones_AndOffsetsOthers(string zone, string expected)
    {
        Assert.Equal(expected, new ProgramCalendar(zone).ZoneLabel);
    }

    [Fact]
    public void Constructor_Throws_WhenTimeZoneUnknown()
    {
        Assert.ThrowsAny<Exception>(() => new ProgramCalendar("Asia/Atlantis"));
    }
}
