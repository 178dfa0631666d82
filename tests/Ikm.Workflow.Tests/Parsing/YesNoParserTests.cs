using Ikm.Workflow.Parsing;

namespace Ikm.Workflow.Tests.Parsing;

public sealed class YesNoParserTests
{
    [Theory]
    [InlineData("ya")]
    [InlineData("Ya")]
    [InlineData("YA")]
    [InlineData("iya")]
    [InlineData("iyaaa")]
    [InlineData("y")]
    [InlineData("yes")]
    [InlineData("betul")]
    [InlineData("benar")]
    [InlineData("ok")]
    [InlineData("oke")]
    [InlineData("sudah")]
    [InlineData("udah")]
    [InlineData("ada")]
    [InlineData("punya")]
    [InlineData("ya!")]
    [InlineData(" iya sudah. ")]
    public void Parse_ReturnsTrue_WhenYes(string text)
    {
        var result = YesNoParser.Parse(text);

        Assert.True(result.IsSuccess, $"'{text}' refused");
        Assert.True(result.Value);
    }

    [Theory]
    [InlineData("tidak")]
    [InlineData("Tidak")]
    [InlineData("nggak")]
    [InlineData("ngga")]
    [InlineData("gak")]
    [InlineData("ga")]
    [InlineData("enggak")]
    [InlineData("tdk")]
    [InlineData("no")]
    [InlineData("n")]
    [InlineData("bukan")]
    [InlineData("belum")]
    [InlineData("blm")]
    [InlineData("tidak ada")]
    [InlineData("belum pernah")]
    [InlineData("gakkk")]
    [InlineData("Tidak.")]
    public void Parse_ReturnsFalse_WhenNo(string text)
    {
        var result = YesNoParser.Parse(text);

        Assert.True(result.IsSuccess, $"'{text}' refused");
        Assert.False(result.Value);
    }

    [Theory]
    [InlineData("mungkin", ParseErrorKind.Invalid)]
    [InlineData("tidak tahu", ParseErrorKind.Invalid)]
    [InlineData("5", ParseErrorKind.Invalid)]
    [InlineData("", ParseErrorKind.Empty)]
    public void Parse_Fails_WhenNeitherYesNorNo(string text, ParseErrorKind kind)
    {
        var result = YesNoParser.Parse(text);

        Assert.False(result.IsSuccess);
        Assert.Equal(kind, result.Error.Kind);
        Assert.Contains("ya atau tidak", result.Error.Describe("id"));
    }

    [Fact]
    public void ToValue_ReturnsButtonValues_WhenStoring()
    {
        Assert.Equal("yes", YesNoParser.ToValue(true));
        Assert.Equal("no", YesNoParser.ToValue(false));
    }
}
