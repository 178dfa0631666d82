using Ikm.Workflow.Messaging;

namespace Ikm.Workflow.Tests.Messaging;

public sealed class ButtonLayoutTests
{
    private static IReadOnlyList<Button> Choices(int count, string prefix = "x") =>
        [.. Enumerable.Range(1, count).Select(i => new Button($"Pilihan {i}", $"{prefix}:{i}"))];

    [Fact]
    public void Arrange_KeepsTheFlowsRows_OnTelegram()
    {
        IReadOnlyList<IReadOnlyList<Button>> menu = [[new("IKM saya", "m:ikms"), new("Check-in", "m:in")], [new("Evaluasi", "m:ev")]];

        var rows = Assert.IsType<ButtonLayout.ButtonRows>(ButtonLayout.Arrange(menu, ChannelCapabilities.Telegram)).Rows;

        Assert.Equal(2, rows.Count);
        Assert.Same(menu[0], rows[0]);
        Assert.Same(menu[1], rows[1]);
    }

    [Fact]
    public void Arrange_WrapsARowLongerThanTheChannelAllows_KeepingTheOrder()
    {
        var rows = Assert.IsType<ButtonLayout.ButtonRows>(ButtonLayout.Arrange([Choices(10)], ChannelCapabilities.Telegram)).Rows;

        Assert.Equal([8, 2], rows.Select(r => r.Count));
        Assert.Equal(Choices(10), rows.SelectMany(r => r));
    }

    [Fact]
    public void Arrange_ShowsFewButtonsAsButtons_OnePerRow_OnWhatsApp()
    {
        IReadOnlyList<IReadOnlyList<Button>> yesNo = [[new("Ya", "vf:home:yes"), new("Tidak", "vf:home:no")]];

        var rows = Assert.IsType<ButtonLayout.ButtonRows>(ButtonLayout.Arrange(yesNo, ChannelCapabilities.WhatsApp)).Rows;

        Assert.Equal([["Ya"], ["Tidak"]], rows.Select(r => r.Select(b => b.Label)));
        Assert.Equal(["vf:home:yes", "vf:home:no"], rows.SelectMany(r => r).Select(b => b.Data));
    }

    [Fact]
    public void Arrange_EllipsizesLabelsOverTheChannelsLength_AndKeepsTheirData()
    {
        IReadOnlyList<IReadOnlyList<Button>> rows = [[new("Kelompok Tenun Ikat Sumba Timur", "vf:ikm:0a1b"), new("Abon Ikan", "vf:ikm:2c3d")]];

        var shown = Assert.IsType<ButtonLayout.ButtonRows>(ButtonLayout.Arrange(rows, ChannelCapabilities.WhatsApp)).Rows.SelectMany(r => r).ToList();

        Assert.Equal(["Kelompok Tenun Ikat…", "Abon Ikan"], shown.Select(b => b.Label));
        Assert.Equal(20, shown[0].Label.Length);
        Assert.Equal(["vf:ikm:0a1b", "vf:ikm:2c3d"], shown.Select(b => b.Data));
    }

    [Fact]
    public void Arrange_TurnsMoreButtonsThanAllowed_IntoAList_WhenTheyFitInOne()
    {
        var list = Assert.IsType<ButtonLayout.ChoiceList>(ButtonLayout.Arrange([Choices(5)], ChannelCapabilities.WhatsApp));

        Assert.Equal(Choices(5), list.Rows);
    }

    [Fact]
    public void Arrange_NumbersTheChoices_WhenThereAreTooManyForAList()
    {
        var choices = Choices(11);

        var numbered = Assert.IsType<ButtonLayout.NumberedChoices>(ButtonLayout.Arrange([.. choices.Select(b => (IReadOnlyList<Button>)[b])], ChannelCapabilities.WhatsApp));

        Assert.Equal(choices, numbered.Choices);
        Assert.Equal("x:11", numbered.At(11)!.Data);
        Assert.Null(numbered.At(0));
        Assert.Null(numbered.At(12));
        Assert.StartsWith("1. Pilihan 1\n2. Pilihan 2\n", numbered.AsText());
        Assert.EndsWith("\n11. Pilihan 11", numbered.AsText());
    }

    [Fact]
    public void Arrange_NumbersTheChoices_OverTelegramsHundredButtons()
    {
        var numbered = Assert.IsType<ButtonLayout.NumberedChoices>(ButtonLayout.Arrange([Choices(60), Choices(41, "y")], ChannelCapabilities.Telegram));

        Assert.Equal(101, numbered.Choices.Count);
    }

    [Fact]
    public void Arrange_NumbersEveryChoice_OnAChannelWithoutButtons()
    {
        var numbered = Assert.IsType<ButtonLayout.NumberedChoices>(ButtonLayout.Arrange([[new("Bahasa Indonesia", "ob:lang:id"), new("English", "ob:lang:en")]], ChannelCapabilities.Local));

        Assert.Equal(["ob:lang:id", "ob:lang:en"], numbered.Choices.Select(b => b.Data));
    }

    [Fact]
    public void Arrange_OfNoButtons_HasNoChoices()
    {
        Assert.IsType<ButtonLayout.NoChoices>(ButtonLayout.Arrange(null, ChannelCapabilities.WhatsApp));
        Assert.IsType<ButtonLayout.NoChoices>(ButtonLayout.Arrange([], ChannelCapabilities.Telegram));
    }

    [Theory]
    [InlineData("Abon Ikan", 20, "Abon Ikan")]
    [InlineData("Abon Ikan Mama Ani Palu", 20, "Abon Ikan Mama Ani…")]
    [InlineData("12345678901234567890", 20, "12345678901234567890")]
    [InlineData("123456789012345678901", 20, "1234567890123456789…")]
    public void Ellipsize_CutsToTheLength_WithAnEllipsis(string label, int max, string expected)
    {
        var shown = ButtonLayout.Ellipsize(label, max);

        Assert.Equal(expected, shown);
        Assert.True(shown.Length <= max);
    }

    [Fact]
    public void Ellipsize_NeverCutsInsideAnEmoji()
    {
        // 18 letters then an emoji of two code units: keeping the emoji would need 21 with the ellipsis.
        var shown = ButtonLayout.Ellipsize("Tenun ikat Sumba 1🧵 dan kain", 20);

        Assert.Equal("Tenun ikat Sumba 1…", shown);
    }
}
