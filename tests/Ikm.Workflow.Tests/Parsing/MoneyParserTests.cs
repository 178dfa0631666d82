using Ikm.Workflow.Parsing;

namespace Ikm.Workflow.Tests.Parsing;

public sealed class MoneyParserTests
{
    [Theory]
    [InlineData("1,5 jt", 1_500_000)]
    [InlineData("1.5jt", 1_500_000)]
    [InlineData("1,5jt", 1_500_000)]
    [InlineData("1.5 JT", 1_500_000)]
    [InlineData("Rp 2.000.000", 2_000_000)]
    [InlineData("Rp. 2.000.000", 2_000_000)]
    [InlineData("rp2.000.000", 2_000_000)]
    [InlineData("IDR 2.000.000", 2_000_000)]
    [InlineData("2 juta", 2_000_000)]
    [InlineData("2 Juta Rupiah", 2_000_000)]
    [InlineData("750rb", 750_000)]
    [InlineData("750 ribu", 750_000)]
    [InlineData("750k", 750_000)]
    [InlineData("Rp1.250.000,00", 1_250_000)]
    [InlineData("Rp 50.000,-", 50_000)]
    [InlineData("1,2 M", 1_200_000_000)]
    [InlineData("1 miliar", 1_000_000_000)]
    [InlineData("1 milyar", 1_000_000_000)]
    [InlineData("2.500", 2_500)]
    [InlineData("2500000", 2_500_000)]
    [InlineData("2,500,000", 2_500_000)]
    [InlineData("2,500", 2_500)]
    [InlineData("1.500rb", 1_500_000)]
    [InlineData("2 jt 500 rb", 2_500_000)]
    [InlineData("2jt500rb", 2_500_000)]
    [InlineData("1,25 juta", 1_250_000)]
    [InlineData("5 jt per bulan", 5_000_000)]
    [InlineData("  15.000.000  ", 15_000_000)]
    [InlineData("0", 0)]
    [InlineData("2\u00a0000\u00a0000", 2_000_000)]
    public void Parse_ReturnsExactRupiah_WhenWrittenTheUsualWays(string text, long expected)
    {
        var result = MoneyParser.Parse(text);

        Assert.True(result.IsSuccess, $"'{text}' refused: {result.Error?.Kind}");
        Assert.Equal((decimal)expected, result.Value);
    }

    [Theory]
    [InlineData("abc", ParseErrorKind.Invalid)]
    [InlineData("-5", ParseErrorKind.Negative)]
    [InlineData("- 5 jt", ParseErrorKind.Negative)]
    [InlineData("minus 5", ParseErrorKind.Negative)]
    [InlineData("1,5,5", ParseErrorKind.Invalid)]
    [InlineData("1.5.5", ParseErrorKind.Invalid)]
    [InlineData("", ParseErrorKind.Empty)]
    [InlineData("   ", ParseErrorKind.Empty)]
    [InlineData(null, ParseErrorKind.Empty)]
    [InlineData("Rp", ParseErrorKind.Empty)]
    [InlineData("5 kg", ParseErrorKind.Invalid)]
    [InlineData("lima juta", ParseErrorKind.Invalid)]
    [InlineData("2..000", ParseErrorKind.Invalid)]
    [InlineData("500 rb 2 jt", ParseErrorKind.Invalid)]
    [InlineData("2 juta 500", ParseErrorKind.Invalid)]
    [InlineData("1,5", ParseErrorKind.NotWhole)]
    [InlineData("99999999 T", ParseErrorKind.OutOfRange)]
    public void Parse_Fails_WhenNotAnAmount(string? text, ParseErrorKind kind)
    {
        var result = MoneyParser.Parse(text);

        Assert.False(result.IsSuccess);
        Assert.Equal(kind, result.Error.Kind);
        Assert.Equal(InputKind.Money, result.Error.Expected);
    }

    [Fact]
    public void Parse_ReturnsNormalizedScale_WhenCentsWritten()
    {
        var result = MoneyParser.Parse("Rp1.250.000,00");

        Assert.Equal("1250000", result.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Describe_SaysWhatIsExpectedWithExample_WhenRefused()
    {
        var error = MoneyParser.Parse("abc").Error!;

        Assert.Contains("misalnya", error.Describe("id"));
        Assert.Contains("1,5 jt", error.Describe("id"));
        Assert.Contains("for example", error.Describe("en"));
    }

    [Fact]
    public void Value_Throws_WhenReadFromFailure()
    {
        var result = MoneyParser.Parse("abc");

        Assert.Throws<InvalidOperationException>(() => result.Value);
    }

    [Theory]
    [InlineData("٢ juta")]
    [InlineData("Rp ٢.٠٠٠.٠٠٠")]
    [InlineData("７５０rb")]
    public void Parse_AnswersInvalid_WhenDigitsAreNotAscii(string text)
    {
        var result = MoneyParser.Parse(text);

        Assert.False(result.IsSuccess);
        Assert.Equal(ParseErrorKind.Invalid, result.Error!.Kind);
    }
}
