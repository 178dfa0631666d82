using static Ikm.Bot.Tests.Support.StoredDrafts;
using Ikm.Bot.Tests.Support;
using Ikm.TestKit;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Mentoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests;

namespace Ikm.Bot.Tests.Mentoring;

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
