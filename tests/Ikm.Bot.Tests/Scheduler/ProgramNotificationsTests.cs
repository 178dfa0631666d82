using Ikm.Bot.Tests.Support;
using Ikm.Scheduler.Jobs;
using Ikm.TestKit;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Members;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ikm.Bot.Tests.Scheduler;

/// <summary>
/// Six weeks of a WITA cohort with 2 mentors and 8 IKMs, the notifications job run every hour on a fake clock,
/// with the bot down on the Monday morning of week 4 (06:00–10:00, across the 07:00 reminders and the 08:00 digest):
/// the start-up catch-up alone sends what was missed, once, late; exactly the expected notices, none twice.
/// </summary>
public sealed class ProgramNotificationsTests
{
    private const string CohortId = "c0ffee01";
    private const long MentorA = 601, MentorB = 602, Coordinator = 700;
    private static readonly TimeSpan Wita = TimeSpan.FromHours(8);
    // Monday 2 November 2026, 00:00 WITA.
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 0, 0, 0, Wita);
    // Monday 23 November (2026-W48) 06:00 and 10:00 WITA.
    private const int DownAtHour = 3 * 7 * 24 + 6, BackAtHour = 3 * 7 * 24 + 10;

    [Fact]
    public async Task SixWeeks_SendExactlyTheExpectedNotices_OnLocalDaysAndHours_NoneTwice_AcrossARestart()
    {
        var time = new FakeTimeProvider(Start);
        await using var emulator = await Emulator.StartFastAsync();
        var dataDirectory = BotUnderTest.NewDataDirectory();
        var bot = await BotUnderTest.StartAsync(emulator, dataDirectory: dataDirectory, services: s => s.AddSingleton<TimeProvider>(time));
        var businesses = await SeedAsync(bot);
        var restartAt = DateTimeOffset.MinValue;

        for (var hour = 0; hour < 6 * 7 * 24; hour++)
        {
            var now = Start.AddHours(hour);
            time.SetUtcNow(now);
            if (hour is > DownAtHour and < BackAtHour)
                continue; // the bot is down: no job runs
            if (hour == BackAtHour)
            {
                // In-memory Hangfire forgot its schedule: the start-up catch-up must send the missed 07:00 reminders and
                // the 08:00 digest by itself, late. This hour's job is not run by the test.
                restartAt = DateTimeOffset.UtcNow;
                bot = await BotUnderTest.StartAsync(emulator, dataDirectory: dataDirectory, services: s => s.AddSingleton<TimeProvider>(time));
                await emulator.WaitUntilAsync(() => emulator.SentTo(MentorA).Count(m => m.Text!.Contains("terkirim terlambat, 23–29 Nov")) == 1
                    && emulator.SentTo(MentorB).Count(m => m.Text!.Contains("terkirim terlambat, 23–29 Nov")) == 1
                    && emulator.SentTo(Coordinator).Any(m => m.Text?.Contains("Minggu 16–22 Nov 2026", StringComparison.Ordinal) == true), TimeSpan.FromSeconds(30));
                continue;
            }

            await SeedVisitsAndEvaluationsDueAsync(bot, businesses, now);
            await bot.App.Services.GetRequiredService<ProgramNotificationsJob>().RunAsync(CohortId, CancellationToken.None);
            if (hour == DownAtHour)
                await bot.StopAsync();
        }

        await bot.Dispatcher.WaitForScansAsync(2, TimeSpan.FromSeconds(20));

        var attempts = $"{emulator.Calls.Count(c => c == "sendMessage")} sendMessage calls for {emulator.Sent.Count} messages";
        var timeline = string.Join("\n", emulator.Sent.Select(m => $"{m.At:HH:mm:ss.fff} chat {m.ChatId}: {(m.Text ?? "")[..Math.Min(60, (m.Text ?? "").Length)].ReplaceLineEndings(" ")}"))
            + "\nrestart at " + restartAt.ToString("HH:mm:ss.fff") + "\nretried: " + attempts;
        var toA = emulator.SentTo(MentorA).Select(m => m.Text!).ToList();
        var toB = emulator.SentTo(MentorB).Select(m => m.Text!).ToList();
        var toCoordinator = emulator.SentTo(Coordinator).Select(m => m.Text ?? m.Caption ?? "").ToList();

        Assert.True(6 == toA.Count(t => t.StartsWith("📅 Pengingat")), timeline);
        Assert.DoesNotContain(toA, t => t.StartsWith("👋"));
        Assert.Single(toA, t => t.StartsWith("📊 Hari kerja terakhir bulan November 2026"));
        Assert.True(toA.Count == 7, timeline);

        Assert.True(6 == toB.Count(t => t.StartsWith("📅 Pengingat")), timeline);
        Assert.True(6 == toB.Count(t => t.StartsWith("👋 Sudah Kamis") && t.Contains("Tenun B4")), timeline);
        Assert.Single(toB, t => t.StartsWith("⚠️ Tenun B4 belum dikunjungi selama 2 minggu"));
        Assert.Single(toB, t => t.StartsWith("📊 Hari kerja terakhir bulan November 2026"));
        Assert.Single(toB, t => t.StartsWith("📊 Evaluasi bulan November 2026 belum lengkap: 4 IKM"));
        Assert.Equal(4, toB.Count(t => t.StartsWith("⚠️ Evaluasi bulan November 2026")));
        Assert.True(toB.Count == 19, timeline);

        Assert.Single(toCoordinator, t => t.StartsWith("🚨 Tenun B4 (pendamping: Bu Rina) belum dikunjungi selama 2 minggu"));
        Assert.Equal(4, toCoordinator.Count(t => t.StartsWith("🚨 Evaluasi bulan November 2026")));
        Assert.Equal(5, toCoordinator.Count(t => t.StartsWith("🚨")));
        var shownAs = new Dictionary<string, string>
        {
            ["2026-W45"] = "Minggu 2–8 Nov 2026", ["2026-W46"] = "Minggu 9–15 Nov 2026", ["2026-W47"] = "Minggu 16–22 Nov 2026",
            ["2026-W48"] = "Minggu 23–29 Nov 2026", ["2026-W49"] = "Minggu 30 Nov – 6 Des 2026",
        };
        foreach (var week in new[] { "2026-W45", "2026-W46", "2026-W47", "2026-W48", "2026-W49" })
        {
            var digest = await bot.Store.GetOutboxEntryAsync($"digest-week:{CohortId}:{week}:{Coordinator}", CancellationToken.None);
            Assert.NotNull(digest);
            // W47's digest was due on Monday of W48 at 08:00, while the bot was down: the catch-up sent it at 10:00.
            Assert.Equal((DayOfWeek.Monday, week == "2026-W47" ? 10 : 8), (digest.CreatedAt.ToOffset(Wita).DayOfWeek, digest.CreatedAt.ToOffset(Wita).Hour));
            // Delivered, the stored entry keeps no text (issue 10 retention): what the coordinator got names the week.
            Assert.Equal("", digest.Message.Text);
            Assert.Contains(toCoordinator, t => t.Contains(shownAs[week], StringComparison.Ordinal));
        }

        Assert.Null(await bot.Store.GetOutboxEntryAsync($"digest-week:{CohortId}:2026-W44:{Coordinator}", CancellationToken.None));
        var monthly = await bot.Store.GetOutboxEntryAsync($"digest-month:{CohortId}:2026-11:{Coordinator}", CancellationToken.None);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 0, 0, Wita), monthly!.CreatedAt);
        Assert.NotNull(await bot.Store.GetOutboxEntryAsync($"digest-month:{CohortId}:2026-11:{Coordinator}:xlsx", CancellationToken.None));
        Assert.NotNull(await bot.Store.GetOutboxEntryAsync($"digest-month:{CohortId}:2026-11:{Coordinator}:chart", CancellationToken.None));
        // 5 alerts, 5 weekly digests, the monthly digest with its chart and workbook.
        Assert.Equal(5 + 5 + 3, toCoordinator.Count);
        var sentToCoordinator = emulator.SentTo(Coordinator);
        Assert.Single(sentToCoordinator, m => m.Method == "sendPhoto");
        Assert.Single(sentToCoordinator, m => m.Method == "sendDocument" && m.FileName!.EndsWith(".xlsx", StringComparison.Ordinal));
        // Diagnosed at 2 in production, evaluated at 3 in November by mentor A: the monthly digest shows the change.
        var monthlyText = Assert.Single(toCoordinator, t => t.StartsWith("📈 Ringkasan bulanan", StringComparison.Ordinal));
        Assert.True(monthlyText.Contains("• Manajemen produksi: 2 → 3 (+1; 4 IKM)", StringComparison.Ordinal), monthlyText);

        foreach (var owner in Enumerable.Range(0, 8).Select(i => 900L + i))
            Assert.Single(emulator.SentTo(owner), m => m.Text!.Contains("penilaian diri"));

        // On the right local days and hours: reminders Monday 07:00 WITA, nudges Thursday 07:00, the prompt 30 Nov 09:00.
        var outbox = bot.Store;
        foreach (var week in new[] { "2026-W45", "2026-W46", "2026-W47", "2026-W48", "2026-W49", "2026-W50" })
        {
            var entry = await outbox.GetOutboxEntryAsync($"reminder:{CohortId}:{MentorB}:{week}", CancellationToken.None);
            Assert.NotNull(entry);
            var local = entry.CreatedAt.ToOffset(Wita);
            Assert.Equal((DayOfWeek.Monday, week == "2026-W48" ? 10 : 7), (local.DayOfWeek, local.Hour));
        }

        Assert.Single(toA, t => t.Contains("terkirim terlambat", StringComparison.Ordinal));
        Assert.Single(toB, t => t.Contains("terkirim terlambat", StringComparison.Ordinal));

        var nudge = await outbox.GetOutboxEntryAsync($"nudge:{CohortId}:{MentorB}:2026-W47", CancellationToken.None);
        Assert.Equal((DayOfWeek.Thursday, 7), (nudge!.CreatedAt.ToOffset(Wita).DayOfWeek, nudge.CreatedAt.ToOffset(Wita).Hour));
        var prompt = await outbox.GetOutboxEntryAsync($"eval-prompt:{CohortId}:{MentorA}:2026-11", CancellationToken.None);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 0, 0, Wita), prompt!.CreatedAt);
        await bot.DisposeAsync();
    }

    private static async Task<List<Business>> SeedAsync(BotUnderTest bot)
    {
        var cohort = new Cohort { Id = CohortId, Name = "Palu 2026", Region = "Kota Palu", TimeZoneId = "Asia/Makassar", StartDate = new DateOnly(2026, 11, 2), DurationMonths = 3, CreatedAt = Start };
        var businesses = Enumerable.Range(0, 8).Select(i => new Business
        {
            Id = Guid.NewGuid(),
            OwnerUserId = 900 + i,
            BusinessName = (i < 4 ? "Abon A" : "Tenun B") + (i % 4 + 1),
            Commodity = i < 4 ? "abon" : "tenun",
            Kecamatan = "Palu Barat",
            RegisteredAt = Start,
        }).ToList();
        var documents = new List<DocumentChange> { new(cohort) };
        documents.Add(new(new CohortStaff { Id = CohortStaff.IdFor(CohortId, MentorA), CohortId = CohortId, UserId = MentorA, Role = MemberRole.Mentor, DisplayName = "Pak Budi", JoinedAt = Start }));
        documents.Add(new(new CohortStaff { Id = CohortStaff.IdFor(CohortId, MentorB), CohortId = CohortId, UserId = MentorB, Role = MemberRole.Mentor, DisplayName = "Bu Rina", JoinedAt = Start }));
        documents.Add(new(new CohortStaff { Id = CohortStaff.IdFor(CohortId, Coordinator), CohortId = CohortId, UserId = Coordinator, Role = MemberRole.Coordinator, DisplayName = "Koordinator", JoinedAt = Start }));
        foreach (var (business, i) in businesses.Select((b, i) => (b, i)))
        {
            documents.Add(new(new CohortMembership { Id = $"m{i}", CohortId = CohortId, BusinessId = business.Id, OwnerUserId = business.OwnerUserId, Status = MembershipStatus.Approved, RequestedAt = Start }));
            documents.Add(new(new Assignment { Id = $"a{i}", CohortId = CohortId, BusinessId = business.Id, MentorUserId = i < 4 ? MentorA : MentorB, AssignedAt = Start }));
        }

        var members = new[] { MentorA, MentorB, Coordinator }.Select(id => new Member { UserId = id, ChatId = id, Role = id == Coordinator ? MemberRole.Coordinator : MemberRole.Mentor, JoinedAt = Start })
            .Concat(businesses.Select(b => new Member { UserId = b.OwnerUserId, ChatId = b.OwnerUserId, Role = MemberRole.Owner, JoinedAt = Start }))
            .ToList();
        // Mentor A's four IKMs were diagnosed at 2 in production before the program began.
        var diagnoses = businesses.Take(4).Select(b => new DiagnosisResponse
        {
            Id = Guid.NewGuid(), OwnerUserId = b.OwnerUserId, BusinessId = b.Id, QuestionnaireId = "diagnosis", QuestionnaireVersion = "2025.1",
            Status = DiagnosisStatus.Completed, StartedAt = Start.AddDays(-7), LastAnsweredAt = Start.AddDays(-7), CompletedAt = Start.AddDays(-7),
            AreaScores = new() { ["production"] = 2 },
        }).ToList();
        await bot.Store.CommitAsync([new ChangeSet { Members = members, Documents = [.. documents, .. businesses.Select(d => new DocumentChange(d)), .. diagnoses.Select(d => new DocumentChange(d))] }], CancellationToken.None);
        return businesses;
    }

    /// <summary>Mentor A visits all four IKMs every Tuesday 10:00; mentor B visits three every Wednesday, never "Tenun B4"; A evaluates on 30 Nov.</summary>
    private static async Task SeedVisitsAndEvaluationsDueAsync(BotUnderTest bot, List<Business> businesses, DateTimeOffset now)
    {
        var local = now.ToOffset(Wita);
        var changes = new List<DocumentChange>();
        if (local.Hour == 10 && local.DayOfWeek == DayOfWeek.Tuesday)
            changes.AddRange(businesses.Take(4).Select(b => Visit(b, MentorA, now)));
        if (local.Hour == 10 && local.DayOfWeek == DayOfWeek.Wednesday)
            changes.AddRange(businesses.Skip(4).Take(3).Select(b => Visit(b, MentorB, now)));
        if (local is { Month: 11, Day: 30, Hour: 12 })
            changes.AddRange(businesses.Take(4).Select(b => new DocumentChange(new Evaluation
            {
                Id = $"{b.Id:N}:2026-11:mentor", CohortId = CohortId, BusinessId = b.Id, AuthorUserId = MentorA, Month = "2026-11",
                CompletedAt = now, Areas = [new AreaEvaluation { AreaId = "production", Score = 3 }],
            })));
        if (changes.Count > 0)
            await bot.Store.CommitAsync([new ChangeSet { Documents = changes }], CancellationToken.None);
    }

    private static DocumentChange Visit(Business business, long mentor, DateTimeOffset at) => new(new Visit
    {
        Id = Guid.NewGuid().ToString("N"), CohortId = CohortId, BusinessId = business.Id, MentorUserId = mentor,
        Status = VisitStatus.Completed, StartedAt = at, EndedAt = at.AddHours(4), Problem = "p", Result = "r",
    });
}
