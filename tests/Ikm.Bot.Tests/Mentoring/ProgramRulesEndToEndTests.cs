using static Ikm.Bot.Tests.Support.StoredDrafts;
using Ikm.Bot.Tests.Support;
using Ikm.TestKit;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Mentoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests;

namespace Ikm.Bot.Tests.Mentoring;

/// <summary>Capacity, distance flag, retro visit, invites that expired or were used, and server-side authorization.</summary>
public sealed class ProgramRulesEndToEndTests
{
    [Fact]
    public async Task Assign_RefusesBeyondCapacity()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var coordinator = await JoinAsCoordinatorAsync(emulator);
        await CreateCohortAsync(coordinator, maxIkm: "1");
        await InviteAndJoinMentorAsync(emulator, coordinator, 811, "Rina");
        await RegisterOwnerAsync(emulator.User(911));
        await ApproveAsync(coordinator);
        await AssignAsync(coordinator, "Abon Ikan Mama Ani", "Rina");
        await RegisterOwnerAsync(emulator.User(912));
        await ApproveAsync(coordinator);

        await coordinator.SendTextAsync("/tugaskan");
        var list = await coordinator.NextReplyAsync();
        var unassigned = list.InlineButtons.SelectMany(r => r).Single(b => b.Text.EndsWith("—"));
        await coordinator.PressDataAsync(unassigned.CallbackData, list.MessageId);
        await coordinator.NextReplyAsync();
        await coordinator.PressAsync("Rina");
        var refusal = await coordinator.NextReplyAsync();

        Assert.Contains("sudah mendampingi 1 IKM; batas kohort ini 1", refusal.Text);
        var documents = bot.App.Services.GetRequiredService<IDocumentStore>();
        Assert.Single(await documents.AllAsync<Assignment>(CancellationToken.None));
    }

    [Fact]
    public async Task CheckIn_FarFromHouse_AsksReasonAndFlags_AndRetroVisitIsMarked()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s => s.AddSingleton<TimeProvider>(time));
        var (_, mentor) = await AssignedProgramAsync(emulator, 821, "Dewi", 921);

        await mentor.PressAsync("📍 Check-in");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("Abon Ikan Mama Ani");
        await mentor.NextReplyAsync();
        await mentor.SendTextAsync("sudah sampai");
        Assert.Contains("Untuk check-in diperlukan lokasi", (await mentor.NextReplyAsync()).Text);
        await mentor.ShareLocationAsync(-0.9017, 119.8707); // ~1.1 km south
        var ask = await mentor.NextReplyAsync();
        Assert.Contains("Anda berjarak 1.1 km", ask.Text);
        await mentor.SendTextAsync("Pendampingan di pasar tempat IKM berjualan");
        Assert.Contains("Check-in tercatat", (await mentor.NextReplyAsync()).Text);

        time.Advance(TimeSpan.FromHours(2));
        await mentor.SendTextAsync("/checkout");
        Assert.Contains("Di bawah minimal 4 jam", (await mentor.NextReplyAsync()).Text);
        await mentor.NextReplyAsync();
        foreach (var answer in new[] { "a1", "b2", "c3", "d4" })
        {
            await mentor.SendTextAsync(answer);
            await mentor.NextReplyAsync();
        }

        await mentor.PressAsync("Produksi");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("✅ Selesai memilih");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("✅ Selesai");
        var saved = await mentor.NextReplyAsync();
        Assert.Contains("jauh dari rumah produksi", saved.Text);
        Assert.Contains("di bawah jam minimal", saved.Text);

        // Retro visit, logged afterwards.
        await mentor.PressAsync("📝 Kunjungan susulan");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("Abon Ikan Mama Ani");
        await mentor.NextReplyAsync();
        await mentor.SendTextAsync("30 Desember 2026");
        Assert.Contains("tidak boleh di masa depan", (await mentor.NextReplyAsync()).Text);
        await mentor.SendTextAsync("20/11/2026");
        await mentor.NextReplyAsync();
        await mentor.SendTextAsync("banyak");
        Assert.Contains("antara 0,5 dan 12", (await mentor.NextReplyAsync()).Text);
        await mentor.SendTextAsync("4,5");
        await mentor.NextReplyAsync();
        foreach (var answer in new[] { "a", "b", "c", "d" })
        {
            await mentor.SendTextAsync(answer);
            await mentor.NextReplyAsync();
        }

        await mentor.PressAsync("Mutu");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("✅ Selesai memilih");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("✅ Selesai");
        Assert.Contains("kunjungan susulan", (await mentor.NextReplyAsync()).Text);

        var documents = bot.App.Services.GetRequiredService<IDocumentStore>();
        var visits = (await documents.AllAsync<Visit>(CancellationToken.None)).OrderBy(v => v.StartedAt).ToList();
        Assert.Equal(2, visits.Count);
        Assert.Equal(VisitFlags.Retro, visits[0].Flags);
        Assert.Equal(TimeSpan.FromHours(4.5), visits[0].Duration);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 1, 0, 0, TimeSpan.Zero), visits[0].StartedAt); // 09:00 WITA
        Assert.Equal(VisitFlags.FarFromProductionHouse | VisitFlags.Short, visits[1].Flags);
        Assert.Equal("Pendampingan di pasar tempat IKM berjualan", visits[1].DistanceReason);
        Assert.InRange(visits[1].DistanceMeters!.Value, 1050, 1150);
    }

    [Fact]
    public async Task Invite_ExpiredOrReused_GetsClearReply_AndCoordinatorCanRevoke()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s => s.AddSingleton<TimeProvider>(time));
        var coordinator = await JoinAsCoordinatorAsync(emulator);
        await CreateCohortAsync(coordinator);

        var used = await InviteAsync(coordinator, "mentor", "Agus");
        await emulator.User(831).SendTextAsync("/start " + used);
        await emulator.User(831).NextReplyAsync();
        var other = emulator.User(832);
        await other.SendTextAsync("/start " + used);
        Assert.Contains("sudah dipakai", (await other.NextReplyAsync()).Text);

        var expiring = await InviteAsync(coordinator, "mentor", "Sari");
        time.Advance(TimeSpan.FromDays(8));
        await other.SendTextAsync("/start " + expiring);
        Assert.Contains("kedaluwarsa", (await other.NextReplyAsync()).Text);

        await other.SendTextAsync("/start AAAAAAAAAAAAAAAAAAAAAA");
        Assert.Contains("tidak dikenal", (await other.NextReplyAsync()).Text);

        var revoked = await InviteAsync(coordinator, "koordinator", "Pak Hisam");
        await coordinator.SendTextAsync("/undangan");
        var list = await coordinator.NextReplyAsync();
        Assert.Contains("Pak Hisam", list.Text);
        await coordinator.PressAsync("🚫 Cabut Pak Hisam");
        Assert.Contains("dicabut", (await coordinator.NextReplyAsync()).Text);
        await other.SendTextAsync("/start " + revoked);
        Assert.Contains("sudah dicabut", (await other.NextReplyAsync()).Text);
        Assert.Null(await bot.Store.GetMemberAsync(832, CancellationToken.None));
    }

    [Fact]
    public async Task Authorization_IsCheckedOnTheServer_ForEveryRole()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var coordinator = await JoinAsCoordinatorAsync(emulator);
        await CreateCohortAsync(coordinator);
        var budi = await InviteAndJoinMentorAsync(emulator, coordinator, 841, "Budi");
        var rina = await InviteAndJoinMentorAsync(emulator, coordinator, 842, "Rina");
        await RegisterOwnerAsync(emulator.User(941));
        await ApproveAsync(coordinator);
        await AssignAsync(coordinator, "Abon Ikan Mama Ani", "Budi");
        await budi.NextReplyAsync();
        var business = await bot.Owners.GetBusinessByOwnerAsync(941, CancellationToken.None);

        // A mentor without IKMs, then with her own IKM, forging Budi's IKM id in the check-in list.
        await rina.PressAsync("📍 Check-in");
        Assert.Contains("Belum ada IKM yang ditugaskan", (await rina.NextReplyAsync()).Text);
        await RegisterOwnerAsync(emulator.User(942));
        await ApproveAsync(coordinator);
        await coordinator.SendTextAsync("/tugaskan");
        var list = await coordinator.NextReplyAsync();
        var unassigned = list.InlineButtons.SelectMany(r => r).Single(b => b.Text.EndsWith("—"));
        await coordinator.PressDataAsync(unassigned.CallbackData, list.MessageId);
        await coordinator.NextReplyAsync();
        await coordinator.PressAsync("Rina");
        await coordinator.NextReplyAsync();
        await rina.NextReplyAsync();
        await rina.SendTextAsync("/menu");
        var menu = await rina.NextReplyAsync();
        await rina.PressAsync("📍 Check-in");
        var own = await rina.NextReplyAsync();
        Assert.Single(own.InlineButtons.SelectMany(r => r));
        await rina.PressDataAsync($"vf:ikm:{business!.Id:N}", own.MessageId);
        Assert.Contains("tidak ditugaskan kepada Anda", (await rina.NextReplyAsync()).Text);

        // An owner pressing coordinator and mentor buttons, and typing coordinator commands.
        var owner = emulator.User(941);
        owner.SkipReplies();
        await owner.SendTextAsync("/menu");
        var ownerMenu = await owner.NextReplyAsync();
        await owner.PressDataAsync("as:start", ownerMenu.MessageId);
        Assert.Contains("hanya untuk koordinator", (await owner.NextReplyAsync()).Text);
        await owner.PressDataAsync("ap:list", ownerMenu.MessageId);
        Assert.Contains("hanya untuk koordinator", (await owner.NextReplyAsync()).Text);
        await owner.SendTextAsync("/undang mentor Palsu");
        Assert.Contains("hanya untuk koordinator", (await owner.NextReplyAsync()).Text);
        await owner.PressDataAsync("vs:in", ownerMenu.MessageId);
        Assert.Contains("hanya untuk pendamping", (await owner.NextReplyAsync()).Text);
        await owner.PressDataAsync("menu:cohort", ownerMenu.MessageId);
        Assert.Contains("hanya untuk koordinator", (await owner.NextReplyAsync()).Text);

        // A mentor cannot assign.
        await budi.PressDataAsync("as:start", menu.MessageId);
        Assert.Contains("hanya untuk koordinator", (await budi.NextReplyAsync()).Text);

        var documents = bot.App.Services.GetRequiredService<IDocumentStore>();
        Assert.Empty(await documents.AllAsync<Visit>(CancellationToken.None));
        Assert.Equal(2, (await documents.AllAsync<Assignment>(CancellationToken.None)).Count);
    }
}

public sealed class OpenCheckInEndToEndTests
{
    [Fact]
    public async Task OpenCheckIn_PastTwelveHours_IsPromptedOnce_AndClosedWithTheRealEndTime()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero)); // 08:00 WITA
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s => s.AddSingleton<TimeProvider>(time));
        var (_, mentor) = await AssignedProgramAsync(emulator, 851, "Yusuf", 951);
        // The owner skipped the location question: no production house location is stored.
        var registered = (await bot.Owners.GetBusinessByOwnerAsync(951, CancellationToken.None))!;
        registered.Location = null;
        await bot.Store.CommitAsync([new Ikm.Workflow.Storage.ChangeSet { Businesses = [registered] }], CancellationToken.None);

        await mentor.PressAsync("📍 Check-in");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("Abon Ikan Mama Ani");
        await mentor.NextReplyAsync();
        await mentor.ShareLocationAsync(-0.8917, 119.8707);
        Assert.Contains("belum tercatat", (await mentor.NextReplyAsync()).Text);
        await mentor.PressAsync("✅ Ya");
        Assert.Contains("Check-in tercatat", (await mentor.NextReplyAsync()).Text);

        var scan = bot.App.Services.GetRequiredService<Ikm.Scheduler.Jobs.OpenCheckInScanJob>();
        time.Advance(TimeSpan.FromHours(11));
        await scan.RunAsync(CancellationToken.None); // 19:00: not yet due
        time.Advance(TimeSpan.FromHours(2));
        await scan.RunAsync(CancellationToken.None); // 21:00: due, but quiet hours hold it until 06:00
        await scan.RunAsync(CancellationToken.None);
        await bot.Dispatcher.WaitForScansAsync(2, TimeSpan.FromSeconds(5));
        Assert.DoesNotContain(emulator.SentTo(851), m => m.Text!.Contains("belum ditutup"));
        time.Advance(TimeSpan.FromHours(9));
        var prompt = await mentor.NextReplyAsync(TimeSpan.FromSeconds(15));
        await scan.RunAsync(CancellationToken.None);
        Assert.Contains("belum ditutup", prompt.Text);
        await bot.Dispatcher.WaitForScansAsync(2, TimeSpan.FromSeconds(5));
        Assert.Single(emulator.SentTo(851), m => m.Text!.Contains("belum ditutup"));

        await mentor.PressAsync("✅ Tutup check-in");
        Assert.Contains("Jam berapa kunjungan sebenarnya selesai", (await mentor.NextReplyAsync()).Text);
        await mentor.SendTextAsync("jam lima");
        Assert.Contains("15:30", (await mentor.NextReplyAsync()).Text);
        await mentor.SendTextAsync("12.30");
        Assert.Contains("4 jam, 30 menit", (await mentor.NextReplyAsync()).Text);

        var documents = bot.App.Services.GetRequiredService<IDocumentStore>();
        var visit = Assert.Single(await documents.AllAsync<Visit>(CancellationToken.None));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 4, 30, 0, TimeSpan.Zero), visit.EndedAt); // 12:30 WITA
        Assert.True(visit.Flags.HasFlag(VisitFlags.ForgottenCheckOut));
        var business = await bot.Owners.GetBusinessByOwnerAsync(951, CancellationToken.None);
        Assert.Equal(-0.8917, business!.Location!.Latitude, 4);
    }
}

public sealed class CohortEditEndToEndTests
{
    [Fact]
    public async Task EditCohort_ChangesOneField_AndKeepsTheRest()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var coordinator = await JoinAsCoordinatorAsync(emulator);
        await CreateCohortAsync(coordinator);

        await coordinator.SendTextAsync("/menu");
        await coordinator.NextReplyAsync();
        await coordinator.PressAsync("🗂 Buat kohort");
        var choose = await coordinator.NextReplyAsync();
        Assert.True(choose.HasButton("➕ Kohort baru"));
        await coordinator.PressAsync("✏️ Pendampingan IKM Palu 2026");
        var summary = await coordinator.NextReplyAsync();
        Assert.Contains("IKM/pendamping: 5", summary.Text);
        await coordinator.PressAsync("✏️ IKM/pendamping");
        Assert.Contains("Maksimal IKM per pendamping", (await coordinator.NextReplyAsync()).Text);
        await coordinator.SendTextAsync("100");
        Assert.Contains("Antara 1 dan 50 IKM", (await coordinator.NextReplyAsync()).Text);
        await coordinator.SendTextAsync("4");
        Assert.Contains("IKM/pendamping: 4", (await coordinator.NextReplyAsync()).Text);
        await coordinator.PressAsync("💾 Simpan");
        Assert.Contains("diperbarui", (await coordinator.NextReplyAsync()).Text);

        var documents = bot.App.Services.GetRequiredService<IDocumentStore>();
        var cohort = Assert.Single(await documents.AllAsync<Cohort>(CancellationToken.None));
        Assert.Equal(4, cohort.Rules.MaxIkmsPerMentor);
        Assert.Equal("Asia/Makassar", cohort.TimeZoneId);
        Assert.Equal(["abon ikan", "bawang goreng"], cohort.Commodities);
    }
}

public sealed class CrossUserNoticeTests
{
    [Fact]
    public async Task NoticeToAnotherUser_IsInThatUsersLanguage()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var coordinator = emulator.User(700, "Sarah", "en");
        await coordinator.SendTextAsync("/start");
        await coordinator.NextReplyAsync();
        await coordinator.PressAsync("🇬🇧 English");
        await coordinator.NextReplyAsync();
        await coordinator.PressAsync("📋 Coordinator");
        await coordinator.NextReplyAsync();

        await RegisterOwnerAsync(emulator.User(981)); // the owner speaks Bahasa Indonesia

        var notice = await coordinator.NextReplyAsync();
        Assert.Contains("A new IKM registration awaits approval: Abon Ikan Mama Ani", notice.Text);
        Assert.True(notice.HasButton("⏳ Approvals"));
    }
}

public sealed class SeveralCohortsTests
{
    [Fact]
    public async Task InviteAndReports_AskWhichCohort_WhenThereAreSeveral()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var coordinator = await JoinAsCoordinatorAsync(emulator);
        await CreateCohortAsync(coordinator);
        await CreateAnotherCohortAsync(coordinator, "Pendampingan Lombok Timur", "Lombok Timur");

        await coordinator.SendTextAsync("/undang mentor Lale Ira");
        Assert.Contains("Pilih kohort", (await coordinator.NextReplyAsync()).Text);
        await coordinator.PressAsync("Pendampingan Lombok Timur");
        Assert.Contains("kohort Pendampingan Lombok Timur", (await coordinator.NextReplyAsync()).Text);

        await coordinator.SendTextAsync("/ringkasan");
        await coordinator.NextReplyAsync();
        await coordinator.PressAsync("Pendampingan Lombok Timur");
        await coordinator.ExpectPreparingAsync();
        Assert.Contains("Ringkasan mingguan — Pendampingan Lombok Timur", (await coordinator.NextReportAsync()).Text);

        var documents = bot.App.Services.GetRequiredService<IDocumentStore>();
        var lombok = (await documents.AllAsync<Cohort>(CancellationToken.None)).Single(c => c.Region == "Lombok Timur");
        var invite = Assert.Single(await documents.AllAsync<Invite>(CancellationToken.None));
        Assert.Equal(lombok.Id, invite.CohortId);
        Assert.Equal("Lale Ira", invite.Label);
    }
}

public sealed class LogbookResumeTests
{
    [Fact]
    public async Task Logbook_SurvivesRestartAndCancel_AndAStaleButtonChangesNothing()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        await using var emulator = await Emulator.StartFastAsync();
        var dataDirectory = BotUnderTest.NewDataDirectory();
        var first = await BotUnderTest.StartAsync(emulator, dataDirectory: dataDirectory, services: s => s.AddSingleton<TimeProvider>(time));
        var (_, mentor) = await AssignedProgramAsync(emulator, 891, "Budi", 991);
        var list = await CheckInAtHouseAsync(mentor);
        time.Advance(TimeSpan.FromHours(4));
        await mentor.PressAsync("✅ Check-out");
        await mentor.NextReplyAsync();
        await mentor.NextReplyAsync();
        await mentor.SendTextAsync("Kemasan mudah sobek");
        Assert.Contains("Apa yang didampingkan", (await mentor.NextReplyAsync()).Text);

        // Restart in the middle of the logbook: the next answer goes to the same question.
        await first.StopAsync();
        await using var second = await BotUnderTest.StartAsync(emulator, dataDirectory: dataDirectory, services: s => s.AddSingleton<TimeProvider>(time));
        await mentor.SendTextAsync("Memilih standing pouch");
        Assert.Contains("Apa hasilnya", (await mentor.NextReplyAsync()).Text);

        // A stale button (the IKM list of the check-in) changes nothing.
        await mentor.PressDataAsync(list.InlineButtons[0][0].CallbackData, list.MessageId);
        var stale = await mentor.NextReplyAsync();
        Assert.Contains("Apa hasilnya", stale.Text);

        // /batal, then a new check-in is refused until the logbook is finished; Check-out resumes it.
        await mentor.SendTextAsync("/batal");
        Assert.Contains("dibatalkan", (await mentor.NextReplyAsync()).Text);
        await mentor.PressAsync("📍 Check-in");
        Assert.Contains("Logbook kunjungan di Abon Ikan Mama Ani belum selesai", (await mentor.NextReplyAsync()).Text);
        await mentor.PressAsync("✅ Check-out");
        Assert.Contains("Apa hasilnya", (await mentor.NextReplyAsync()).Text);
        await mentor.SendTextAsync("20 kemasan baru");
        Assert.Contains("Langkah berikutnya", (await mentor.NextReplyAsync()).Text);
        var conversation = await second.Store.GetConversationAsync(891, CancellationToken.None);
        Assert.Equal("Kemasan mudah sobek", LogbookAnswers(conversation!)["problem"]);
    }
}

public sealed class EvaluationResumeTests
{
    [Fact]
    public async Task Evaluation_LeftWithCancel_ContinuesAtTheMissingAnswer()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s => s.AddSingleton<TimeProvider>(time));
        var (_, mentor) = await AssignedProgramAsync(emulator, 895, "Budi", 995);
        // A retro visit this month whose logbook worked on production: the evaluation's area without a diagnosis.
        await mentor.PressAsync("📝 Kunjungan susulan");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("Abon Ikan Mama Ani");
        await mentor.NextReplyAsync();
        foreach (var answer in new[] { "20/11/2026", "4", "p", "m", "r", "n" })
        {
            await mentor.SendTextAsync(answer);
            await mentor.NextReplyAsync();
        }

        await mentor.PressAsync("Produksi");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("✅ Selesai memilih");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("✅ Selesai");
        await mentor.NextReplyAsync();

        await mentor.PressAsync("📊 Evaluasi bulanan");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("Abon Ikan Mama Ani");
        Assert.Contains("Bidang 1 dari 1: Manajemen produksi", (await mentor.NextReplyAsync()).Text);
        await mentor.PressAsync("4");
        await mentor.NextReplyAsync();
        await mentor.SendTextAsync("Catatan produksi belum rutin");
        Assert.Contains("Apa yang didampingkan", (await mentor.NextReplyAsync()).Text);
        await mentor.SendTextAsync("/batal");
        await mentor.NextReplyAsync();

        await mentor.PressAsync("📊 Evaluasi bulanan");
        Assert.Contains("Apa yang didampingkan", (await mentor.NextReplyAsync()).Text);
        await mentor.SendTextAsync("Buku catatan produksi harian");
        await mentor.NextReplyAsync();
        await mentor.SendTextAsync("Catatan 5 hari berturut-turut");
        Assert.Contains("tersimpan", (await mentor.NextReplyAsync()).Text);

        var evaluation = Assert.Single(await bot.App.Services.GetRequiredService<IDocumentStore>().AllAsync<Evaluation>(CancellationToken.None));
        var area = Assert.Single(evaluation.Areas);
        Assert.Equal(("production", 4, "Catatan produksi belum rutin", "Buku catatan produksi harian"), (area.AreaId, area.Score, area.Problem, area.Mentored));
    }
}
