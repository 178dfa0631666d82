using static Ikm.Bot.Tests.Support.StoredDrafts;
using Ikm.Bot.Tests.Support;
using Ikm.TestKit;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Ports;
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
        Assert.Contains("Selesai kunjungan di Abon Ikan Mama Ani sekarang? (mulai 08:00 WITA, 2 jam)", (await mentor.NextReplyAsync()).Text);
        await mentor.PressAsync("✅ Ya, selesai");
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

        // Retro visit, logged afterwards (Sunday 20 December): inside the cohort's period (from 1 December), at most
        // 14 days back, with a reason.
        time.SetUtcNow(new DateTimeOffset(2026, 12, 20, 1, 0, 0, TimeSpan.Zero));
        await mentor.PressAsync("📝 Kunjungan susulan");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("Abon Ikan Mama Ani");
        await mentor.NextReplyAsync();
        await mentor.SendTextAsync("30 Desember 2026");
        Assert.Contains("tidak boleh di masa depan", (await mentor.NextReplyAsync()).Text);
        await mentor.SendTextAsync("20/11/2026");
        var outside = (await mentor.NextReplyAsync()).Text;
        Assert.Contains("harus di dalam masa kohort (1 Desember 2026 – 31 Mei 2027)", outside);
        Assert.Contains("Tanggal kunjungan?", outside);
        await mentor.SendTextAsync("2/12/2026");
        Assert.Contains("paling lama 14 hari yang lalu", (await mentor.NextReplyAsync()).Text);
        await mentor.SendTextAsync("18/12/2026");
        await mentor.NextReplyAsync();
        await mentor.SendTextAsync("banyak");
        Assert.Contains("antara 0,5 dan 12", (await mentor.NextReplyAsync()).Text);
        await mentor.SendTextAsync("4,5");
        Assert.Contains("Mengapa tidak check-in", (await mentor.NextReplyAsync()).Text);
        await mentor.SendTextAsync("hp");
        Assert.Contains("beberapa kata", (await mentor.NextReplyAsync()).Text);
        await mentor.SendTextAsync("HP mati di lokasi");
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

        // "IKM saya" shows the retro visit apart: it does not meet the week's rule.
        await mentor.PressAsync("🏭 IKM saya");
        var mine = (await mentor.NextReplyAsync()).Text!;
        Assert.Contains("⏳ minggu ini belum memenuhi aturan, 📝 1 susulan (dihitung terpisah, tanpa check-in)", mine);
        Assert.DoesNotContain("✅ minggu ini", mine);

        var documents = bot.App.Services.GetRequiredService<IDocumentStore>();
        var visits = (await documents.AllAsync<Visit>(CancellationToken.None)).OrderBy(v => v.StartedAt).ToList();
        Assert.Equal(2, visits.Count);
        Assert.Equal(VisitFlags.Retro, visits[1].Flags);
        Assert.Equal(TimeSpan.FromHours(4.5), visits[1].Duration);
        Assert.Equal(new DateTimeOffset(2026, 12, 18, 1, 0, 0, TimeSpan.Zero), visits[1].StartedAt); // 09:00 WITA
        Assert.Equal("HP mati di lokasi", visits[1].RetroReason);
        Assert.Equal(VisitFlags.FarFromProductionHouse | VisitFlags.Short, visits[0].Flags);
        Assert.Equal("Pendampingan di pasar tempat IKM berjualan", visits[0].DistanceReason);
        Assert.InRange(visits[0].DistanceMeters!.Value, 1050, 1150);
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
