using Ikm.Workflow.Businesses;
using Ikm.Workflow.Questionnaires;
using Ikm.Workflow.Tests.Support;

namespace Ikm.Workflow.Tests.Businesses;

public sealed class BusinessProfileTests
{
    [Fact]
    public void RegistrationYaml_Loads_WithEveryFieldTheBusinessNeeds()
    {
        var questionnaire = TestCatalog.Instance.Registration;

        foreach (var id in new[] { "owner_name", "business_name", "products", "commodity", "commodity_other", "kecamatan", "kelurahan", "location", "phone", "workers", "turnover", "legality", "keeps_books", "has_bank_account", "had_credit" })
            Assert.NotNull(questionnaire.FindQuestion(id));
    }

    [Fact]
    public void Apply_FillsBusiness_AndSkipsCreditWithoutBankAccount()
    {
        var answers = new Dictionary<string, string>
        {
            ["owner_name"] = "Siti Aminah", ["business_name"] = "Abon Mama Ani", ["products"] = "abon tuna",
            ["commodity"] = "lainnya", ["commodity_other"] = "kerajinan rotan", ["kecamatan"] = "Palu Barat", ["kelurahan"] = "Lere",
            ["location"] = "-0.8917,119.8707", ["phone"] = "+6281234567890", ["workers"] = "4", ["turnover"] = "1500000",
            ["legality"] = "nib pirt", ["keeps_books"] = "yes", ["has_bank_account"] = "no", ["had_credit"] = "yes",
        };
        var business = new Business();

        BusinessProfile.Apply(business, answers);

        Assert.Equal("kerajinan rotan", business.Commodity);
        Assert.Equal(1_500_000m, business.MonthlyTurnover);
        Assert.Equal(["nib", "pirt"], business.Legality);
        Assert.Equal(-0.8917, business.Location!.Latitude);
        Assert.Null(business.HadBankCredit);
        var back = BusinessProfile.ToAnswers(business, ["tenun", "abon", "lainnya"]);
        Assert.Equal("lainnya", back["commodity"]);
        Assert.Equal("kerajinan rotan", back["commodity_other"]);
        Assert.Equal("nib pirt", back["legality"]);
    }

    [Fact]
    public void Anonymise_RemovesEverythingPersonal()
    {
        var business = new Business { OwnerUserId = 5, OwnerName = "Siti", BusinessName = "Abon", Phone = "+62812", Kelurahan = "Lere", Commodity = "abon", Workers = 3 };

        BusinessProfile.Anonymise(business, DateTimeOffset.UnixEpoch);

        Assert.Equal(0, business.OwnerUserId);
        Assert.Null(business.OwnerName);
        Assert.Null(business.BusinessName);
        Assert.Null(business.Phone);
        Assert.Null(business.Kelurahan);
        Assert.Equal("abon", business.Commodity);
        Assert.Equal(3, business.Workers);
        Assert.True(business.Anonymised);
    }
}
