using Ikm.Workflow.Parsing;

namespace Ikm.Workflow.Tests.Parsing;

public sealed class PhoneParserTests
{
    [Theory]
    [InlineData("0812-3456-7890", "+6281234567890")]
    [InlineData("+62 812 3456 7890", "+6281234567890")]
    [InlineData("+62 812-3456-7890", "+6281234567890")]
    [InlineData("6281234567890", "+6281234567890")]
    [InlineData("81234567890", "+6281234567890")]
    [InlineData("081234567890", "+6281234567890")]
    [InlineData("0812.3456.7890", "+6281234567890")]
    [InlineData("(0812) 3456 7890", "+6281234567890")]
    [InlineData("+62 0812 3456 7890", "+6281234567890")]
    [InlineData("006281234567890", "+6281234567890")]
    [InlineData("0852 1234 567", "+628521234567")]
    [InlineData("(0361) 123456", "+62361123456")]
    [InlineData("021-12345678", "+622112345678")]
    [InlineData(" 0813 9999 0000 ", "+6281399990000")]
    public void Parse_ReturnsE164_WhenIndonesianNumber(string text, string expected)
    {
        var result = PhoneParser.Parse(text);

        Assert.True(result.IsSuccess, $"'{text}' refused: {result.Error?.Kind}");
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("0812", ParseErrorKind.TooShort)]
    [InlineData("0812-345", ParseErrorKind.TooShort)]
    [InlineData("0812-3456-7890-12", ParseErrorKind.TooLong)]
    [InlineData("+62 812 3456 7890 123", ParseErrorKind.TooLong)]
    [InlineData("0812-34S6-7890", ParseErrorKind.Invalid)]
    [InlineData("nomor saya 0812", ParseErrorKind.Invalid)]
    [InlineData("abc", ParseErrorKind.Invalid)]
    [InlineData("+60 12 345 6789", ParseErrorKind.NotIndonesian)]
    [InlineData("0060123456789", ParseErrorKind.NotIndonesian)]
    [InlineData("12345678901", ParseErrorKind.Invalid)]
    [InlineData("08+12345678", ParseErrorKind.Invalid)]
    [InlineData("", ParseErrorKind.Empty)]
    [InlineData("---", ParseErrorKind.Invalid)]
    public void Parse_Fails_WhenNotAPhoneNumber(string text, ParseErrorKind kind)
    {
        var result = PhoneParser.Parse(text);

        Assert.False(result.IsSuccess);
        Assert.Equal(kind, result.Error.Kind);
    }

    [Fact]
    public void Describe_ShowsExampleNumber_WhenTooShort()
    {
        var message = PhoneParser.Parse("0812").Error!.Describe("id");

        Assert.Contains("terlalu pendek", message);
        Assert.Contains("0812-3456-7890", message);
    }

    [Theory]
    [InlineData("٠٨١٢٣٤٥٦٧٨٩٠")]
    [InlineData("+٦٢ ٨١٢ ٣٤٥٦ ٧٨٩٠")]
    public void Parse_AnswersInvalid_WhenDigitsAreNotAscii(string text)
    {
        var result = PhoneParser.Parse(text);

        Assert.False(result.IsSuccess);
        Assert.Equal(ParseErrorKind.Invalid, result.Error!.Kind);
    }
}
