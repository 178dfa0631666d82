using Ikm.Workflow.Mentoring.Rules;

namespace Ikm.Workflow.Tests.Mentoring;

public sealed class IsoWeekTests
{
    [Fact]
    public void Next_ReturnsWeekOneOfNextYear_WhenYearHas53Weeks()
    {
        Assert.Equal(new IsoWeek(2027, 1), new IsoWeek(2026, 53).Next());
        Assert.Equal(new IsoWeek(2026, 53), new IsoWeek(2027, 1).Previous());
    }

    [Fact]
    public void Previous_ReturnsWeek52_WhenYearHas52Weeks()
    {
        Assert.Equal(new IsoWeek(2025, 52), new IsoWeek(2026, 1).Previous());
    }

    [Fact]
    public void Constructor_Throws_WhenWeek53InA52WeekYear()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new IsoWeek(2025, 53));
    }

    [Fact]
    public void Monday_ReturnsDateInPreviousCalendarYear_WhenWeekOneStartsInDecember()
    {
        Assert.Equal(new DateOnly(2025, 12, 29), new IsoWeek(2026, 1).Monday);
        Assert.Equal(new DateOnly(2026, 1, 4), new IsoWeek(2026, 1).Sunday);
    }

    [Theory]
    [InlineData("2026-W48", 2026, 48)]
    [InlineData("2026-W01", 2026, 1)]
    [InlineData("2026w5", 2026, 5)]
    public void TryParse_ReturnsWeek_WhenLabelValid(string text, int year, int week)
    {
        Assert.True(IsoWeek.TryParse(text, out var parsed));
        Assert.Equal(new IsoWeek(year, week), parsed);
    }

    [Theory]
    [InlineData("2025-W53")]
    [InlineData("2026-W00")]
    [InlineData("2026-11")]
    [InlineData("")]
    public void TryParse_ReturnsFalse_WhenLabelInvalid(string text)
    {
        Assert.False(IsoWeek.TryParse(text, out _));
    }

    [Fact]
    public void Label_PadsWeekNumber_WhenSingleDigit()
    {
        Assert.Equal("2026-W05", new IsoWeek(2026, 5).Label);
        Assert.Equal("2026-W05", new IsoWeek(2026, 5).ToString());
    }
}
