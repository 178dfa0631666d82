using System.Text.RegularExpressions;
using Ikm.Bot.Tests.Support;
using Ikm.TestKit;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Members;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

using static Ikm.Bot.Tests.Mentoring.EvaluationEndToEndTests;

namespace Ikm.Bot.Tests.Mentoring;

/// <summary>
/// The mentoring program through the emulator with a fake clock: a WITA cohort, an invited mentor, an approved owner,
/// an assignment, a check-in 120 m from the production house, check-out 4 h 30 min later, and the logbook with a photo.
/// </summary>
public sealed partial class MentoringProgramEndToEndTests
{
    private const long CoordinatorId = 700;
    // Production house in Palu and a point ~120 m north of it.
    private const double HouseLat = -0.8917, HouseLon = 119.8707;
    private const double NearLat = -0.89062, NearLon = 119.8707;

    [Fact]
    public async Task Program_FromCohortToLogbook_StoresExactlyTheExpectedDocuments()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero)); // Monday 08:00 WITA
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s => s.AddSingleton<TimeProvider>(time));
        var coordinator = await JoinAsCoordinatorAsync(emulator);

        await CreateCohortAsync(coordinator);
        await coordinator.SendTextAsync("/kuesioner diagnosis-singkat.yaml");
        await coordinator.NextReplyAsync();
        var mentor = await InviteAndJoinMentorAsync(emulator, coordinator, 801, "Budi Santoso");
        var owner = emulator.User(901);
        await RegisterOwnerAsync(owner);
        await ApproveAsync(coordinator);
        await emulator.WaitForMessageAsync(901, m => m.Text!.Contains("diterima di program"));
        owner.SkipReplies();
        await CompleteShortDiagnosisAsync(owner);
        await AssignAsync(coordinator, "Abon Ikan Mama Ani", "Budi Santoso");
        Assert.Contains("IKM baru untuk Anda dampingi", (await mentor.NextReplyAsync()).Text);

        // Check in 120 m away.
        await mentor.SendTextAsync("/menu");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("📍 Check-in");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("Abon Ikan Mama Ani");
        var askLocation = await mentor.NextReplyAsync();
        Assert.True(askLocation.HasReplyKey("📍 Kirim lokasi saat ini"));
        await mentor.ShareLocationAsync(NearLat, NearLon);
        var checkedIn = await mentor.NextReplyAsync();
        Assert.Contains("pukul 08:00 WITA", checkedIn.Text);
        Assert.Contains("jarak 120 m", checkedIn.Text);

        // Check out 4 h 30 min later, fill the logbook with a photo.
        time.Advance(TimeSpan.FromMinutes(270));
        await mentor.PressAsync("✅ Check-out");
        Assert.Contains("Selesai kunjungan di", (await mentor.NextReplyAsync()).Text);
        await mentor.PressAsync("✅ Ya, selesai");
        var checkedOut = await mentor.NextReplyAsync();
        Assert.Contains("4 jam 30 menit", checkedOut.Text);
        Assert.Contains("Masalah apa", (await mentor.NextReplyAsync()).Text);
        await mentor.SendTextAsync("Kemasan mudah sobek, belum ada label");
        await mentor.NextReplyAsync();
        await mentor.SendTextAsync("Memilih standing pouch dan membuat label");
        await mentor.NextReplyAsync();
        await mentor.SendTextAsync("20 kemasan baru berlabel");
        await mentor.NextReplyAsync();
        await mentor.SendTextAsync("Daftar PIRT minggu depan");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("Produksi");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("Merek & kemasan");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("✅ Selesai memilih");
        Assert.Contains("Kirim foto", (await mentor.NextReplyAsync()).Text);
        var photoBytes = Enumerable.Range(0, 2048).Select(i => (byte)(i % 251)).ToArray();
        emulator.AddFile("photo-visit-1", photoBytes);
        await mentor.SendPhotoAsync("photo-visit-1");
        Assert.Contains("Foto 1 dari 5", (await mentor.NextReplyAsync()).Text);
        await mentor.PressAsync("✅ Selesai");
        var saved = await mentor.NextReplyAsync();
        Assert.Contains("Logbook tersimpan", saved.Text);
        Assert.Contains("1 foto", saved.Text);

        // A week later, on the last working day of the month: the monthly evaluation of the plan's areas.
        time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(270));
        await mentor.PressAsync("📊 Evaluasi bulanan");
        Assert.Contains("Evaluasi bulan November 2026", (await mentor.NextReplyAsync()).Text);
        await mentor.PressAsync("Abon Ikan Mama Ani");
        var first = await mentor.NextReplyAsync();
        Assert.Contains("Bidang 1 dari 3: Manajemen produksi", first.Text);
        Assert.Contains("Skor diagnosis: 1,0", first.Text);
        var scores = new[] { "3", "4", "2" };
        await mentor.PressAsync(scores[0]);
        var notesCard = await mentor.NextReplyAsync();
        Assert.Contains("Masalah: Kemasan mudah sobek, belum ada label", notesCard.Text);
        Assert.Contains("Hasil: 20 kemasan baru berlabel", notesCard.Text);
        await mentor.SendTextAsync("/kembali");
        Assert.Contains("Skor sekarang", (await mentor.NextReplyAsync()).Text);
        for (var area = 0; area < 3; area++)
        {
            var next = await WriteAreaAsync(mentor, scores[area], $"masalah {area}", $"didampingi {area}", $"hasil {area}");
            if (area < 2) Assert.Contains($"Bidang {area + 2} dari 3", next.Text);
            else Assert.Contains("Ringkasan evaluasi Abon Ikan Mama Ani · November 2026", next.Text);
        }

        Assert.Contains("Evaluasi Abon Ikan Mama Ani bulan November 2026 tersimpan", (await SaveAsync(mentor)).Text);

        // The owner sees the visit and the evaluation.
        owner.SkipReplies();
        await owner.SendTextAsync("/menu");
        await owner.NextReplyAsync();
        await owner.PressAsync("🗓 Kunjungan");
        var visitsView = await owner.NextReplyAsync();
        Assert.Contains("Budi Santoso, 4 jam 30 menit: 20 kemasan baru berlabel", visitsView.Text);
        Assert.Contains("Evaluasi terakhir (November 2026)", visitsView.Text);

        var documents = bot.App.Services.GetRequiredService<IDocumentStore>();
        var cohort = Assert.Single(await documents.AllAsync<Cohort>(CancellationToken.None));
        Assert.Equal("Pendampingan IKM Palu 2026", cohort.Name);
        Assert.Equal("Asia/Makassar", cohort.TimeZoneId);
        Assert.Equal(new DateOnly(2026, 12, 1), cohort.StartDate);
        Assert.Equal(6, cohort.DurationMonths);
        Assert.Equal(5, cohort.Rules.MaxIkmsPerMentor);
        Assert.Equal(["abon ikan", "bawang goreng"], cohort.Commodities);

        var business = await bot.Owners.GetBusinessByOwnerAsync(901, CancellationToken.None);
        var assignment = Assert.Single(await documents.AllAsync<Assignment>(CancellationToken.None));
        Assert.Equal(business!.Id, assignment.BusinessId);
        Assert.Equal(801, assignment.MentorUserId);
        Assert.True(assignment.IsActive);

        var visit = Assert.Single(await documents.AllAsync<Visit>(CancellationToken.None));
        Assert.Equal(VisitStatus.Completed, visit.Status);
        Assert.Equal(TimeSpan.FromMinutes(270), visit.Duration);
        Assert.InRange(visit.DistanceMeters!.Value, 115, 125);
        Assert.Equal(VisitFlags.None, visit.Flags);
        Assert.Equal("Kemasan mudah sobek, belum ada label", visit.Problem);
        Assert.Equal("Daftar PIRT minggu depan", visit.NextStep);
        Assert.Equal(["production", "branding"], visit.Areas);
        Assert.Equal("photo-visit-1", Assert.Single(visit.Photos).FileId);
        var member = await bot.Store.GetMemberAsync(801, CancellationToken.None);
        Assert.Equal(MemberRole.Mentor, member!.Role);

        // A copy of the photo is kept under the data directory.
        await bot.App.Services.GetRequiredService<Ikm.Scheduler.Jobs.PhotoCopyJob>().RunAsync(CancellationToken.None);
        var copied = Assert.Single((await documents.AllAsync<Visit>(CancellationToken.None)).Single().Photos);
        Assert.Equal(photoBytes, await File.ReadAllBytesAsync(Path.Combine(bot.DataDirectory, copied.LocalPath!)));

        // The Hangfire dashboard lists the cohort's recurring job, in the cohort's time zone.
        await bot.App.Services.GetRequiredService<Ikm.Scheduler.Jobs.CohortJobSync>().SyncAsync(CancellationToken.None);
        using var connection = bot.App.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();
        var recurring = Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection);
        var cohortJob = Assert.Single(recurring, j => j.Id == $"cohort:{cohort.Id}:notifications");
        Assert.Equal("Asia/Makassar", cohortJob.TimeZoneId);
        Assert.Contains(recurring, j => j.Id == "open-checkins");

        var evaluation = Assert.Single(await documents.AllAsync<Evaluation>(CancellationToken.None));
        Assert.Equal("2026-11", evaluation.Month);
        Assert.Equal(cohort.Id, evaluation.CohortId);
        Assert.Equal(801, evaluation.AuthorUserId);
        Assert.Equal(["production", "quality", "marketing"], evaluation.Areas.Select(a => a.AreaId));
        Assert.Equal([3, 4, 2], evaluation.Areas.Select(a => a.Score));
        Assert.Equal([2.0, 3.0, 1.0], evaluation.Areas.Select(a => a.DeltaFromDiagnosis!.Value));
        Assert.All(evaluation.Areas, a => Assert.Null(a.DeltaFromPreviousMonth));
        Assert.Equal("didampingi 1", evaluation.Areas[1].Mentored);

        // December's evaluation (last working day: Thursday 31 December) shows and stores the change since November.
        time.SetUtcNow(new DateTimeOffset(2026, 12, 31, 1, 0, 0, TimeSpan.Zero)); // 09:00 WITA
        await mentor.SendTextAsync("/menu");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("📊 Evaluasi bulanan");
        Assert.Contains("Evaluasi bulan Desember 2026", (await mentor.NextReplyAsync()).Text);
        await mentor.PressAsync("Abon Ikan Mama Ani");
        var december = await mentor.NextReplyAsync();
        Assert.Contains("Bidang 1 dari 3: Manajemen produksi", december.Text);
        Assert.Contains("bulan lalu: 3", december.Text);
        string? summary = null;
        foreach (var (score, area) in new[] { "4", "4", "1" }.Select((s, i) => (s, i)))
            summary = (await WriteAreaAsync(mentor, score, $"masalah des {area}", $"didampingi des {area}", $"hasil des {area}")).Text;

        // The summary shows the changes before anything is stored; the saved record says them again.
        Assert.Contains("Ringkasan evaluasi", summary);
        Assert.Contains("• Manajemen produksi: 4 (diagnosis +3,0, bulan lalu +1)", summary);
        Assert.Contains("Masalah: masalah des 0 · Didampingkan: didampingi des 0 · Hasil: hasil des 0", summary);
        var decemberSaved = (await SaveAsync(mentor)).Text;
        Assert.Contains("Evaluasi Abon Ikan Mama Ani bulan Desember 2026 tersimpan", decemberSaved);
        Assert.Contains("• Manajemen produksi: 4 (diagnosis +3,0, bulan lalu +1)", decemberSaved);
        Assert.Contains("bulan lalu 0)", decemberSaved);
        Assert.Contains("bulan lalu -1)", decemberSaved);
        var decemberEvaluation = Assert.Single(await documents.AllAsync<Evaluation>(CancellationToken.None), e => e.Month == "2026-12");
        Assert.Equal([4, 4, 1], decemberEvaluation.Areas.Select(a => a.Score));
        Assert.Equal([1.0, 0.0, -1.0], decemberEvaluation.Areas.Select(a => a.DeltaFromPreviousMonth!.Value));
        Assert.Equal([3.0, 3.0, 0.0], decemberEvaluation.Areas.Select(a => a.DeltaFromDiagnosis!.Value));
    }

    internal static async Task CompleteShortDiagnosisAsync(TestUser owner)
    {
        await owner.SendTextAsync("/menu");
        await owner.NextReplyAsync();
        await owner.PressAsync("🩺 Diagnosis");
        await owner.NextReplyAsync();
        await owner.PressAsync("▶️ Mulai");
        await owner.NextReplyAsync();
        for (var i = 0; i < 10; i++)
        {
            await owner.PressAsync(i == 0 ? "Tidak" : i < 3 ? "Tidak" : "Ya");
            await owner.NextReplyAsync();
        }
    }

    /// <summary>
    /// A coordinator (id 700) with a WITA cohort, one invited mentor and one approved owner whose IKM
    /// "Abon Ikan Mama Ani" is assigned to that mentor; the mentor's assignment notice is read.
    /// </summary>
    internal static async Task<(TestUser Coordinator, TestUser Mentor)> AssignedProgramAsync(TelegramEmulator emulator, long mentorId, string mentorName, long ownerId)
    {
        var coordinator = await JoinAsCoordinatorAsync(emulator);
        await CreateCohortAsync(coordinator);
        var mentor = await InviteAndJoinMentorAsync(emulator, coordinator, mentorId, mentorName);
        await RegisterOwnerAsync(emulator.User(ownerId));
        await ApproveAsync(coordinator);
        await AssignAsync(coordinator, "Abon Ikan Mama Ani", mentorName);
        await mentor.NextReplyAsync();
        return (coordinator, mentor);
    }

    /// <summary>Check-in at the production house registered by the owner script; returns the IKM list message.</summary>
    internal static async Task<SentMessage> CheckInAtHouseAsync(TestUser mentor)
    {
        await mentor.PressAsync("📍 Check-in");
        var list = await mentor.NextReplyAsync();
        await mentor.PressAsync("Abon Ikan Mama Ani");
        await mentor.NextReplyAsync();
        await mentor.ShareLocationAsync(HouseLat, HouseLon);
        await mentor.NextReplyAsync();
        return list;
    }

    internal static async Task<TestUser> JoinAsCoordinatorAsync(TelegramEmulator emulator)
    {
        var coordinator = emulator.User(CoordinatorId);
        await coordinator.SendTextAsync("/start");
        await coordinator.NextReplyAsync();
        await coordinator.PressAsync("Bahasa Indonesia");
        await coordinator.NextReplyAsync();
        await coordinator.PressAsync("Koordinator");
        await coordinator.NextReplyAsync();
        return coordinator;
    }

    internal static async Task CreateCohortAsync(TestUser coordinator, string maxIkm = "lewati", string startDate = "1 Desember 2026")
    {
        await coordinator.PressAsync("🗂 Buat kohort");
        var first = await coordinator.NextReplyAsync();
        Assert.Contains("Nama kohort?", first.Text);
        await coordinator.SendTextAsync("Pendampingan IKM Palu 2026");
        await coordinator.NextReplyAsync();
        await coordinator.SendTextAsync("Kota Palu");
        await coordinator.NextReplyAsync();
        await coordinator.PressAsync("WITA (Makassar)");
        await coordinator.NextReplyAsync();
        await coordinator.SendTextAsync(startDate);
        await coordinator.NextReplyAsync();
        await coordinator.SendTextAsync("6");
        await coordinator.NextReplyAsync();
        await coordinator.SendTextAsync("lewati");
        await coordinator.NextReplyAsync();
        await coordinator.SendTextAsync("lewati");
        await coordinator.NextReplyAsync();
        await coordinator.SendTextAsync(maxIkm);
        await coordinator.NextReplyAsync();
        await coordinator.SendTextAsync("abon ikan, bawang goreng");
        Assert.Contains("Kohort \"Pendampingan IKM Palu 2026\" dibuat", (await coordinator.NextReplyAsync()).Text);
    }

    /// <summary>A second (or later) cohort in WITA from the coordinator menu's "➕ Kohort baru", with the program's default rules.</summary>
    internal static async Task CreateAnotherCohortAsync(TestUser coordinator, string name, string region)
    {
        await coordinator.SendTextAsync("/menu");
        await coordinator.NextReplyAsync();
        await coordinator.PressAsync("🗂 Buat kohort");
        await coordinator.NextReplyAsync();
        await coordinator.PressAsync("➕ Kohort baru");
        await coordinator.NextReplyAsync();
        foreach (var answer in new[] { name, region })
        {
            await coordinator.SendTextAsync(answer);
            await coordinator.NextReplyAsync();
        }

        await coordinator.PressAsync("WITA (Makassar)");
        await coordinator.NextReplyAsync();
        foreach (var answer in new[] { "1/3/2027", "12", "lewati", "lewati", "lewati" })
        {
            await coordinator.SendTextAsync(answer);
            await coordinator.NextReplyAsync();
        }

        await coordinator.SendTextAsync("olahan ikan");
        Assert.Contains($"Kohort \"{name}\" dibuat", (await coordinator.NextReplyAsync()).Text);
    }

    internal static async Task<string> InviteAsync(TestUser coordinator, string role, string name, string? cohortName = null)
    {
        await coordinator.SendTextAsync($"/undang {role} {name}");
        var invite = await coordinator.NextReplyAsync();
        if (cohortName is not null)
        {
            Assert.Contains("Pilih kohort", invite.Text);
            await coordinator.PressAsync(cohortName);
            invite = await coordinator.NextReplyAsync();
        }

        var match = Regex.Match(invite.Text!, @"https://t\.me/IkmTestBot\?start=([A-Za-z0-9_-]{22})");
        Assert.True(match.Success, invite.Text);
        return match.Groups[1].Value;
    }

    internal static async Task<TestUser> InviteAndJoinMentorAsync(TelegramEmulator emulator, TestUser coordinator, long id, string name)
    {
        var token = await InviteAsync(coordinator, "mentor", name);
        var mentor = emulator.User(id);
        await mentor.SendTextAsync("/start " + token);
        var welcome = await mentor.NextReplyAsync();
        Assert.Contains($"sebagai pendamping, {name}", welcome.Text);
        Assert.True(welcome.HasButton("📍 Check-in"));
        return mentor;
    }

    internal static async Task RegisterOwnerAsync(TestUser owner)
    {
        await OwnerScript.JoinAsOwnerAsync(owner);
        await OwnerScript.RegisterAsync(owner);
        await owner.PressAsync("💾 Simpan");
        await owner.NextReplyAsync();
    }

    internal static async Task ApproveAsync(TestUser coordinator)
    {
        Assert.Contains("menunggu persetujuan", (await coordinator.NextReplyAsync()).Text);
        await coordinator.PressAsync("⏳ Persetujuan");
        await coordinator.NextReplyAsync();
        await coordinator.PressAsync("✅ Pendampingan IKM Palu 2026");
        Assert.Contains("diterima di kohort", (await coordinator.NextReplyAsync()).Text);
    }

    internal static async Task AssignAsync(TestUser coordinator, string business, string mentor)
    {
        await coordinator.SendTextAsync("/tugaskan");
        await coordinator.NextReplyAsync();
        await coordinator.PressAsync(business);
        await coordinator.NextReplyAsync();
        await coordinator.PressAsync(mentor);
        Assert.Contains("sekarang didampingi " + mentor, (await coordinator.NextReplyAsync()).Text);
    }
}
