using static Ikm.Bot.Tests.Support.StoredDrafts;
using Ikm.Bot.Tests.Support;
using Ikm.Scheduler.Jobs;
using Ikm.TestKit;
using Ikm.Workflow.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;
using static Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests;

namespace Ikm.Bot.Tests.Scheduler;

public sealed class CoordinatorReportsTests
{
    [Fact]
    public async Task ReportCommands_AnswerCoordinators_AndRefuseOthers()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s => s.AddSingleton<TimeProvider>(time));
        var coordinator = await JoinAsCoordinatorAsync(emulator);
        await CreateCohortAsync(coordinator);
        var mentor = await InviteAndJoinMentorAsync(emulator, coordinator, 861, "Budi");
        await RegisterOwnerAsync(emulator.User(961));
        await ApproveAsync(coordinator);
        await AssignAsync(coordinator, "Abon Ikan Mama Ani", "Budi");

        await coordinator.SendTextAsync("/ringkasan");
        await coordinator.ExpectPreparingAsync();
        var weekly = await coordinator.NextReportAsync();
        Assert.Contains("📊 Ringkasan mingguan — Pendampingan IKM Palu 2026", weekly.Text);
        Assert.Contains("Kepatuhan per pendamping", weekly.Text);

        await coordinator.SendTextAsync("/terlambat");
        await coordinator.ExpectPreparingAsync();
        var late = await coordinator.NextReportAsync();
        Assert.Contains("Belum dikunjungi minggu ini", late.Text);
        Assert.Contains("• Abon Ikan Mama Ani — Budi", late.Text);

        await coordinator.SendTextAsync("/peringkat");
        await coordinator.ExpectPreparingAsync();
        Assert.Contains("Abon Ikan Mama Ani", (await coordinator.NextReportAsync()).Text);

        await coordinator.SendTextAsync("/ekspor");
        await coordinator.ExpectPreparingAsync();
        Assert.Contains("1 IKM", (await coordinator.NextReportAsync()).Text);
        var workbook = await coordinator.NextReportAsync();
        Assert.Equal("sendDocument", workbook.Method);
        Assert.EndsWith(".xlsx", workbook.FileName);
        // The workbook holds the cohort: the IKM with its owner, mentor and registration figures, and the mentor's load.
        using var xlsx = new MemoryStream(workbook.FileContent!);
        // Sheets in the coordinator's language; figures are number cells and dates date cells (they can be summed and sorted).
        Assert.Equal(["IKM", "Kunjungan", "Evaluasi", "Pendamping", "Audit"], xlsx.GetSheetNames());
        var ikm = Assert.Single(xlsx.Query(useHeaderRow: true, sheetName: "IKM").Cast<IDictionary<string, object?>>());
        Assert.Equal(("Abon Ikan Mama Ani", "Siti Aminah", "Budi", "Palu Barat", "Lere"),
            ((string?)ikm["IKM"], (string?)ikm["Pemilik"], (string?)ikm["Pendamping"], (string?)ikm["Kecamatan"], (string?)ikm["Kelurahan"]));
        Assert.Equal("Abon ikan", ikm["Komoditas"]); // the sentra as people name it, whatever the stored code
        Assert.Equal(4d, Assert.IsType<double>(ikm["Tenaga kerja"]));
        Assert.Equal(1_500_000d, Assert.IsType<double>(ikm["Omzet per bulan (Rp)"]));
        Assert.Equal(new DateTime(2026, 11, 23), Assert.IsType<DateTime>(ikm["Terdaftar"]));
        Assert.Equal(("Tidak", "Ya"), ((string?)ikm["Diagnosis selesai"], (string?)ikm["Rekening bank"]));
        Assert.Empty(xlsx.Query(useHeaderRow: true, sheetName: "Kunjungan"));
        var mentorRow = Assert.Single(xlsx.Query(useHeaderRow: true, sheetName: "Pendamping").Cast<IDictionary<string, object?>>());
        Assert.Equal(("Budi", 1d), ((string?)mentorRow["Pendamping"], Assert.IsType<double>(mentorRow["IKM didampingi"])));

        // /ekspor csv: the same sheets, one CSV each, in one ZIP.
        await coordinator.SendTextAsync("/ekspor csv");
        await coordinator.ExpectPreparingAsync();
        Assert.Contains("1 IKM", (await coordinator.NextReportAsync()).Text);
        var csv = await coordinator.NextReportAsync();
        Assert.Equal("sendDocument", csv.Method);
        Assert.EndsWith("-csv.zip", csv.FileName);
        using (var zip = new System.IO.Compression.ZipArchive(new MemoryStream(csv.FileContent!)))
        {
            Assert.Equal(["IKM.csv", "Kunjungan.csv", "Evaluasi.csv", "Pendamping.csv", "Audit.csv"], zip.Entries.Select(e => e.FullName));
            using var reader = new StreamReader(zip.GetEntry("IKM.csv")!.Open());
            Assert.StartsWith("Peringkat,IKM,Pemilik,", await reader.ReadLineAsync());
            var row = await reader.ReadLineAsync();
            Assert.Contains(",Abon Ikan Mama Ani,Siti Aminah,", row);
            Assert.Contains(",1500000,", row);
        }

        mentor.SkipReplies();
        await mentor.SendTextAsync("/ringkasan");
        Assert.Contains("hanya untuk koordinator", (await mentor.NextReplyAsync()).Text);
    }

    [Fact]
    public async Task Reminder_DuringLogbook_LeavesItsState_AndItsButtonAsksToLeaveOrContinue()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero)); // Monday 08:00 WITA
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s => s.AddSingleton<TimeProvider>(time));
        var (_, mentor) = await AssignedProgramAsync(emulator, 871, "Budi", 971);
        await CheckInAtHouseAsync(mentor);
        time.Advance(TimeSpan.FromHours(4));
        await mentor.PressAsync("✅ Check-out");
        Assert.Contains("Selesai kunjungan di", (await mentor.NextReplyAsync()).Text);
        await mentor.PressAsync("✅ Ya, selesai");
        await mentor.NextReplyAsync();
        await mentor.NextReplyAsync(); // logbook question 1
        await mentor.SendTextAsync("Kemasan mudah sobek");
        Assert.Contains("Apa yang didampingkan", (await mentor.NextReplyAsync()).Text);
        var before = await bot.Store.GetConversationAsync(871, CancellationToken.None);

        var cohortId = (await bot.App.Services.GetRequiredService<IDocumentStore>()
            .AllAsync<Ikm.Workflow.Mentoring.Cohort>(CancellationToken.None)).Single().Id;
        time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)); // the cohort has begun (1 December)
        await bot.App.Services.GetRequiredService<ProgramNotificationsJob>().RunAsync(cohortId, CancellationToken.None);
        var reminder = await mentor.NextReplyAsync();
        Assert.Contains("Pengingat", reminder.Text);
        var after = await bot.Store.GetConversationAsync(871, CancellationToken.None);
        Assert.Equal((before!.Flow, before.State, before.Version), (after!.Flow, after.State, after.Version));

        await mentor.PressAsync("📍 Check-in");
        var ask = await mentor.NextReplyAsync();
        Assert.Contains("belum selesai", ask.Text);
        await mentor.PressAsync("▶️ Lanjutkan");
        Assert.Contains("Apa yang didampingkan", (await mentor.NextReplyAsync()).Text);
        await mentor.SendTextAsync("Memilih standing pouch");
        Assert.Contains("Apa hasilnya", (await mentor.NextReplyAsync()).Text);
        var conversation = await bot.Store.GetConversationAsync(871, CancellationToken.None);
        Assert.Equal("Kemasan mudah sobek", LogbookAnswers(conversation!)["problem"]);
        Assert.Equal("Memilih standing pouch", LogbookAnswers(conversation!)["mentored"]);
    }
}
