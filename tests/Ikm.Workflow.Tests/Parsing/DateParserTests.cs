using Ikm.Workflow.Parsing;

namespace Ikm.Workflow.Tests.Parsing;

public sealed class DateParserTests
{
    [Theory]
    [InlineData("17 Agustus 2025")]
    [InlineData("17 agustus 2025")]
    [InlineData("17 Agt 2025")]
    [InlineData("17 Agu 2025")]
    [InlineData("17 Ags. 2025")]
    [InlineData("17-Agt-2025")]
    [InlineData("17/8/2025")]
    [InlineData("17/08/2025")]
    [InlineData("17-08-2025")]
    [InlineData("17.08.2025")]
    [InlineData("17/8/25")]
    [InlineData("2025-08-17")]
    [InlineData("2025/8/17")]
    [InlineData("August 17, 2025")]
    [InlineData("Aug 17 2025")]
    [InlineData("17 August 2025")]
    [InlineData("17th August 2025")]
    [InlineData("Minggu, 17 Agustus 2025")]
    [InlineData("tanggal 17 Agustus 2025")]
    [InlineData(" 17  Agustus  2025. ")]
    public void Parse_ReturnsDate_WhenWrittenTheUsualWays(string text)
    {
        var result = DateParser.Parse(text);

        Assert.True(result.IsSuccess, $"'{text}' refused: {result.Error?.Kind}");
        Assert.Equal(new DateOnly(2025, 8, 17), result.Value);
    }

    [Theory]
    [InlineData("1 Januari 2024", 2024, 1, 1)]
    [InlineData("29 Februari 2024", 2024, 2, 29)]
    [InlineData("5 Mei 2025", 2025, 5, 5)]
    [InlineData("10 Nopember 2023", 2023, 11, 10)]
    [InlineData("31 Des 2025", 2025, 12, 31)]
    [InlineData("3 Okt 2025", 2025, 10, 3)]
    [InlineData("December 3, 2025", 2025, 12, 3)]
    public void Parse_ReadsEveryMonthName_WhenIndonesianOrEnglish(string text, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), DateParser.Parse(text).Value);
    }

    [Theory]
    [InlineData("32 Agustus 2025", ParseErrorKind.InvalidDate)]
    [InlineData("31/2/2025", ParseErrorKind.InvalidDate)]
    [InlineData("29 Februari 2025", ParseErrorKind.InvalidDate)]
    [InlineData("17/13/2025", ParseErrorKind.InvalidDate)]
    [InlineData("0/8/2025", ParseErrorKind.InvalidDate)]
    [InlineData("8/17/2025", ParseErrorKind.InvalidDate)]
    [InlineData("2025-02-30", ParseErrorKind.InvalidDate)]
    [InlineData("17 Agustus 1800", ParseErrorKind.InvalidDate)]
    [InlineData("17 Agustusan 2025", ParseErrorKind.Invalid)]
    [InlineData("besok", ParseErrorKind.Invalid)]
    [InlineData("17 Agustus", ParseErrorKind.Invalid)]
    [InlineData("17/8/202", ParseErrorKind.Invalid)]
    [InlineData("", ParseErrorKind.Empty)]
    public void Parse_Fails_WhenNotADate(string text, ParseErrorKind kind)
    {
        var result = DateParser.Parse(text);

        Assert.False(result.IsSuccess);
        Assert.Equal(kind, result.Error.Kind);
    }

    [Fact]
    public void Describe_SaysTheDayDoesNotExist_WhenInvalidDay()
    {
        var message = DateParser.Parse("31/2/2025").Error!.Describe("id");

        Assert.Contains("tidak ada di kalender", message);
        Assert.Contains("17 Agustus 2025", message);
    }

    [Theory]
    [InlineData("١٧/٨/٢٠٢٥")]
    [InlineData("١٧ Agustus ٢٠٢٥")]
    [InlineData("٢٠٢٥-٠٨-١٧")]
    [InlineData("１７/８/２０２５")]
    [InlineData("۱۷/۸/۲۰۲۵")]
    [InlineData("August ١٧, ٢٠٢٥")]
    public void Parse_AnswersInvalid_WhenDigitsAreNotAscii(string text)
    {
        var result = DateParser.Parse(text);

        Assert.False(result.IsSuccess);
        Assert.Equal(ParseErrorKind.Invalid, result.Error!.Kind);
    }
}
