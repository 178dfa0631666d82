using Ikm.Bot.Tests.Support;
using Ikm.Workflow.Audit;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Mentoring.Actions;
using Ikm.Workflow.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;
using static Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests;

namespace Ikm.Bot.Tests.Mentoring;

/// <summary>
/// Every coordinator action leaves exactly one audit record (actor id and role, action, target ids, old → new for an
/// edit), /riwayat shows the latest 20, and /ekspor's workbook carries them in an Audit sheet.
/// </summary>
public sealed class AuditTrailTests
{
    [Fact]
    public async Task EachAction_LeavesExactlyOneRecord_ShownByRiwayat_AndInTheExportsAuditSheet()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s => s.AddSingleton<TimeProvider>(time));
        var documents = bot.App.Services.GetRequiredService<IDocumentStore>();
        var seen = new HashSet<string>();
        // Each step a second later, so the trail's time order is the steps' order.
        async Task<List<AuditEntry>> NewRecordsAsync()
        {
            List<AuditEntry> fresh = [.. (await documents.AllAsync<AuditEntry>(CancellationToken.None)).Where(e => seen.Add(e.Id))];
            time.Advance(TimeSpan.FromSeconds(1));
            return fresh;
        }

        var coordinator = await JoinAsCoordinatorAsync(emulator);
        var role = Assert.Single(await NewRecordsAsync());
        Assert.Equal((AuditAction.RoleChanged, 700L, AuditRole.Administrator, "", "role", "None", "Coordinator"),
            (role.Action, role.ActorUserId, role.ActorRole, role.CohortId, role.Field, role.OldValue, role.NewValue));
        Assert.Equal(["user:700"], role.Targets);

        await CreateCohortAsync(coordinator);
        var cohort = Assert.Single(await documents.AllAsync<Cohort>(CancellationToken.None));
        var created = Assert.Single(await NewRecordsAsync());
        Assert.Equal((AuditAction.CohortCreated, 700L, cohort.Id), (created.Action, created.ActorUserId, created.CohortId));
        Assert.Equal([$"cohort:{cohort.Id}"], created.Targets);

        await coordinator.SendTextAsync("/kuesioner diagnosis-singkat.yaml");
        await coordinator.NextReplyAsync();
        var switched = Assert.Single(await NewRecordsAsync());
        Assert.Equal((AuditAction.QuestionnaireSwitched, "", "diagnosis"), (switched.Action, switched.CohortId, switched.Field));
        Assert.StartsWith("diagnosis ", switched.OldValue);
        Assert.StartsWith("diagnosis_singkat ", switched.NewValue);

        var token = await InviteAsync(coordinator, "mentor", "Budi Santoso");
        var invited = Assert.Single(await NewRecordsAsync());
        Assert.Equal((AuditAction.InviteCreated, cohort.Id, "role", (string?)null, "Mentor"),
            (invited.Action, invited.CohortId, invited.Field, invited.OldValue, invited.NewValue));
        Assert.Equal([$"invite:{Invite.IdFor(token)}"], invited.Targets);

        var mentor = emulator.User(801);
        await mentor.SendTextAsync("/start " + token);
        await mentor.NextReplyAsync();
        var joined = await NewRecordsAsync();
        Assert.Equal(2, joined.Count);
        var used = Assert.Single(joined, e => e.Action == AuditAction.InviteUsed);
        Assert.Equal((801L, AuditRole.Mentor, cohort.Id), (used.ActorUserId, used.ActorRole, used.CohortId));
        Assert.Equal([$"invite:{Invite.IdFor(token)}", "user:801"], used.Targets);
        var promoted = Assert.Single(joined, e => e.Action == AuditAction.RoleChanged);
        Assert.Equal((801L, cohort.Id, "None", "Mentor"), (promoted.ActorUserId, promoted.CohortId, promoted.OldValue, promoted.NewValue));

        // An owner joining by themselves grants nothing over others: nothing on the trail (and no account id to outlive an erasure).
        await RegisterOwnerAsync(emulator.User(901));
        Assert.Empty(await NewRecordsAsync());

        await ApproveAsync(coordinator);
        var membership = Assert.Single(await documents.AllAsync<CohortMembership>(CancellationToken.None));
        var approved = Assert.Single(await NewRecordsAsync());
        Assert.Equal((AuditAction.MembershipApproved, 700L, cohort.Id), (approved.Action, approved.ActorUserId, approved.CohortId));
        Assert.Equal([$"membership:{membership.Id}", $"business:{membership.BusinessId}"], approved.Targets);

        await AssignAsync(coordinator, "Abon Ikan Mama Ani", "Budi Santoso");
        var first = Assert.Single(await documents.AllAsync<Assignment>(CancellationToken.None));
        var assigned = Assert.Single(await NewRecordsAsync());
        Assert.Equal((AuditAction.Assigned, "mentor", (string?)null, "801"), (assigned.Action, assigned.Field, assigned.OldValue, assigned.NewValue));
        Assert.Equal([$"assignment:{first.Id}", $"business:{membership.BusinessId}", "user:801"], assigned.Targets);

        await InviteAndJoinMentorAsync(emulator, coordinator, 802, "Rina");
        Assert.Equal([AuditAction.RoleChanged, AuditAction.InviteCreated, AuditAction.InviteUsed], (await NewRecordsAsync()).Select(e => e.Action).Order());
        await coordinator.SendTextAsync("/tugaskan");
        await coordinator.NextReplyAsync();
        await coordinator.PressAsync("Abon Ikan Mama Ani");
        await coordinator.NextReplyAsync();
        await coordinator.PressAsync("Rina");
        Assert.Contains("dipindahkan dari Budi Santoso ke Rina", (await coordinator.NextReplyAsync()).Text);
        var reassigned = Assert.Single(await NewRecordsAsync());
        Assert.Equal((AuditAction.Assigned, "801", "802"), (reassigned.Action, reassigned.OldValue, reassigned.NewValue));

        var spare = await InviteAsync(coordinator, "koordinator", "Pak Hisam");
        Assert.Single(await NewRecordsAsync());
        await coordinator.SendTextAsync("/undangan");
        await coordinator.NextReplyAsync();
        await coordinator.PressAsync("🚫 Cabut Pak Hisam");
        await coordinator.NextReplyAsync();
        var revoked = Assert.Single(await NewRecordsAsync());
        Assert.Equal((AuditAction.InviteRevoked, 700L, cohort.Id), (revoked.Action, revoked.ActorUserId, revoked.CohortId));
        Assert.Equal([$"invite:{Invite.IdFor(spare)}"], revoked.Targets);

        await coordinator.SendTextAsync("/menu");
        await coordinator.NextReplyAsync();
        await coordinator.PressAsync("🗂 Buat kohort");
        await coordinator.NextReplyAsync();
        await coordinator.PressAsync("✏️ Pendampingan IKM Palu 2026");
        await coordinator.NextReplyAsync();
        await coordinator.PressAsync("✏️ IKM/pendamping");
        await coordinator.NextReplyAsync();
        await coordinator.SendTextAsync("4");
        await coordinator.NextReplyAsync();
        await coordinator.PressAsync("💾 Simpan");
        Assert.Contains("diperbarui", (await coordinator.NextReplyAsync()).Text);
        var edited = Assert.Single(await NewRecordsAsync());
        Assert.Equal((AuditAction.CohortEdited, cohort.Id, "max_ikm", "5", "4"), (edited.Action, edited.CohortId, edited.Field, edited.OldValue, edited.NewValue));

        // More invites, so that /riwayat has more than it shows.
        foreach (var name in new[] { "Agus", "Sari", "Wayan", "Made", "Nyoman" })
            await InviteAsync(coordinator, "mentor", name);
        Assert.Equal(5, (await NewRecordsAsync()).Count);

        time.Advance(TimeSpan.FromHours(3));
        await coordinator.SendTextAsync("/ekspor");
        await coordinator.ExpectPreparingAsync();
        var exported = Assert.Single(await NewRecordsAsync());
        Assert.Equal((AuditAction.Exported, 700L, AuditRole.Administrator, cohort.Id), (exported.Action, exported.ActorUserId, exported.ActorRole, exported.CohortId));
        Assert.Equal([$"cohort:{cohort.Id}"], exported.Targets);
        await coordinator.NextReplyAsync();
        var workbook = await coordinator.NextReplyAsync();
        using var xlsx = new MemoryStream(workbook.FileContent!);
        Assert.Contains("Audit", xlsx.GetSheetNames());
        var rows = xlsx.Query(useHeaderRow: true, sheetName: "Audit").Cast<IDictionary<string, object?>>().ToList();
        var ofCohort = (await documents.AllAsync<AuditEntry>(CancellationToken.None)).Count(e => e.CohortId == cohort.Id);
        Assert.Equal(ofCohort, rows.Count);
        var editRow = Assert.Single(rows, r => Equals(r["Kolom"], "max_ikm"));
        Assert.Equal(("kohort diubah", "5", "4", "administrator"), ((string)editRow["Tindakan"]!, (string)editRow["Nilai lama"]!, (string)editRow["Nilai baru"]!, (string)editRow["Peran"]!));
        Assert.Equal("data kohort diekspor", rows[^1]["Tindakan"]);
        Assert.Equal("2026-11-23 11:00", Assert.IsType<DateTime>(rows[^1]["Waktu"]).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)); // 03:00 UTC in WITA, a date cell

        await coordinator.SendTextAsync("/riwayat");
        var history = (await coordinator.NextReplyAsync()).Text!.Split('\n');
        Assert.Equal("🧾 Riwayat tindakan (20 terakhir):", history[0]);
        Assert.Equal(1 + AuditActions.Shown, history.Length);
        Assert.EndsWith(" — 700 (administrator): data kohort diekspor · Pendampingan IKM Palu 2026", history[1]);
        Assert.Contains("• 3 jam yang lalu — 700 (administrator): kohort diubah (max_ikm: 5 → 4) · Pendampingan IKM Palu 2026", history);
        Assert.Contains("• 3 jam yang lalu — Rina (pendamping): undangan dipakai · Pendampingan IKM Palu 2026", history);
        Assert.Contains("• 3 jam yang lalu — 700 (administrator): IKM ditugaskan ke pendamping (mentor: 801 → 802) · Pendampingan IKM Palu 2026", history);
        Assert.Contains(history, l => l.Contains("kuesioner diagnosis diganti (diagnosis: diagnosis ") && l.EndsWith(" · seluruh program"));
        // The oldest record is past the last 20: the administrator's own role; the next oldest ends the list.
        Assert.DoesNotContain(history, l => l.Contains("peran diubah (role: None → Coordinator)"));
        Assert.Equal("• 3 jam yang lalu — 700 (administrator): kohort dibuat · Pendampingan IKM Palu 2026", history[^1]);
        Assert.Empty(await NewRecordsAsync());
    }
}
