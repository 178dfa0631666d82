using Ikm.Workflow.Mentoring.Rules;

namespace Ikm.Workflow.Tests.Mentoring;

public sealed class MonthKeyTests
{
    [Fact]
    public void Next_RollsYear_WhenDecember()
    {
        Assert.Equal(new MonthKey(2027, 1), new MonthKey(2026, 12).Next());
        Assert.Equal(new MonthKey(2026, 12), new MonthKey(2027, 1).Previous());
    }

    [Fact]
    public void Parse_RoundTripsKey_WhenKeyValid()
    {
        Assert.Equal("2026-11", MonthKey.Parse("2026-11").Key);
        Assert.False(MonthKey.TryParse("2026-13", out _));
        Assert.False(MonthKey.TryParse("2026-W48", out _));
    }
}
