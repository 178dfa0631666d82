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

        Assert.Equal(64, System.Text.Encoding.UTF8.GetByteCount(codec.Encode("ikm", new string('a', 57))));
        var error = Assert.Throws<ArgumentException>(() => codec.Encode("ikm", new string('é', 29)));
        Assert.Contains("64-byte", error.Message);
    }

    [Fact]
    public void Payload_IsReadOnlyForItsOwnKind()
    {
        var codec = new ChoiceCodec("vf");
        var data = codec.Encode("ikm", "0123abcd");

        Assert.Equal("0123abcd", codec.Payload(data, "ikm"));
        Assert.Null(codec.Payload(data, "visit"));
        Assert.Null(codec.Payload("ev:ikm:0123abcd", "ikm"));
    }
}
