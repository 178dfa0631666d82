using Ikm.Bot.Tests.Support;
using Ikm.Workflow.Mentoring.Actions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests;

namespace Ikm.Bot.Tests.Mentoring;

/// <summary>/undangan with more open invites than one message holds: pages of 40, each line with its revoke button.</summary>
public sealed class InviteListPagingTests
{
    [Fact]
    public async Task FortyFiveOpenInvites_AreListedOnTwoPages_EachInsideTelegramsLimits_AndAnInviteOnPageTwoCanBeRevoked()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s => s.AddSingleton<TimeProvider>(time));
        var coordinator = await JoinAsCoordinatorAsync(emulator);
        await CreateCohortAsync(coordinator);
        const int invites = 45;
        for (var i = 1; i <= invites; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1)); // a coordinator typing, not a flood
            await InviteAsync(coordinator, "mentor", $"Pendamping Nomor {i:00}");
        }

        await coordinator.SendTextAsync("/undangan");
        var first = await coordinator.NextReplyAsync();
        var second = await NextPageAsync(coordinator, first);
        var back = await PreviousPageAsync(coordinator, second);

        Assert.Equal(InviteActions.InvitesPerPage, Lines(first).Count);
        Assert.Equal(invites - InviteActions.InvitesPerPage, Lines(second).Count);
        Assert.Equal([.. Enumerable.Range(1, invites).Select(i => $"Pendamping Nomor {i:00}")], [.. Lines(first), .. Lines(second)]);
        Assert.Contains("Halaman 1 dari 2", first.Text);
        Assert.Contains("Halaman 2 dari 2", second.Text);
        Assert.Equal(Lines(first), Lines(back));
        foreach (var page in new[] { first, second })
        {
            Assert.True(page.Text!.Length <= 4096);
            Assert.True(page.AllInlineButtons.Count() <= 100);
            Assert.All(Lines(page), name => Assert.True(page.HasButton("🚫 Cabut " + name)));
        }

        await coordinator.PressAsync("🚫 Cabut Pendamping Nomor 44");
        Assert.Contains("dicabut", (await coordinator.NextReplyAsync()).Text);
        await coordinator.SendTextAsync("/undangan");
        var after = await NextPageAsync(coordinator, await coordinator.NextReplyAsync());
        Assert.DoesNotContain("Pendamping Nomor 44", after.Text);
        Assert.Equal(invites - InviteActions.InvitesPerPage - 1, Lines(after).Count);
    }

    /// <summary>The invitees the page lists, in its order ("• Pendamping — Name (30 Nov)").</summary>
    private static List<string> Lines(Ikm.TestKit.SentMessage page) =>
        [.. page.Text!.Split('\n').Where(l => l.StartsWith("• ", StringComparison.Ordinal)).Select(l => l[(l.IndexOf(" — ", StringComparison.Ordinal) + 3)..l.LastIndexOf(" (", StringComparison.Ordinal)])];

    private static async Task<Ikm.TestKit.SentMessage> NextPageAsync(Ikm.TestKit.TestUser coordinator, Ikm.TestKit.SentMessage page)
    {
        Assert.True(page.HasButton("Berikutnya ▶"), page.Text);
        await coordinator.PressAsync("Berikutnya ▶");
        return await coordinator.NextReplyAsync();
    }

    private static async Task<Ikm.TestKit.SentMessage> PreviousPageAsync(Ikm.TestKit.TestUser coordinator, Ikm.TestKit.SentMessage page)
    {
        Assert.True(page.HasButton("◀ Sebelumnya"), page.Text);
        await coordinator.PressAsync("◀ Sebelumnya");
        return await coordinator.NextReplyAsync();
    }
}
