using Ikm.Workflow.Kernel;

namespace Ikm.Workflow.Tests.Kernel;

public sealed class ChoiceCodecTests
{
    private enum Pick { Yes, NotReally }

    [Fact]
    public void Choice_RoundTrips_AsPrefixAndLowerCaseName()
    {
        var codec = new ChoiceCodec("vf");

        var data = codec.Encode(Pick.NotReally);

        Assert.Equal("vf:notreally", data);
        Assert.True(codec.TryDecode<Pick>(data, out var decoded));
        Assert.Equal(Pick.NotReally, decoded);
    }

    [Theory]
    [InlineData("xx:yes")]
    [InlineData("vf:yes:extra")]
    [InlineData("vf:1")]
    [InlineData("vf:maybe")]
    [InlineData("vf")]
    [InlineData(null)]
    public void ForeignOrStaleData_IsNotAChoice(string? data) =>
        Assert.False(new ChoiceCodec("vf").TryDecode<Pick>(data, out _));

    [Fact]
    public void DataOverTelegramsLimit_IsRefusedWhenBuilt()
    {
        var codec = new ChoiceCodec("vf");

        Assert.Equal(64, System.Text.Encoding.UTF8.GetByteCount(codec.Kind("ikm").Encode(new(new string('a', 57)))));
        var error = Assert.Throws<ArgumentException>(() => codec.Kind("ikm").Encode(new(new string('é', 29))));
        Assert.Contains("64-byte", error.Message);
    }

    [Fact]
    public void AKindsId_IsReadOnlyForItsOwnKindAndFlow()
    {
        var codec = new ChoiceCodec("vf");
        var data = codec.Kind("ikm").Encode(new("0123abcd"));

        Assert.Equal("vf:ikm:0123abcd", data);
        Assert.Equal("0123abcd", codec.Kind("ikm").Decode(data)?.Value);
        Assert.Null(codec.Kind("visit").Decode(data));
        Assert.Null(codec.Kind("ikm").Decode("ev:ikm:0123abcd"));
    }
}
