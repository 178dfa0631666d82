using Ikm.Workflow.Messaging;

namespace Ikm.Bot.Demo;

/// <summary>
/// Writes what the coordinator received into the output directory: each weekly and monthly digest's text as sent
/// (ringkasan-mingguan-2026-W41.txt, ringkasan-bulanan-2026-10.txt) beside the chart and workbooks the recording sender
/// saved, and transcript.md. Returns the files, sorted.
/// </summary>
public static class DemoOutputs
{
    public const string TranscriptFile = "transcript.md";

    public static IReadOnlyList<string> Write(DemoRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var directory = record.Options.OutputDirectory;
        Directory.CreateDirectory(directory);
        WriteDigests(record, "digest-week", "ringkasan-mingguan", directory);
        WriteDigests(record, "digest-month", "ringkasan-bulanan", directory);
        File.WriteAllText(Path.Combine(directory, TranscriptFile), TranscriptWriter.Write(record));
        return [.. Directory.GetFiles(directory).Order(StringComparer.Ordinal)];
    }

    /// <summary>The digest texts by period ("digest-week:{cohort}:{week}:{coordinator}", long ones in parts ":p2"…).</summary>
    public static IReadOnlyDictionary<string, string> Digests(DemoRecord record, string kind)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Notices(kind)
            .Where(m => m.Kind == OutgoingKind.Text && m.ChatId == DemoCast.CoordinatorId)
            .GroupBy(m => m.OutboxId.Split(':')[2])
            .ToDictionary(g => g.Key, g => string.Join("\n", g.OrderBy(m => m.Sequence).Select(m => m.Text)));
    }

    private static void WriteDigests(DemoRecord record, string kind, string stem, string directory)
    {
        foreach (var (period, text) in Digests(record, kind))
            File.WriteAllText(Path.Combine(directory, $"{stem}-{period}.txt"), text + "\n");
    }
}
