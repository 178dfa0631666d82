using System.Globalization;
using System.Text.RegularExpressions;
using Ikm.Bot.Demo;
using Ikm.Bot.Tests.Support;
using Ikm.Workflow.Mentoring;

namespace Ikm.Bot.Tests.Demo;

/// <summary>
/// The demo at reduced size (one mentor, three IKMs, three weeks), replayed in-process through the real host: the
/// transcript's key facts hold, and the same seed writes the same transcript.
/// </summary>
public sealed class ProgramReplayTests
{
    private static DemoOptions Small(string directory, int seed = 11) =>
        new() { DataDirectory = directory, Seed = seed, Weeks = 3, Mentors = 1, IkmsPerMentor = 3 };

    [Fact]
    public async Task Replay_RemindsOnMondaysAt07Wita_EscalatesTheSilentOwnerOnce_DigestsCountTheVisitsMade()
    {
        var directory = BotUnderTest.NewDataDirectory();
        try
        {
            var record = await new ProgramReplay(Small(directory)).RunAsync();
            var files = DemoOutputs.Write(record);

            var reminders = record.Notices("reminder").Select(m => record.Calendar.ToLocal(m.At)).ToList();
            var mondays = Enumerable.Range(0, 4).Select(w => ProgramReplay.FirstMonday.AddDays(7 * w)).ToList();
            Assert.Equal(mondays, reminders.Select(r => DateOnly.FromDateTime(r.DateTime)));
            Assert.All(reminders, r => Assert.Equal((DayOfWeek.Monday, 7, 0, 0), (r.DayOfWeek, r.Hour, r.Minute, r.Second)));

            var silent = record.Cast.Silent.BusinessName;
            Assert.Contains(silent, Assert.Single(record.Notices("escalate-visit")).Text);
            var alert = Assert.Single(record.Notices("alert-visit"));
            Assert.Equal(DemoCast.CoordinatorId, alert.ChatId);
            Assert.Contains(silent, alert.Text);
            Assert.Empty(record.Notices("escalate-eval"));
            Assert.Empty(record.Notices("alert-eval"));

            var weekly = DemoOutputs.Digests(record, "digest-week");
            Assert.Equal(3, weekly.Count);
            var completed = record.Visits.Where(v => v.Status == VisitStatus.Completed).ToList();
            Assert.True(completed.Count >= 5, $"{completed.Count} visits");
            foreach (var (week, text) in weekly)
            {
                var made = completed.Count(v => record.Calendar.WeekOf(v.StartedAt).Label == week);
                var planned = record.Plan.Count(p => IsoWeekLabel(p.Day) == week);
                var digestVisits = int.Parse(Regex.Match(text, @"🚶 Kunjungan: (\d+) dari").Groups[1].Value, CultureInfo.InvariantCulture);
                Assert.Equal(made, digestVisits);
                Assert.Equal(planned, digestVisits);
                Assert.Equal(text + "\n", await File.ReadAllTextAsync(Path.Combine(record.Options.OutputDirectory, $"ringkasan-mingguan-{week}.txt")));
            }

            Assert.Contains(files, f => f.EndsWith(".xlsx", StringComparison.Ordinal) && Path.GetFileName(f).StartsWith("ekspor-", StringComparison.Ordinal));
            var transcript = await File.ReadAllTextAsync(Path.Combine(record.Options.OutputDirectory, DemoOutputs.TranscriptFile));
            Assert.Contains("## Senin, 5 Oktober 2026", transcript);
            Assert.Contains("07:00:00 🤖 → **" + DemoCast.AllSentra[0].MentorName + "** (pendamping):\n  > 📅 Pengingat", transcript);
            Assert.DoesNotMatch(@"start=[A-Za-z0-9_-]", transcript);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Replay_WritesTheSameTranscript_ForTheSameSeed()
    {
        var first = BotUnderTest.NewDataDirectory();
        var second = BotUnderTest.NewDataDirectory();
        try
        {
            var one = TranscriptWriter.Write(await new ProgramReplay(Small(first)).RunAsync());
            var again = TranscriptWriter.Write(await new ProgramReplay(Small(second)).RunAsync());
            var other = TranscriptWriter.Write(await new ProgramReplay(Small(second, seed: 12)).RunAsync());

            Assert.Equal(one, again);
            Assert.NotEqual(one, other);
        }
        finally
        {
            Directory.Delete(first, recursive: true);
            Directory.Delete(second, recursive: true);
        }
    }

    private static string IsoWeekLabel(DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)):D2}");
}
