using Ikm.Bot.Tests.Support;
using Ikm.TestKit;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Mentoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using static Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests;

namespace Ikm.Bot.Tests.Mentoring;

/// <summary>
/// The IKM card: how a mentor or coordinator reaches an owner (name, phone, map link to the production house, last
/// visit, plan), from IKM saya, approvals, assignments and /terlambat; scoped on the server to assigned IKMs and
/// coordinated cohorts.
/// </summary>
public sealed class IkmCardEndToEndTests
{
    // Monday 14 December 2026, 08:00 WITA: two weeks into the Palu cohort.
    private static readonly DateTimeOffset Monday = new(2026, 12, 14, 0, 0, 0, TimeSpan.Zero);
    // A name with markup characters: the card is plain text, so it shows as typed.
    private const string OwnerName = "Siti <b>Aminah</b> *Ani*";

    [Fact]
    public async Task Card_FromMyIkms_ShowsOwnerPhoneMapSentraLastVisitAndPlan_AndIsRefusedToAnotherMentor()
    {
        var time = new FakeTimeProvider(Monday);
        var logs = new ListLoggerProvider();
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s =>
        {
            s.AddSingleton<TimeProvider>(time);
            s.AddSingleton<ILoggerProvider>(logs);
        });
        var coordinator = await JoinAsCoordinatorAsync(emulator);
        await CreateCohortAsync(coordinator);
        await coordinator.SendTextAsync("/kuesioner diagnosis-singkat.yaml");
        await coordinator.NextReplyAsync();
        var mentor = await InviteAndJoinMentorAsync(emulator, coordinator, 811, "Budi Santoso");
        var other = await InviteAndJoinMentorAsync(emulator, coordinator, 812, "Rina Wati");
        var owner = emulator.User(911);
        await OwnerScript.JoinAsOwnerAsync(owner);
        await OwnerScript.RegisterAsync(owner, OwnerName, "Abon Ikan Mama Ani", "+62 812 3456 7890");
        await owner.PressAsync("💾 Simpan");
        await owner.NextReplyAsync();
        await ApproveAsync(coordinator);
        await emulator.WaitForMessageAsync(911, m => m.Text!.Contains("diterima di program"));
        owner.SkipReplies();
        await CompleteShortDiagnosisAsync(owner);
        await AssignAsync(coordinator, "Abon Ikan Mama Ani", "Budi Santoso");
        await mentor.NextReplyAsync();

        // A visit nine days ago, logged afterwards.
        await mentor.PressAsync("📝 Kunjungan susulan");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("Abon Ikan Mama Ani");
        await mentor.NextReplyAsync();
        foreach (var answer in new[] { "4/12/2026", "4", "HP mati di lokasi", "p", "m", "r", "n" })
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

        await mentor.SendTextAsync("/menu");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("🏭 IKM saya");
        var list = await mentor.NextReplyAsync();
        Assert.Contains("Abon Ikan Mama Ani (Abon ikan, Palu Barat)", list.Text);
        var cardButton = Assert.Single(list.AllInlineButtons, b => b.Text == "🪪 Abon Ikan Mama Ani");
        await mentor.PressAsync("🪪 Abon Ikan Mama Ani");
        var card = await mentor.NextReplyAsync();
        Assert.Null(card.ParseMode);
        Assert.Contains("🪪 Kartu IKM: Abon Ikan Mama Ani", card.Text);
        Assert.Contains("👤 Pemilik: " + OwnerName, card.Text);
        Assert.Contains("📦 Produk: abon tuna, abon cakalang", card.Text);
        Assert.Contains("🏷 Sentra: Abon ikan", card.Text);
        Assert.Contains("📍 Kel. Lere, Kec. Palu Barat", card.Text);
        Assert.Contains("(ketuk untuk menelepon): +6281234567890", card.Text);
        Assert.Contains("🗺 Rumah produksi: https://maps.google.com/?q=-0.8917,119.8707", card.Text);
        Assert.Contains("🕒 Kunjungan terakhir: 9 hari yang lalu", card.Text);
        Assert.Contains("📋 Rencana pembinaan: Manajemen produksi, Manajemen mutu, Pemasaran digital", card.Text);
        Assert.Contains("🧑‍🏫 Pendamping: Budi Santoso", card.Text);

        // Another mentor forging the same button is refused, and the log names ids only.
        await other.PressDataAsync(cardButton.CallbackData, list.MessageId);
        var refused = await other.NextReplyAsync();
        Assert.DoesNotContain("Aminah", refused.Text);
        Assert.DoesNotContain("+62", refused.Text);
        var business = await bot.Owners.GetBusinessByOwnerAsync(911, CancellationToken.None);
        Assert.Contains("tidak ditugaskan kepada Anda", refused.Text);
        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Warning && l.Text.Contains("812") && l.Text.Contains(business!.Id.ToString()));
        Assert.DoesNotContain(logs.Lines, l => l.Text.Contains("Aminah") || l.Text.Contains("81234567890"));

        // Malformed data is a stale button; the owner has no card to open.
        await mentor.PressDataAsync("kc:not-an-id", list.MessageId);
        Assert.Contains("tidak berlaku", (await mentor.NextReplyAsync()).Text);
        owner.SkipReplies();
        await owner.PressDataAsync(cardButton.CallbackData, list.MessageId);
        var ownerPress = await owner.NextReplyAsync();
        Assert.Contains("tidak berwenang", ownerPress.Text);
        Assert.DoesNotContain("Aminah", ownerPress.Text);
    }

    [Fact]
    public async Task Card_ForCoordinator_FromApprovalsAssignmentsAndLateReport_AndRefusedToAnotherCohortsCoordinator()
    {
        var time = new FakeTimeProvider(Monday);
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s => s.AddSingleton<TimeProvider>(time));
        var admin = await JoinAsCoordinatorAsync(emulator);
        await CreateCohortAsync(admin);
        await CreateAnotherCohortAsync(admin, "Pendampingan Lombok Timur", "Lombok Timur");
        var sari = emulator.User(760);
        await sari.SendTextAsync("/start " + await InviteAsync(admin, "koordinator", "Sari Dewi", "Pendampingan Lombok Timur"));
        await sari.NextReplyAsync();
        var mentor = emulator.User(821);
        await mentor.SendTextAsync("/start " + await InviteAsync(admin, "mentor", "Budi Santoso", "Pendampingan IKM Palu 2026"));
        await mentor.NextReplyAsync();
        var owner = emulator.User(921);
        await RegisterOwnerAsync(owner);

        // The registration notice and the approval list name the sentra, and offer the card.
        var notice = await admin.NextReplyAsync();
        Assert.Contains("Abon Ikan Mama Ani (Abon ikan, Palu Barat)", notice.Text);
        Assert.True(notice.HasButton("🪪 Kartu IKM"));
        await admin.PressAsync("⏳ Persetujuan");
        var pending = await admin.NextReplyAsync();
        Assert.Contains("Abon Ikan Mama Ani (Abon ikan, Palu Barat)", pending.Text);
        await admin.PressAsync("🪪 Kartu IKM");
        var pendingCard = await admin.NextReplyAsync();
        Assert.Contains("👤 Pemilik: Siti Aminah", pendingCard.Text);
        Assert.Contains("Pendamping: belum ditugaskan", pendingCard.Text);
        Assert.Contains("Belum pernah dikunjungi", pendingCard.Text);
        await admin.PressDataAsync(Assert.Single(pending.AllInlineButtons, b => b.Text == "✅ Pendampingan IKM Palu 2026").CallbackData, pending.MessageId);
        Assert.Contains("diterima di kohort", (await admin.NextReplyAsync()).Text);

        // The assignment's mentor choice offers it too.
        await admin.SendTextAsync("/tugaskan");
        Assert.Contains("Pilih kohort", (await admin.NextReplyAsync()).Text);
        await admin.PressAsync("Pendampingan IKM Palu 2026");
        await admin.NextReplyAsync();
        await admin.PressAsync("Abon Ikan Mama Ani —");
        var mentors = await admin.NextReplyAsync();
        Assert.Contains("Abon Ikan Mama Ani (Abon ikan, Palu Barat)", mentors.Text);
        var cardButton = Assert.Single(mentors.AllInlineButtons, b => b.Text == "🪪 Kartu IKM");
        await admin.PressAsync("Budi Santoso (0/5)");
        Assert.Contains("sekarang didampingi Budi Santoso", (await admin.NextReplyAsync()).Text);

        // /terlambat: the IKM not visited this week offers its card, which names the mentor.
        admin.SkipReplies();
        await admin.SendTextAsync("/terlambat");
        Assert.Contains("Pilih kohort", (await admin.NextReplyAsync()).Text);
        await admin.PressAsync("Pendampingan IKM Palu 2026");
        await admin.ExpectPreparingAsync();
        var late = await admin.NextReportAsync();
        Assert.Contains("• Abon Ikan Mama Ani — Budi Santoso", late.Text);
        Assert.True(late.HasButton("🪪 Abon Ikan Mama Ani"));
        await admin.PressAsync("🪪 Abon Ikan Mama Ani");
        var card = await admin.NextReplyAsync();
        Assert.Contains("🧑‍🏫 Pendamping: Budi Santoso", card.Text);
        Assert.Contains("+6281234567890", card.Text);

        // Lombok's coordinator forging the Palu IKM's card is refused, and the attempt is on Palu's audit trail.
        sari.SkipReplies();
        await sari.PressDataAsync(cardButton.CallbackData, mentors.MessageId);
        var refused = await sari.NextReplyAsync();
        Assert.DoesNotContain("Siti", refused.Text);
        Assert.Contains("tidak berlaku", refused.Text);
        var documents = bot.App.Services.GetRequiredService<IDocumentStore>();
        var palu = (await documents.AllAsync<Cohort>(CancellationToken.None)).Single(c => c.Name == "Pendampingan IKM Palu 2026").Id;
        Assert.Contains(await documents.FindAsync<Ikm.Workflow.Audit.AuditEntry>(DocumentIndex.Cohort(palu), CancellationToken.None),
            e => e.Action == Ikm.Workflow.Audit.AuditAction.AccessRefused && e.ActorUserId == 760);
    }
}
