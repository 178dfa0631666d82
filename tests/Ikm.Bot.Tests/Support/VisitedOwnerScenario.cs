using Ikm.TestKit;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests;

using static Ikm.Bot.Tests.Mentoring.EvaluationEndToEndTests;

namespace Ikm.Bot.Tests.Support;

/// <summary>
/// An owner with a distinctive identity inside a running program: registered, approved, diagnosed, assigned to a
/// mentor who logged a visit naming the owner (with a photo, copied under the data directory) and a monthly evaluation.
/// The fake clock ends on Monday 30 November 2026 (WITA), the last working day of the month.
/// </summary>
public sealed class VisitedOwnerScenario
{
    public const string OwnerName = "Wulan Nur'aini Kartodirdjo";
    public const string BusinessName = "Keripik Zulaikha Sejahtera";
    public const string PhoneTyped = "+62 813 9876 5432";
    /// <summary>The subscriber digits: present in every spelling of the number (+62…, 0813…).</summary>
    public const string PhoneDigits = "81398765432";
    public const string MentorName = "Budi Santoso";
    public const string VisitProblem = "Bu " + OwnerName + " belum punya label";
    public const string VisitResult = "20 kemasan berlabel " + BusinessName;
    public static readonly IReadOnlyList<string> Identity = [OwnerName, BusinessName, PhoneDigits];

    private VisitedOwnerScenario(TestUser coordinator, TestUser mentor, TestUser owner, Visit visit, byte[] photo)
    {
        Coordinator = coordinator;
        Mentor = mentor;
        Owner = owner;
        Visit = visit;
        Photo = photo;
    }

    public TestUser Coordinator { get; }
    public TestUser Mentor { get; }
    public TestUser Owner { get; }
    public Visit Visit { get; }
    public byte[] Photo { get; }

    public static async Task<VisitedOwnerScenario> RunAsync(TelegramEmulator emulator, BotUnderTest bot, FakeTimeProvider time, long mentorId, long ownerId)
    {
        var coordinator = await JoinAsCoordinatorAsync(emulator);
        await CreateCohortAsync(coordinator);
        await coordinator.SendTextAsync("/kuesioner diagnosis-singkat.yaml");
        await coordinator.NextReplyAsync();
        var mentor = await InviteAndJoinMentorAsync(emulator, coordinator, mentorId, MentorName);
        var owner = emulator.User(ownerId);
        await OwnerScript.JoinAsOwnerAsync(owner);
        await OwnerScript.RegisterAsync(owner, OwnerName, BusinessName, PhoneTyped);
        await owner.PressAsync("💾 Simpan");
        await owner.NextReplyAsync();
        await ApproveAsync(coordinator);
        await emulator.WaitForMessageAsync(ownerId, m => m.Text!.Contains("diterima di program"));
        owner.SkipReplies();
        await CompleteShortDiagnosisAsync(owner);
        await AssignAsync(coordinator, BusinessName, MentorName);
        await mentor.NextReplyAsync();

        await mentor.PressAsync("📍 Check-in");
        await mentor.NextReplyAsync();
        await mentor.PressAsync(BusinessName);
        await mentor.NextReplyAsync();
        await mentor.ShareLocationAsync(-0.8917, 119.8707);
        await mentor.NextReplyAsync();
        time.Advance(TimeSpan.FromHours(4));
        await mentor.PressAsync("✅ Check-out");
        Assert.Contains("Selesai kunjungan di", (await mentor.NextReplyAsync()).Text);
        await mentor.PressAsync("✅ Ya, selesai");
        await mentor.NextReplyAsync();
        await mentor.NextReplyAsync();
        foreach (var text in new[] { VisitProblem, "Membuat label untuk " + BusinessName, VisitResult, "Hubungi " + PhoneTyped })
        {
            await mentor.SendTextAsync(text);
            await mentor.NextReplyAsync();
        }

        await mentor.PressAsync("Produksi");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("✅ Selesai memilih");
        await mentor.NextReplyAsync();
        var photo = Enumerable.Range(0, 2048).Select(i => (byte)(i % 251)).ToArray();
        emulator.AddFile("photo-erasure-" + ownerId, photo);
        await mentor.SendPhotoAsync("photo-erasure-" + ownerId);
        await mentor.NextReplyAsync();
        await mentor.PressAsync("✅ Selesai");
        Assert.Contains("Logbook tersimpan", (await mentor.NextReplyAsync()).Text);

        time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromHours(4));
        await mentor.PressAsync("📊 Evaluasi bulanan");
        await mentor.NextReplyAsync();
        await mentor.PressAsync(BusinessName);
        await mentor.NextReplyAsync();
        for (var area = 0; area < 3; area++)
            await WriteAreaAsync(mentor, "3", $"{OwnerName} masalah {area}", $"didampingi {area}", $"hasil {area} di {BusinessName}");
        Assert.Contains("tersimpan", (await SaveAsync(mentor)).Text);

        // The owner's own self-assessment of the plan's areas.
        owner.SkipReplies();
        await owner.SendTextAsync("/menu");
        await owner.NextReplyAsync();
        await owner.PressAsync("📝 Penilaian diri");
        for (var step = 0; step < 20; step++)
        {
            var prompt = await owner.NextReplyAsync();
            if (prompt.Text!.Contains("tersimpan")) break;
            if (prompt.HasButton("💾 Simpan")) await owner.PressAsync("💾 Simpan");
            else if (prompt.HasButton("4")) await owner.PressAsync("4");
            else if (prompt.Text.Contains('?')) await owner.SendTextAsync("cukup baik");
        }

        var jobs = bot.App.Services;
        await jobs.GetRequiredService<Ikm.Scheduler.Jobs.PhotoCopyJob>().RunAsync(CancellationToken.None);
        var visit = Assert.Single(await jobs.GetRequiredService<IDocumentStore>().AllAsync<Visit>(CancellationToken.None));
        Assert.NotNull(Assert.Single(visit.Photos).LocalPath);
        owner.SkipReplies();
        mentor.SkipReplies();
        coordinator.SkipReplies();
        return new VisitedOwnerScenario(coordinator, mentor, owner, visit, photo);
    }
}
