using Ikm.Workflow.Parsing;
using Ikm.Workflow.Mentoring.Rules;
using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Questionnaires;
using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Flows.Diagnosis;

/// <summary>The result of a diagnosis as the owner reads it: a bar and score per area, the three weakest, the plan.</summary>
public static class DiagnosisResultCard
{
    public static string Text(TurnContext context, DiagnosisResponse response, DiagnosisResult result)
    {
        var culture = Languages.Culture(context.Language);
        // An owner may be in no cohort yet: the day is read in the program's default zone.
        var completed = ProgramCalendar.For(null).LocalDate(response.CompletedAt ?? context.Now);
        var lines = new List<string>
        {
            context.T(DiagnosisTexts.ResultTitle, IndonesianFormat.Date(completed, context.Language)),
            "",
        };
        foreach (var area in result.Areas)
        {
            var score = area.Score is { } s ? $"{Bar(s)} {s.ToString("0.0", culture)}" : context.T(DiagnosisTexts.NotScored);
            lines.Add($"{area.Area.Label.Get(context.Language)}\n   {score}");
        }

        lines.Add("");
        lines.Add(context.T(DiagnosisTexts.Weakest));
        lines.AddRange(result.Weakest.Select((a, i) => $"{i + 1}. {a.Area.Label.Get(context.Language)}"));
        lines.Add("");
        lines.Add(Plan(context, result));
        return string.Join("\n", lines);
    }

    public static string Plan(TurnContext context, DiagnosisResult result)
    {
        var lines = new List<string> { context.T(DiagnosisTexts.Plan) };
        foreach (var area in result.PlanAreas)
        {
            lines.Add("▸ " + area.Area.Area.Label.Get(context.Language));
            lines.AddRange(area.Topics.Select(t => "   • " + t.Get(context.Language)));
        }

        return string.Join("\n", lines);
    }

    /// <summary>A five-step text bar: ▰▰▰▱▱ for 3.</summary>
    private static string Bar(decimal score)
    {
        var filled = (int)Math.Clamp(Math.Round(score, MidpointRounding.AwayFromZero), 0, 5);
        return new string('▰', filled) + new string('▱', 5 - filled);
    }
}
