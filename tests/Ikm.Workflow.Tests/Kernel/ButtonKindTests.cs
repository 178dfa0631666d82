using Ikm.Workflow.Kernel;

namespace Ikm.Workflow.Tests.Kernel;

public sealed class ButtonKindTests
{
    private sealed record Pick(string CohortId, long MentorId);

    private static readonly ButtonKind<Pick> Kind = new("as:m", p => [p.CohortId, p.MentorId.ToString()],
        f => f is [var cohort, var mentor] && long.TryParse(mentor, out var id) ? new Pick(cohort, id) : null);

    [Fact]
    public void Encode_ThenDecode_GivesTheRecordBack()
    {
        var data = Kind.Encode(new Pick("c1", 801));

        Assert.Equal("as:m:c1:801", data);
        Assert.Equal(new Pick("c1", 801), Kind.Decode(data));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("as:mx:c1:801")]
    [InlineData("as:m:c1")]
    [InlineData("as:m:c1:budi")]
    [InlineData("as:m:c1:801:extra")]
    [InlineData("vf:ikm:c1")]
    public void Decode_RefusesAnotherKindOrAMalformedButton(string? data) => Assert.Null(Kind.Decode(data));

    [Fact]
    public void Encode_RefusesDataOverTelegramsLimit_WhenTheButtonIsBuilt()
    {
        var error = Assert.Throws<ArgumentException>(() => Kind.Encode(new Pick(new string('c', 60), 801)));

        Assert.Contains("64", error.Message);
    }

    [Fact]
    public void Encode_RefusesAFieldWithTheSeparator() =>
        Assert.Throws<ArgumentException>(() => Kind.Encode(new Pick("c:1", 801)));

    [Fact]
    public void OneIdKind_NeedsExactlyOneNonEmptyField()
    {
        var kind = ButtonKind.Of("ap:no");

        Assert.Equal("m1", kind.Decode(kind.Encode(new ButtonKind.Id("m1")))!.Value);
        Assert.Null(kind.Decode("ap:no:"));
        Assert.Null(kind.Decode("ap:no:m1:c1"));
    }
}
