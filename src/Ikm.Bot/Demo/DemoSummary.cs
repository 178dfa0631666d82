using System.Globalization;
using System.Text;
using Ikm.Workflow.Mentoring;

namespace Ikm.Bot.Demo;

/// <summary>The few lines the command prints: messages per role, visits, compliance, escalations, the top of the ranking, the files.</summary>
public static class DemoSummary
{
    public static string Write(DemoRecord record, IReadOnlyList<string> files, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(files);
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"Demo: {DemoCast.CohortName} — {record.Options.Weeks} weeks replayed in {elapsed.TotalSeconds:0.0} s (seed {record.Options.Seed}).");
        var perRole = record.Delivered.GroupBy(m => record.Who(m.ChatId).Role).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Count()}");
        text.AppendLine(culture, $"Messages sent: {record.Delivered.Count} ({string.Join(", ", perRole)}); users' updates: {record.Actions.Count}.");

        var completed = record.Visits.Where(v => v.Status == VisitStatus.Completed).ToList();
        var flags = Enum.GetValues<VisitFlags>().Where(f => f != VisitFlags.None)
            .Select(f => $"{f} {completed.Count(v => v.Flags.HasFlag(f))}");
        text.AppendLine(culture, $"Visits: {completed.Count} completed ({string.Join(", ", flags)}), {completed.Sum(v => v.Duration?.TotalHours ?? 0):0} hours.");
        text.AppendLine(culture, $"Compliance: {Compliance(record, completed):0}% of IKM-weeks had a visit.");

        var alerts = record.Notices("alert-visit").Concat(record.Notices("alert-eval")).ToList();
        var concerned = record.Cast.Owners.Where(o => alerts.Any(a => a.Text.Contains(o.BusinessName, StringComparison.Ordinal))).Select(o => o.BusinessName);
        text.AppendLine(culture,
            $"Escalations: {record.Notices("escalate-visit").Count() + record.Notices("escalate-eval").Count()} to mentors, {alerts.Count} to the coordinator ({string.Join(", ", concerned)}).");
        if (DemoOutputs.Digests(record, "digest-month").OrderBy(d => d.Key, StringComparer.Ordinal).LastOrDefault() is { Value: { } monthly })
        {
            text.AppendLine("Top of the ranking:");
            foreach (var line in monthly.Split('\n').Where(l => l.Length > 2 && char.IsDigit(l[0]) && l[1] == '.').Take(3))
                text.AppendLine(culture, $"  {line}");
        }

        text.AppendLine("Files:");
        foreach (var file in files)
            text.AppendLine(culture, $"  {Path.GetFullPath(file)}");
        return text.ToString();
    }

    /// <summary>The share of IKM-weeks of the program with a completed visit.</summary>
    private static double Compliance(DemoRecord record, IReadOnlyList<Visit> completed)
    {
        var weeks = completed.Select(v => (v.BusinessId, record.Calendar.WeekOf(v.StartedAt))).Distinct().Count();
        return 100.0 * weeks / Math.Max(1, record.Cast.Owners.Count * record.Options.Weeks);
    }
}
