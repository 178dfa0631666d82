using Ikm.Bot.Tests.Support;
using Ikm.TestKit;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using static Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests;

namespace Ikm.Bot.Tests.Mentoring;

/// <summary>
/// Coordinators act only on their own cohorts (checked on the server); the ids in Bot__Coordinators are program-wide
/// administrators. The administrator (700) runs two cohorts; Sari (750) was invited as coordinator of Palu only.
/// </summary>
public sealed class CohortScopeTests
{
    private const string Palu = "Pendampingan IKM Palu 2026";
    private const string Lombok = "Pendampingan Lombok Timur";
    private const long SariId = 750;

    [Fact]
    public async Task CohortCoordinator_ForgingAnotherCohortsButtons_IsRefusedAndLogged_AndGetsNothingOfIt()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        var logs = new ListLoggerProvider();
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s =>
        {
            s.AddSingleton<TimeProvider>(time);
            s.AddSingleton<ILoggerProvider>(logs);
        });
        var admin = await JoinAsCoordinatorAsync(emulator);
        await CreateCohortAsync(admin);
        await CreateAnotherCohortAsync(admin, Lombok, "Lombok Timur");
        var sari = emulator.User(SariId);
        await sari.SendTextAsync("/start " + await InviteAsync(admin, "koordinator", "Sari Dewi", Palu));
        Assert.Contains($"kohort \"{Palu}\" sebagai koordinator", (await sari.NextReplyAsync()).Text);

        // Lombok's program: a mentor, an admitted IKM, an open invite, and a registration waiting for approval.
        var mentor = emulator.User(851);
        await mentor.SendTextAsync("/start " + await InviteAsync(admin, "mentor", "Lale Ira", Lombok));
        await mentor.NextReplyAsync();
        var owner = emulator.User(951);
        await OwnerScript.JoinAsOwnerAsync(owner);
        await OwnerScript.RegisterAsync(owner, "Baiq Nurul", "Tenun Sasak Baiq", "+62 813 3900 1122");
        await owner.PressAsync("💾 Simpan");
        await owner.NextReplyAsync();
        Assert.Contains("menunggu persetujuan", (await admin.NextReplyAsync()).Text);
        await admin.PressAsync("⏳ Persetujuan");
        await admin.NextReplyAsync();
        await admin.PressAsync("✅ " + Lombok);
        Assert.Contains("diterima di kohort", (await admin.NextReplyAsync()).Text);
        await InviteAsync(admin, "mentor", "Wayan Gede", Lombok);
        await RegisterOwnerAsync(emulator.User(952));

        var documents = bot.App.Services.GetRequiredService<IDocumentStore>();
        var lombok = (await documents.AllAsync<Cohort>(CancellationToken.None)).Single(c => c.Name == Lombok).Id;
        var memberships = await documents.AllAsync<CohortMembership>(CancellationToken.None);
        var admitted = memberships.Single(m => m.OwnerUserId == 951).Id;
        var pending = memberships.Single(m => m.OwnerUserId == 952).Id;
        var openInvite = (await documents.AllAsync<Invite>(CancellationToken.None)).Single(i => i.Label == "Wayan Gede").Id;

        // Sari's own cohort works as before.
        sari.SkipReplies();
        await sari.SendTextAsync("/ringkasan");
        await sari.ExpectPreparingAsync();
        Assert.Contains("Ringkasan mingguan — " + Palu, (await sari.NextReportAsync()).Text);
        await sari.SendTextAsync("/menu");
        await sari.NextReplyAsync();
        await sari.PressAsync("🗂 Buat kohort");
        var editable = await sari.NextReplyAsync();
        Assert.True(editable.HasButton("✏️ " + Palu));
        Assert.False(editable.HasButton("✏️ " + Lombok));

        var forged = new[]
        {
            $"rp:{lombok}:ekspor",
            $"ap:ok:{pending}:{lombok}",
            $"as:c:{lombok}",
            $"as:i:{admitted}",
            $"as:m:{admitted}:851",
            $"as:ip:{lombok}:1",
            $"as:mp:{admitted}:0",
            $"iv:l:{lombok}",
            $"iv:rv:{lombok}:{openInvite[..32]}",
            $"ch:edit:{lombok}",
        };
        var firstForged = emulator.SentTo(SariId).Count;
        foreach (var data in forged)
        {
            await sari.PressDataAsync(data, editable.MessageId);
            Assert.Contains("Tombol itu sudah tidak berlaku", (await sari.NextReplyAsync()).Text);
        }

        var afterForgeries = emulator.SentTo(SariId).Skip(firstForged).ToList();
        Assert.Equal(forged.Length, afterForgeries.Count);
        Assert.All(afterForgeries, m =>
        {
            Assert.Equal("sendMessage", m.Method);
            foreach (var secret in new[] { "Lombok", "Tenun Sasak", "Lale Ira", "Wayan" })
                Assert.DoesNotContain(secret, m.Text);
        });
        Assert.Equal(MembershipStatus.Pending, (await documents.GetAsync<CohortMembership>(pending, CancellationToken.None))!.Status);
        Assert.Empty(await documents.AllAsync<Assignment>(CancellationToken.None));
        Assert.False((await documents.GetAsync<Invite>(openInvite, CancellationToken.None))!.Revoked);

        var refusals = logs.Lines.Where(l => l.Level == LogLevel.Warning && l.Text.Contains($"User {SariId} refused an action on cohort {lombok}")).ToList();
        Assert.Equal(forged.Length, refusals.Count);
        Assert.DoesNotContain(logs.Lines, l => l.Text.Contains("Tenun Sasak") || l.Text.Contains("Baiq") || l.Text.Contains("Lale Ira"));

        // The attempts are on Lombok's trail, which Sari's /riwayat does not show; the administrator's shows both cohorts.
        var lombokTrail = await documents.FindAsync<Ikm.Workflow.Audit.AuditEntry>("cohort", lombok, CancellationToken.None);
        Assert.Equal(forged.Length, lombokTrail.Count(e => e.Action == Ikm.Workflow.Audit.AuditAction.AccessRefused && e.ActorUserId == SariId));
        Assert.Contains(lombokTrail, e => e.Action == Ikm.Workflow.Audit.AuditAction.MembershipApproved);
        await sari.SendTextAsync("/riwayat");
        var sariTrail = (await sari.NextReplyAsync()).Text!;
        Assert.Contains("Sari Dewi (koordinator): undangan dipakai", sariTrail);
        foreach (var other in new[] { "Lombok", "IKM diterima", "Lale Ira", "ditolak" })
            Assert.DoesNotContain(other, sariTrail);
        admin.SkipReplies();
        await admin.SendTextAsync("/riwayat");
        var adminTrail = (await admin.NextReplyAsync()).Text!;
        Assert.Contains("Sari Dewi (koordinator): ditolak: bukan kohort yang dikoordinasinya · " + Lombok, adminTrail);
        Assert.Contains("· " + Palu, adminTrail);

        // The same export button is the administrator's to press.
        var adminMenu = await admin.LastReplyAsync();
        await admin.PressDataAsync($"rp:{lombok}:ekspor", adminMenu.MessageId);
        await emulator.WaitForMessageAsync(admin.Id, m => m.Method == "sendDocument");
    }

    [Fact]
    public async Task CohortCoordinator_CannotSwitchTheProgramWideQuestionnaire_AndAnAdministratorCan()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var admin = await JoinAsCoordinatorAsync(emulator);
        await CreateCohortAsync(admin);
        var sari = emulator.User(SariId);
        await sari.SendTextAsync("/start " + await InviteAsync(admin, "koordinator", "Sari Dewi"));
        await sari.NextReplyAsync();

        await sari.SendTextAsync("/kuesioner diagnosis-singkat.yaml");
        Assert.Contains("hanya administrator program", (await sari.NextReplyAsync()).Text);
        Assert.Equal("diagnosis", bot.App.Services.GetRequiredService<IQuestionnaireCatalog>().Diagnosis.Id);

        await admin.SendTextAsync("/kuesioner diagnosis-singkat.yaml");
        Assert.Contains("Diagnosis Singkat IKM", (await admin.NextReplyAsync()).Text);
    }
}
