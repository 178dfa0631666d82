using Ikm.Workflow.Messaging;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Mentoring.Rules;

namespace Ikm.Workflow.Tests.Mentoring;

public sealed class VisitRulesTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly VisitRules _rules = new(new CohortRules());

    [Fact]
    public void IsShort_ReturnsFalse_WhenDurationIsExactlyMinimum()
    {
        Assert.False(_rules.IsShort(TimeSpan.FromHours(4)));
    }

    [Fact]
    public void IsShort_ReturnsTrue_WhenDurationIsOneTickUnderMinimum()
    {
        Assert.True(_rules.IsShort(TimeSpan.FromHours(4) - TimeSpan.FromTicks(1)));
        Assert.True(_rules.IsShort(TimeSpan.FromMinutes(239)));
    }

    [Fact]
    public void IsShort_UsesCohortMinimum_WhenFractionalHoursConfigured()
    {
        var rules = new VisitRules(new CohortRules { MinHoursPerVisit = 2.5 });

        Assert.False(rules.IsShort(TimeSpan.FromMinutes(150)));
        Assert.True(rules.IsShort(TimeSpan.FromMinutes(149)));
    }

    [Fact]
    public void IsShort_ReturnsFalse_WhenVisitStillOpen()
    {
        var open = ProgramBuilders.Visit(ProgramBuilders.IkmId(1), 7, Start, duration: null, VisitStatus.CheckedIn);

        Assert.False(_rules.IsShort(open));
    }

    [Fact]
    public void IsFar_ReturnsFalse_WhenDistanceIsExactlyMaximum()
    {
        Assert.False(_rules.IsFar(500));
    }

    [Fact]
    public void IsFar_ReturnsTrue_WhenDistanceJustOverMaximum()
    {
        Assert.True(_rules.IsFar(500.01));
    }

    [Fact]
    public void IsFar_UsesHaversine_WhenGivenPoints()
    {
        var house = new GeoPoint(-0.8950, 119.8700);

        Assert.False(_rules.IsFar(new GeoPoint(-0.8950, 119.87108), house)); // ~120 m
        Assert.True(_rules.IsFar(new GeoPoint(-0.8950, 119.8745), house)); // ~500.3 m
    }

    [Fact]
    public void CloseBy_ReturnsStartPlusOpenCheckInHours_WhenDefaultRules()
    {
        Assert.Equal(Start.AddHours(12), _rules.CloseBy(Start));
        Assert.Equal(Start.AddHours(6), new VisitRules(new CohortRules { OpenCheckInHours = 6 }).CloseBy(Start));
    }

    [Fact]
    public void For_UsesCohortRules_AndDefaultsWithoutCohort()
    {
        var cohort = new Cohort { Id = "c", Rules = new CohortRules { OpenCheckInHours = 6, MinHoursPerVisit = 2 } };

        Assert.Equal(Start.AddHours(6), VisitRules.For(cohort).CloseBy(Start));
        Assert.Equal(TimeSpan.FromHours(2), VisitRules.For(cohort).MinDuration);
        Assert.Equal(Start.AddHours(12), VisitRules.For(null).CloseBy(Start));
    }

    [Fact]
    public void MustClose_ReturnsTrue_WhenCheckedInAtExactlyCloseBy()
    {
        var open = ProgramBuilders.Visit(ProgramBuilders.IkmId(1), 7, Start, duration: null, VisitStatus.CheckedIn);

        Assert.False(_rules.MustClose(open, Start.AddHours(12).AddTicks(-1)));
        Assert.True(_rules.MustClose(open, Start.AddHours(12)));
    }

    [Fact]
    public void MustClose_UsesStoredCloseBy_WhenVisitHasOne()
    {
        var open = ProgramBuilders.Visit(ProgramBuilders.IkmId(1), 7, Start, duration: null, VisitStatus.CheckedIn);
        open.CloseBy = Start.AddHours(2);

        Assert.True(_rules.MustClose(open, Start.AddHours(2)));
    }

    [Fact]
    public void MustClose_ReturnsFalse_WhenAlreadyCheckedOut()
    {
        var logging = ProgramBuilders.Visit(ProgramBuilders.IkmId(1), 7, Start, TimeSpan.FromHours(3), VisitStatus.Logging);

        Assert.False(_rules.MustClose(logging, Start.AddDays(2)));
    }

    [Fact]
    public void CompletedFlags_ReturnsNone_WhenLongEnoughAndNear()
    {
        var visit = ProgramBuilders.Visit(ProgramBuilders.IkmId(1), 7, Start, TimeSpan.FromMinutes(270));
        visit.DistanceMeters = 120;

        Assert.Equal(VisitFlags.None, _rules.CompletedFlags(visit, Start.AddMinutes(270)));
    }

    [Fact]
    public void CompletedFlags_ReturnsShortAndFar_WhenThreeHoursAt600Meters()
    {
        var visit = ProgramBuilders.Visit(ProgramBuilders.IkmId(1), 7, Start, TimeSpan.FromHours(3));
        visit.DistanceMeters = 600;

        Assert.Equal(VisitFlags.Short | VisitFlags.FarFromProductionHouse, _rules.CompletedFlags(visit));
    }

    [Fact]
    public void CompletedFlags_ClearsStaleShort_WhenEndTimeCorrectedToMinimum()
    {
        var visit = ProgramBuilders.Visit(ProgramBuilders.IkmId(1), 7, Start, TimeSpan.FromHours(4));
        visit.Flags = VisitFlags.Short | VisitFlags.FarFromProductionHouse;

        Assert.Equal(VisitFlags.FarFromProductionHouse, _rules.CompletedFlags(visit));
    }

    [Fact]
    public void CompletedFlags_AddsForgottenCheckOut_WhenCheckedOutAfterCloseBy()
    {
        var visit = ProgramBuilders.Visit(ProgramBuilders.IkmId(1), 7, Start, TimeSpan.FromHours(5));

        Assert.Equal(VisitFlags.None, _rules.CompletedFlags(visit, Start.AddHours(12)));
        Assert.Equal(VisitFlags.ForgottenCheckOut, _rules.CompletedFlags(visit, Start.AddHours(12).AddTicks(1)));
    }

    [Fact]
    public void CompletedFlags_KeepsRetroWithoutForgotten_WhenRetroVisitLoggedDaysLater()
    {
        var visit = ProgramBuilders.Visit(ProgramBuilders.IkmId(1), 7, Start, TimeSpan.FromHours(2));
        visit.Flags = VisitFlags.Retro;

        Assert.Equal(VisitFlags.Retro | VisitFlags.Short, _rules.CompletedFlags(visit, Start.AddDays(3)));
    }

    [Fact]
    public void MeetsRule_OnlyForACompletedCheckedInVisitOfTheMinimumHours()
    {
        var full = ProgramBuilders.Visit(ProgramBuilders.IkmId(1), 7, Start, TimeSpan.FromHours(4));
        var zero = ProgramBuilders.Visit(ProgramBuilders.IkmId(1), 7, Start, TimeSpan.Zero);
        var retro = ProgramBuilders.Visit(ProgramBuilders.IkmId(1), 7, Start, TimeSpan.FromHours(5));
        retro.Flags = VisitFlags.Retro;
        var logging = ProgramBuilders.Visit(ProgramBuilders.IkmId(1), 7, Start, TimeSpan.FromHours(5), VisitStatus.Logging);

        Assert.Equal([true, false, false, false], new[] { full, zero, retro, logging }.Select(_rules.MeetsRule));
    }

    [Theory]
    [InlineData("2026-12-21", RetroDateRefusal.Future)]
    [InlineData("2026-08-31", RetroDateRefusal.OutsideCohort)]
    [InlineData("2026-12-05", RetroDateRefusal.TooLongAgo)]
    [InlineData("2026-12-06", null)]
    [InlineData("2026-12-20", null)]
    public void RetroDateRefusal_InsideTheCohortAndAtMostMaxRetroDaysBack(string date, RetroDateRefusal? expected)
    {
        var today = new DateOnly(2026, 12, 20);
        Assert.Equal(expected, _rules.RetroDateRefusal(ProgramBuilders.Cohort(), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), today));
    }

    [Fact]
    public void RetroDateRefusal_UsesTheCohortsDays_AndRefusesAfterTheCohortEnds()
    {
        var rules = new VisitRules(new CohortRules { MaxRetroDays = 3 });
        var cohort = ProgramBuilders.Cohort(); // 1 September 2026, 6 months: until 28 February 2027
        Assert.Equal(RetroDateRefusal.TooLongAgo, rules.RetroDateRefusal(cohort, new DateOnly(2026, 12, 16), new DateOnly(2026, 12, 20)));
        Assert.Equal(RetroDateRefusal.OutsideCohort, rules.RetroDateRefusal(cohort, new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 2)));
    }

    [Fact]
    public void CanCorrect_UntilTheCorrectionWindowAfterTheEnd_AndNeverAnOpenOrRetroVisit()
    {
        var visit = ProgramBuilders.Visit(ProgramBuilders.IkmId(1), 7, Start, TimeSpan.FromHours(4));
        var open = ProgramBuilders.Visit(ProgramBuilders.IkmId(1), 7, Start, null, VisitStatus.CheckedIn);
        var retro = ProgramBuilders.Visit(ProgramBuilders.IkmId(1), 7, Start, TimeSpan.FromHours(4));
        retro.Flags = VisitFlags.Retro;

        Assert.True(_rules.CanCorrect(visit, Start.AddHours(4 + 48)));
        Assert.False(_rules.CanCorrect(visit, Start.AddHours(4 + 48).AddTicks(1)));
        Assert.False(_rules.CanCorrect(open, Start));
        Assert.False(_rules.CanCorrect(retro, Start.AddHours(5)));
    }
}
