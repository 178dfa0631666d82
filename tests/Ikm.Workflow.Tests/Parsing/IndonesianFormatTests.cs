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
