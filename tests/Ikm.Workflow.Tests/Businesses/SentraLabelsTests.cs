using Ikm.Workflow.Businesses;
using Ikm.Workflow.Tests.Support;

namespace Ikm.Workflow.Tests.Businesses;

public sealed class SentraLabelsTests
{
    private static readonly SentraLabels Sentra = new(TestCatalog.Instance);

    [Theory]
    [InlineData("abon", "id", "Abon ikan")]
    [InlineData("abon", "en", "Fish floss")]
    [InlineData("kelor", "id", "Olahan kelor")]
    [InlineData("kerajinan rotan", "id", "kerajinan rotan")]
    [InlineData("", "id", "-")]
    public void Of_NamesAStoredSentra_AsPeopleReadIt(string stored, string language, string expected) =>
        Assert.Equal(expected, Sentra.Of(stored, language));

    [Fact]
    public void Same_MatchesACodeAndTheCohortsWordsForIt() =>
        Assert.True(Sentra.Same("abon", "abon ikan") && !Sentra.Same("abon", "kopi"));

    [Fact]
    public void RegistrationFor_OffersTheCohortsSentra_KeepingKnownValues_AndStoresTheWords()
    {
        var form = Sentra.RegistrationFor(["Abon ikan", "kelor", "rotan"]);
        var choices = form.FindQuestion(SentraLabels.QuestionId)!.Choices;

        Assert.Equal(["abon", "s2", "s3", "lainnya"], choices.Select(c => c.Value));
        Assert.Equal(["Abon ikan", "kelor", "rotan", "Lainnya"], choices.Select(c => c.Label.Get("id")));
        Assert.Equal("kelor", Sentra.ToStored(form, new Dictionary<string, string> { ["commodity"] = "s2" })["commodity"]);
        Assert.Equal("abon", Sentra.ToStored(form, new Dictionary<string, string> { ["commodity"] = "abon" })["commodity"]);
    }

    [Fact]
    public void ToForm_FindsTheCohortsChoice_AndPutsASentraOffTheListUnderOther()
    {
        var form = Sentra.RegistrationFor(["kelor"]);

        Assert.Equal("s1", Sentra.ToForm(form, new Dictionary<string, string> { ["commodity"] = "lainnya", ["commodity_other"] = "kelor" }, "id")["commodity"]);
        var off = Sentra.ToForm(form, new Dictionary<string, string> { ["commodity"] = "kopi" }, "id");
        Assert.Equal(("lainnya", "Kopi"), (off["commodity"], off["commodity_other"]));
    }

    [Fact]
    public void RegistrationFor_WithoutAList_IsTheRegistrationFile() =>
        Assert.Same(TestCatalog.Instance.Registration, Sentra.RegistrationFor(null));
}
