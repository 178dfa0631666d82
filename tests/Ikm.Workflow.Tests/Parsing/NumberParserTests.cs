using Ikm.Workflow.Parsing;

namespace Ikm.Workflow.Tests.Parsing;

public sealed class NumberParserTests
{
    [Theory]
    [InlineData("12", 12)]
    [InlineData("1.250", 1250)]
    [InlineData("1.250.000", 1_250_000)]
    [InlineData(" 7 ", 7)]
    [InlineData("0", 0)]
    [InlineData("-3", -3)]
    [InlineData("+4", 4)]
    [InlineData("1 250", 1250)]
    [InlineData("12,0", 12)]
    public void ParseInteger_ReturnsValue_WhenIndonesianDigits(string text, long expected)
    {
        var result = NumberParser.ParseInteger(text);

        Assert.True(result.IsSuccess, $"'{text}' refused: {result.Error?.Kind}");
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("2,5", "2.5")]
    [InlineData("2.5", "2.5")]
    [InlineData("1.250", "1250")]
    [InlineData("1.250,75", "1250.75")]
    [InlineData("0,25", "0.25")]
    [InlineData("12", "12")]
    [InlineData("1,250.5", "1250.5")]
    public void ParseDecimal_ReturnsValue_WhenDecimalCommaOrPoint(string text, string expected)
    {
        var result = NumberParser.ParseDecimal(text);

        Assert.True(result.IsSuccess, $"'{text}' refused: {result.Error?.Kind}");
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.Value);
    }

    [Theory]
    [InlineData("2,5", ParseErrorKind.NotWhole)]
    [InlineData("dua belas", ParseErrorKind.Invalid)]
    [InlineData("12 orang", ParseErrorKind.Invalid)]
    [InlineData("1,5,5", ParseErrorKind.Invalid)]
    [InlineData("", ParseErrorKind.Empty)]
    [InlineData("99999999999999999999", ParseErrorKind.OutOfRange)]
    public void ParseInteger_Fails_WhenNotAWholeNumber(string text, ParseErrorKind kind)
    {
        var result = NumberParser.ParseInteger(text);

        Assert.False(result.IsSuccess);
        Assert.Equal(kind, result.Error.Kind);
    }

    [Theory]
    [InlineData("0", 1, 100)]
    [InlineData("101", 1, 100)]
    [InlineData("-1", 0, 10)]
    [InlineData("1.000", 0, 500)]
    public void ParseInteger_FailsWithRange_WhenOutOfRange(string text, long min, long max)
    {
        var result = NumberParser.ParseInteger(text, min, max);

        Assert.False(result.IsSuccess);
        Assert.Equal(ParseErrorKind.OutOfRange, result.Error.Kind);
        Assert.Equal(min, result.Error.Min);
        Assert.Equal(max, result.Error.Max);
    }

    [Fact]
    public void ParseDecimal_FailsWithReadableBounds_WhenOutOfRange()
    {
        var result = NumberParser.ParseDecimal("1.500", 0, 1000);

        Assert.Equal(ParseErrorKind.OutOfRange, result.Error!.Kind);
        Assert.Contains("antara 0 dan 1.000", result.Error.Describe("id"));
        Assert.Contains("between 0 and 1,000", result.Error.Describe("en"));
    }

    [Theory]
    [InlineData("١٢")]
    [InlineData("４")]
    [InlineData("٢,٥")]
    public void Parse_AnswersInvalid_WhenDigitsAreNotAscii(string text)
    {
        var result = NumberParser.ParseDecimal(text);

        Assert.False(result.IsSuccess);
        Assert.Equal(ParseErrorKind.Invalid, result.Error!.Kind);
    }
}
