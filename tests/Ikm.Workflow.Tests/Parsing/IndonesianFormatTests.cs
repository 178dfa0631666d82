using Ikm.Workflow.Parsing;

namespace Ikm.Workflow.Tests.Parsing;

public sealed class IndonesianFormatTests
{
    [Theory]
    [InlineData(1_500_000, "Rp 1.500.000")]
    [InlineData(0, "Rp 0")]
    [InlineData(750, "Rp 750")]
    public void Money_UsesDotsForThousands_WhenFormatting(long rupiah, string expected)
    {
        Assert.Equal(expected, IndonesianFormat.Money(rupiah));
    }

    [Fact]
    public void Number_FollowsLanguage_WhenFormatting()
    {
        Assert.Equal("1.250,5", IndonesianFormat.Number(1250.5m, "id"));
        Assert.Equal("1,250.5", IndonesianFormat.Number(1250.5m, "en"));
    }

    [Theory]
    [InlineData(2026, 11, 30, "id", "30 Nov – 6 Des")]
    [InlineData(2026, 11, 30, "en", "30 Nov – 6 Dec")]
    [InlineData(2026, 12, 7, "id", "7–13 Des")]
    [InlineData(2026, 12, 28, "id", "28 Des – 3 Jan")]
    public void Week_IsTheDatesItSpans(int year, int month, int monday, string language, string expected)
    {
        Assert.Equal(expected, IndonesianFormat.Week(new DateOnly(year, month, monday), language));
    }

    [Fact]
    public void Dates_AreWrittenWithTheAppsOwnMonthNames_WhateverTheMachinesCulture()
    {
        var before = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("fr-FR");
            var day = new DateOnly(2026, 8, 17);
            Assert.Equal(["17 Agustus 2026", "17 August 2026", "17 Agu 2026", "17 Aug 2026", "17 Agu"],
                [IndonesianFormat.Date(day, "id"), IndonesianFormat.Date(day, "en"), IndonesianFormat.ShortDate(day, "id"),
                 IndonesianFormat.ShortDate(day, "en"), IndonesianFormat.ShortDate(day, "id", withYear: false)]);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Month_IsItsName()
    {
        Assert.Equal("Desember 2026", IndonesianFormat.Month("2026-12", "id"));
        Assert.Equal("December 2026", IndonesianFormat.Month(2026, 12, "en"));
        Assert.Equal("not a month", IndonesianFormat.Month("not a month", "id"));
    }

    [Fact]
    public void Duration_HasNoComma_InEitherLanguage()
    {
        var spent = new TimeSpan(4, 30, 0);
        Assert.Equal("4 jam 30 menit", IndonesianFormat.Duration(spent, "id"));
        Assert.Equal("4 hours 30 minutes", IndonesianFormat.Duration(spent, "en"));
        Assert.Equal("4 jam", IndonesianFormat.Duration(TimeSpan.FromHours(4), "id"));
        Assert.Equal("45 menit", IndonesianFormat.Duration(TimeSpan.FromMinutes(45.4), "id"));
    }

    [Fact]
    public void Date_UsesMonthNames_WhenFormatting()
    {
        Assert.Equal("17 Agustus 2025", IndonesianFormat.Date(new DateOnly(2025, 8, 17), "id"));
        Assert.Equal("17 August 2025", IndonesianFormat.Date(new DateOnly(2025, 8, 17), "en"));
    }

    [Theory]
    [InlineData("Rp 1.500.000")]
    [InlineData("Rp 0")]
    public void Money_RoundTrips_WhenParsedBack(string text)
    {
        var amount = MoneyParser.Parse(text).Value;

        Assert.Equal(text, IndonesianFormat.Money(amount));
    }
}
