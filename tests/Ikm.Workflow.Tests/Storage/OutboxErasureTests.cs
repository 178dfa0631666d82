using Ikm.Workflow.Storage;

namespace Ikm.Workflow.Tests.Storage;

public sealed class OutboxErasureTests
{
    [Fact]
    public void Of_LeavesOutBlankShortAndRepeatedMentions()
    {
        var erasure = OutboxErasure.Of(7, ["Siti Aminah", null, " ", "Ani", "siti aminah", " Bakpia "]);
        Assert.Equal(7, erasure.ChatId);
        Assert.Equal(["Siti Aminah", "Bakpia"], erasure.Mentions);
    }
}
