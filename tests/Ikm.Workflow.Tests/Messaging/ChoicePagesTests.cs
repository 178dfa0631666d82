using Ikm.Workflow.Messaging;

namespace Ikm.Workflow.Tests.Messaging;

public sealed class ChoicePagesTests
{
    private static IReadOnlyList<IReadOnlyList<Button>> Choices(int count) =>
        [.. Enumerable.Range(1, count).Select(i => (IReadOnlyList<Button>)[new Button($"IKM {i}", $"x:{i}")])];

    private static ChoicePage Page(int count, int requested, ChannelCapabilities caps) =>
        ChoicePages.Page(Choices(count), requested, caps, page => $"p:{page}", "◀", "▶");

    [Fact]
    public void Page_IsTheWholeList_WhenItFitsTheChannel()
    {
        var page = Page(100, 3, ChannelCapabilities.Telegram);

        Assert.Equal((0, 1, 100), (page.Number, page.Count, page.Rows.Count));
        Assert.DoesNotContain(page.Rows.SelectMany(r => r), b => b.Data.StartsWith("p:", StringComparison.Ordinal));
    }

    [Fact]
    public void Page_OnTelegram_HoldsNinetyEightChoicesAndItsNavigation_WithinOneHundredButtons()
    {
        var first = Page(250, 0, ChannelCapabilities.Telegram);
        var middle = Page(250, 1, ChannelCapabilities.Telegram);
        var last = Page(250, 2, ChannelCapabilities.Telegram);

        Assert.Equal(3, first.Count);
        Assert.Equal(["▶"], first.Rows[^1].Select(b => b.Label));
        Assert.Equal("IKM 1", first.Rows[0][0].Label);
        Assert.Equal([new Button("◀", "p:0"), new Button("▶", "p:2")], middle.Rows[^1]);
        Assert.Equal(100, middle.Rows.Sum(r => r.Count));
        Assert.Equal("IKM 99", middle.Rows[0][0].Label);
        Assert.Equal(["IKM 197", "IKM 250"], new[] { last.Rows[0][0].Label, last.Rows[^2][0].Label });
        Assert.Equal(["◀"], last.Rows[^1].Select(b => b.Label));
    }

    [Fact]
    public void Page_OnWhatsApp_FitsItsTenRowList()
    {
        var page = Page(30, 1, ChannelCapabilities.WhatsApp);

        Assert.Equal(4, page.Count);
        Assert.Equal(10, page.Rows.Sum(r => r.Count));
        Assert.IsType<ButtonLayout.ChoiceList>(ButtonLayout.Arrange(page.Rows, ChannelCapabilities.WhatsApp));
    }

    [Fact]
    public void Page_OnTheLocalChat_IsNeverCut_ForAnyNumberCanBeTyped()
    {
        Assert.Equal(1, Page(600, 2, ChannelCapabilities.Local).Count);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(9, 1)]
    public void Page_ANumberTheListDoesNotHave_IsTheNearestPage(int requested, int shown)
    {
        Assert.Equal(shown, Page(120, requested, ChannelCapabilities.Telegram).Number);
    }
}
