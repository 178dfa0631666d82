using Ikm.Bot.Tests.Support;
using Ikm.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests;

namespace Ikm.Bot.Tests.Conversations;

/// <summary>Issue 12 problem 1: each role finds its own commands in /bantuan and its menu; a newcomer learns how invites work.</summary>
public sealed class RoleGuideEndToEndTests
{
    private static readonly string[] CoordinatorCommands = ["/ringkasan", "/ekspor", "/terlambat", "/peringkat", "/undang ", "/undangan", "/persetujuan", "/tugaskan", "/kuesioner", "/kohort"];
    private static readonly string[] MentorCommands = ["/ikmsaya", "/checkin", "/checkout", "/susulan", "/evaluasi"];

    [Fact]
    public async Task EachRole_SeesItsOwnCommandsInHelp_AndTheCoordinatorMenuOpensReportsAndInvites()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s => s.AddSingleton<TimeProvider>(time));

        var newcomer = emulator.User(4401);
        await newcomer.SendTextAsync("/start");
        var welcome = await newcomer.NextReplyAsync();
        Assert.Contains("tautan undangan dari koordinator", welcome.Text);
        Assert.Contains("/start <kode undangan>", welcome.Text);

        var coordinator = await JoinAsCoordinatorAsync(emulator);
        await coordinator.SendTextAsync("/bantuan");
        var coordinatorHelp = (await coordinator.NextReplyAsync()).Text!;
        Assert.All(CoordinatorCommands, command => Assert.Contains(command, coordinatorHelp));
        Assert.All(MentorCommands, command => Assert.DoesNotContain(command + " ", coordinatorHelp));

        await CreateCohortAsync(coordinator);
        await coordinator.SendTextAsync("/menu");
        var menu = await coordinator.NextReplyAsync();
        foreach (var button in new[] { "📈 Ringkasan", "⏰ Terlambat", "🏆 Peringkat", "📥 Ekspor Excel", "✉️ Undangan", "⏳ Persetujuan", "👥 Penugasan", "❓ Bantuan" })
            Assert.True(menu.HasButton(button), button);
        await coordinator.PressAsync("📈 Ringkasan");
        await coordinator.ExpectPreparingAsync();
        Assert.Contains("📊 Ringkasan mingguan — Pendampingan IKM Palu 2026", (await coordinator.NextReportAsync()).Text);
        await coordinator.PressAsync("⏰ Terlambat");
        await coordinator.ExpectPreparingAsync();
        await coordinator.NextReportAsync();

        var mentor = await InviteAndJoinMentorAsync(emulator, coordinator, 4402, "Budi");
        await InviteAsync(coordinator, "mentor", "Sari Dewi");
        await coordinator.PressAsync("✉️ Undangan");
        Assert.Contains("Sari Dewi", (await coordinator.NextReplyAsync()).Text);

        await mentor.SendTextAsync("/bantuan");
        var mentorHelp = (await mentor.NextReplyAsync()).Text!;
        Assert.All(MentorCommands, command => Assert.Contains(command, mentorHelp));
        Assert.All(CoordinatorCommands, command => Assert.DoesNotContain(command, mentorHelp));
        await mentor.SendTextAsync("/ringkasan");
        Assert.Contains("hanya untuk koordinator", (await mentor.NextReplyAsync()).Text);

        var owner = emulator.User(4403);
        await OwnerScript.JoinAsOwnerAsync(owner);
        await owner.SendTextAsync("/bantuan");
        var ownerHelp = (await owner.NextReplyAsync()).Text!;
        Assert.Contains("Panduan pemilik IKM", ownerHelp);
        Assert.Contains("/datasaya", ownerHelp);
        Assert.All(CoordinatorCommands.Concat(MentorCommands), command => Assert.DoesNotContain(command, ownerHelp));
    }
}
