using Ikm.Workflow.Flows.Cohorts;
using Ikm.Workflow.Mentoring;

namespace Ikm.Workflow.Tests.Flows.Cohorts;

public sealed class CohortFormMappingTests
{
    [Fact]
    public void Answers_OfACohortTheAnswersWereAppliedTo_AreTheAnswers()
    {
        var answers = new Dictionary<string, string>
        {
            ["name"] = "Pendampingan IKM Palu 2026", ["region"] = "Kota Palu", ["timezone"] = "wit", ["start_date"] = "2026-12-01",
            ["duration"] = "3", ["min_visits"] = "2", ["min_hours"] = "3.5", ["max_ikm"] = "4", ["commodities"] = "abon ikan, bawang goreng",
        };
        var cohort = new Cohort();

        CohortFormMapping.Apply(cohort, answers);

        Assert.Equal(("Asia/Jayapura", new DateOnly(2026, 12, 1), 3.5), (cohort.TimeZoneId, cohort.StartDate, cohort.Rules.MinHoursPerVisit));
        Assert.Equal(["abon ikan", "bawang goreng"], cohort.Commodities);
        Assert.Equal(answers, CohortFormMapping.Answers(cohort));
        Assert.Equal(answers, CohortFormMapping.Prefill(cohort).Answers);
    }

    [Fact]
    public void SkippedOptionalRules_KeepTheProgramDefaults()
    {
        var cohort = new Cohort();

        CohortFormMapping.Apply(cohort, new Dictionary<string, string>
        {
            ["name"] = "Kohort", ["region"] = "Kota Palu", ["timezone"] = "wib", ["start_date"] = "2027-01-04", ["duration"] = "6",
            ["min_visits"] = "", ["commodities"] = " kopi ,, tenun ",
        });

        Assert.Equal((1, 4.0, 5), (cohort.Rules.MinVisitsPerWeek, cohort.Rules.MinHoursPerVisit, cohort.Rules.MaxIkmsPerMentor));
        Assert.Equal(["kopi", "tenun"], cohort.Commodities);
    }

    [Fact]
    public void AZoneTheFormDoesNotOffer_IsShownAsWib() =>
        Assert.Equal("wib", CohortFormMapping.Answers(new Cohort { TimeZoneId = "Asia/Singapore" })["timezone"]);
}
