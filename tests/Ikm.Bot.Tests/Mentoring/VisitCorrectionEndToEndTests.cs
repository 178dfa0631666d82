using Ikm.Bot.Tests.Support;
using Ikm.TestKit;
using Ikm.Workflow.Audit;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Texts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests;

namespace Ikm.Bot.Tests.Mentoring;

/// <summary>Issue 12, problem 7: a mentor corrects a visit's start and end from the check-out summary, within 48 hours.</summary>
public sealed class VisitCorrectionEndToEndTests
{
    [Fact]
    public async Task Correction_RefusesBadInput_SurvivesBatalAndRestart_RefusesAForgedVisit_AndEndsAfter48Hours()
    {
        // Monday 08:00 WITA, before the cohort starts: no scheduled reminder comes between the replies.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        await using var emulator = await Emulator.StartFastAsync();
        var dataDirectory = BotUnderTest.NewDataDirectory();
        var first = await BotUnderTest.StartAsync(emulator, dataDirectory: dataDirectory, services: s => s.AddSingleton<TimeProvider>(time));
        var (_, mentor) = await AssignedProgramAsync(emulator, 871, "Budi", 971);
        await CheckInAtHouseAsync(mentor);
        time.Advance(TimeSpan.FromMinutes(30));
        await mentor.PressAsync("✅ Check-out");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("✅ Ya, selesai");
        Assert.Contains("lama kunjungan 30 menit", (await mentor.NextReplyAsync()).Text);
        await VisitCheckOutEndToEndTests.FinishLogbookAsync(mentor);
        var documents = first.App.Services.GetRequiredService<IDocumentStore>();
        var recorded = Assert.Single(await documents.AllAsync<Visit>(CancellationToken.None));

        // Bad input is refused with the example and the question again; /batal changes nothing.
        await mentor.PressAsync("✏️ Koreksi waktu");
        Assert.Equal("Jam mulai kunjungan di Abon Ikan Mama Ani yang benar? (tercatat 08:00 WITA; contoh: 08:00)", (await mentor.NextReplyAsync()).Text);
        await mentor.SendTextAsync("jam 8");
        var refused = (await mentor.NextReplyAsync()).Text!;
        Assert.StartsWith("Tulis jam seperti 08:00.", refused);
        Assert.Contains("Jam mulai kunjungan di Abon Ikan Mama Ani yang benar?", refused);
        await mentor.SendTextAsync("/batal");
        await mentor.NextReplyAsync();
        Assert.Equal(recorded.EndedAt, Assert.Single(await documents.AllAsync<Visit>(CancellationToken.None)).EndedAt);

        // Start, a restart, the end (before the start refused), confirmed with the new duration, saved.
        await mentor.PressAsync("✏️ Koreksi waktu");
        await mentor.NextReplyAsync();
        await mentor.SendTextAsync("07:30");
        Assert.StartsWith("Jam selesai yang benar? (tercatat 08:30 WITA", (await mentor.NextReplyAsync()).Text);
        await first.StopAsync();
        await using var second = await BotUnderTest.StartAsync(emulator, dataDirectory: dataDirectory, services: s => s.AddSingleton<TimeProvider>(time));
        time.Advance(TimeSpan.FromHours(5));
        await mentor.SendTextAsync("07:00");
        Assert.StartsWith("Jam selesai harus setelah jam mulai (07:30 WITA).", (await mentor.NextReplyAsync()).Text);
        await mentor.SendTextAsync("12:00");
        Assert.Equal("Ubah kunjungan di Abon Ikan Mama Ani menjadi 07:30 WITA–12:00 WITA (4 jam 30 menit)?", (await mentor.NextReplyAsync()).Text);
        await mentor.PressAsync("✅ Simpan");
        Assert.StartsWith("✏️ Waktu kunjungan diubah: 07:30 WITA–12:00 WITA (4 jam 30 menit).", (await mentor.NextReplyAsync()).Text);
        var store = second.App.Services.GetRequiredService<IDocumentStore>();
        var corrected = Assert.Single(await store.AllAsync<Visit>(CancellationToken.None));
        Assert.Equal((new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 23, 4, 0, 0, TimeSpan.Zero)), (corrected.StartedAt, corrected.EndedAt!.Value));
        Assert.False(corrected.Flags.HasFlag(VisitFlags.Short));
        var audit = Assert.Single(await store.AllAsync<AuditEntry>(CancellationToken.None), e => e.Action == AuditAction.VisitEdited);
        Assert.Equal(("2026-11-23T00:00Z/2026-11-23T00:30Z", "2026-11-22T23:30Z/2026-11-23T04:00Z"), (audit.OldValue, audit.NewValue));

        // A forged visit id is refused; 48 hours after the (corrected) end the button is refused with the reason.
        await mentor.PressDataAsync("vce:" + Guid.NewGuid().ToString("N"), 1);
        Assert.Equal(CommonTexts.StaleButton.In("id"), (await mentor.NextReplyAsync()).Text);
        time.Advance(TimeSpan.FromHours(49));
        await mentor.PressAsync("✏️ Koreksi waktu");
        Assert.StartsWith("Waktu kunjungan hanya bisa dikoreksi sampai 48 jam", (await mentor.NextReplyAsync()).Text);
        Assert.Equal(corrected.EndedAt, Assert.Single(await store.AllAsync<Visit>(CancellationToken.None)).EndedAt);
    }

    [Fact]
    public async Task Correction_OfAVisitToAnIkmWhoseOwnerErasedTheirData_IsRefused_BeforeAndAfterTheTimesAreTyped()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s => s.AddSingleton<TimeProvider>(time));
        var owner = emulator.User(972);
        var (_, mentor) = await AssignedProgramAsync(emulator, 872, "Budi", owner.Id);
        await CheckInAtHouseAsync(mentor);
        time.Advance(TimeSpan.FromHours(1));
        await mentor.PressAsync("✅ Check-out");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("✅ Ya, selesai");
        await mentor.NextReplyAsync();
        await VisitCheckOutEndToEndTests.FinishLogbookAsync(mentor);
        var documents = bot.App.Services.GetRequiredService<IDocumentStore>();
        var recorded = Assert.Single(await documents.AllAsync<Visit>(CancellationToken.None));

        // The correction begun, then the owner erases their data while the mentor types: the save is refused.
        await mentor.PressAsync("✏️ Koreksi waktu");
        await mentor.NextReplyAsync();
        await mentor.SendTextAsync("07:30");
        await mentor.NextReplyAsync();
        await mentor.SendTextAsync("09:00");
        Assert.StartsWith("Ubah kunjungan di", (await mentor.NextReplyAsync()).Text);
        await EraseAsync(owner);
        mentor.SkipReplies();
        await mentor.PressAsync("✅ Simpan");
        Assert.Equal(VisitCorrectionTextsErased, (await NextNotNoticeAsync(mentor)).Text);

        // And the button again: refused at once.
        await mentor.PressAsync("✏️ Koreksi waktu");
        Assert.Equal(VisitCorrectionTextsErased, (await mentor.NextReplyAsync()).Text);
        var visit = Assert.Single(await documents.AllAsync<Visit>(CancellationToken.None));
        Assert.Equal((recorded.StartedAt, recorded.EndedAt), (visit.StartedAt, visit.EndedAt));
        Assert.DoesNotContain(await documents.AllAsync<AuditEntry>(CancellationToken.None), e => e.Action == AuditAction.VisitEdited);
    }

    private static readonly string VisitCorrectionTextsErased = Ikm.Workflow.Flows.Visits.Correction.VisitCorrectionTexts.Erased.In("id");

    private static async Task EraseAsync(TestUser owner)
    {
        owner.SkipReplies();
        await owner.SendTextAsync("/hapusdata");
        await owner.NextReplyAsync();
        await owner.PressAsync("🗑 Ya, hapus data saya");
        Assert.Contains("sudah dihapus", (await owner.NextReplyAsync()).Text);
    }

    /// <summary>The next reply that is not the notice of the owner's erasure the mentor gets.</summary>
    private static async Task<SentMessage> NextNotNoticeAsync(TestUser mentor)
    {
        for (var i = 0; i < 3; i++)
        {
            var reply = await mentor.NextReplyAsync();
            if (!reply.Text!.Contains("keluar dari program", StringComparison.Ordinal)) return reply;
        }

        throw new Xunit.Sdk.XunitException("No reply but erasure notices.");
    }
}
