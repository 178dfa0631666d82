using Ikm.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ikm.Bot.Tests.Owner;

/// <summary>The owner's 🗓 Kunjungan: each visit on the day it was in the cohort's zone, written with the app's own month names.</summary>
public sealed class OwnerVisitsViewTests
{
    [Fact]
    public async Task AVisitAt0730Wita_IsShownOnItsWitaDay_NotOnTheUtcDayBefore()
    {
        // Sunday 22 November 23:30 UTC is Monday 23 November 07:30 WITA, where the check-in happens.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.Zero));
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s => s.AddSingleton<TimeProvider>(time));
        var scenario = await VisitedOwnerScenario.RunAsync(emulator, bot, time, mentorId: 886, ownerId: 986);

        scenario.Owner.SkipReplies();
        await scenario.Owner.SendTextAsync("/menu");
        await scenario.Owner.NextReplyAsync();
        await scenario.Owner.PressAsync("🗓 Kunjungan");
        var view = (await scenario.Owner.NextReplyAsync()).Text!;

        Assert.Contains("• 23 Nov 2026 — Budi Santoso, 4 jam:", view);
        Assert.DoesNotContain("22 Nov", view);
    }
}
