using System.Globalization;
using Ikm.Workflow.Flows.Questions;
using Ikm.Workflow.Mentoring;

namespace Ikm.Workflow.Flows.Cohorts;

/// <summary>Between the answers of questionnaires/cohort.yaml (by question id) and the Cohort document, both ways.</summary>
public static class CohortFormMapping
{
    private static IReadOnlyDictionary<string, string> TimeZones => IndonesianTimeZones.ByKey;

    /// <summary>Fields whose values are the coordinator's own words: an edit of them is recorded without the values.</summary>
    public static readonly IReadOnlySet<string> FreeTextFields = new HashSet<string> { "name", "region", "commodities" };

    /// <summary>The stored cohort as the form's answers, so that each field can be changed alone.</summary>
    public static FormProgress Prefill(Cohort cohort) => new() { Answers = Answers(cohort) };

    /// <summary>A cohort as the form's answers (question id → value).</summary>
    public static Dictionary<string, string> Answers(Cohort cohort) => new()
    {
        ["name"] = cohort.Name,
        ["region"] = cohort.Region,
        ["timezone"] = TimeZones.FirstOrDefault(z => z.Value == cohort.TimeZoneId).Key ?? "wib",
        ["start_date"] = cohort.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["duration"] = cohort.DurationMonths.ToString(CultureInfo.InvariantCulture),
        ["min_visits"] = cohort.Rules.MinVisitsPerWeek.ToString(CultureInfo.InvariantCulture),
        ["min_hours"] = cohort.Rules.MinHoursPerVisit.ToString(CultureInfo.InvariantCulture),
        ["max_ikm"] = cohort.Rules.MaxIkmsPerMentor.ToString(CultureInfo.InvariantCulture),
        ["commodities"] = string.Join(", ", cohort.Commodities),
    };

    /// <summary>The form's answers onto a cohort (new or edited); empty optional rules keep the program defaults.</summary>
    public static void Apply(Cohort cohort, IReadOnlyDictionary<string, string> answers)
    {
        int Int(string id, int fallback) => answers.TryGetValue(id, out var v) && int.TryParse(v, CultureInfo.InvariantCulture, out var n) ? n : fallback;
        double Dec(string id, double fallback) => answers.TryGetValue(id, out var v) && double.TryParse(v, CultureInfo.InvariantCulture, out var d) ? d : fallback;

        cohort.Name = answers["name"];
        cohort.Region = answers["region"];
        cohort.TimeZoneId = TimeZones[answers["timezone"]];
        cohort.StartDate = DateOnly.ParseExact(answers["start_date"], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        cohort.DurationMonths = Int("duration", 6);
        cohort.Rules.MinVisitsPerWeek = Int("min_visits", 1);
        cohort.Rules.MinHoursPerVisit = Dec("min_hours", 4);
        cohort.Rules.MaxIkmsPerMentor = Int("max_ikm", 5);
        cohort.Commodities = [.. answers["commodities"].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }
}
