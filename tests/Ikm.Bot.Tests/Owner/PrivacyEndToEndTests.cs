using Ikm.Bot.Tests.Support;

namespace Ikm.Bot.Tests.Owner;

/// <summary>/privasi tells anyone what is kept, why, for how long (the configured periods) and who sees it.</summary>
public sealed class PrivacyEndToEndTests
{
    [Fact]
    public async Task Privacy_TellsWhatWhyHowLongAndWho_WithTheConfiguredPeriods()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, settings: new Dictionary<string, string?>
        {
            ["Retention:OutboxDays"] = "45",
            ["Retention:DraftDays"] = "90",
        });
        var stranger = emulator.User(990);

        await stranger.SendTextAsync("/privasi");
        var reply = (await stranger.NextReplyAsync()).Text!;

        Assert.Contains("Yang disimpan: profil usaha", reply);
        Assert.Contains("Untuk apa: menjalankan program pendampingan IKM", reply);
        Assert.Contains("Siapa yang melihat: koordinator program di kohort Anda dan pendamping yang ditugaskan", reply);
        Assert.Contains("setelah 45 hari", reply);
        Assert.Contains("dihapus setelah 90 hari", reply);
        Assert.Contains("/hapusdata", reply);
        // Asking is not joining: nothing but the conversation's dedupe window is stored.
        Assert.Null(await bot.Store.GetMemberAsync(990, CancellationToken.None));
    }

    [Fact]
    public async Task Privacy_InEnglish_GivesTheDefaultPeriods()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var owner = emulator.User(991);
        await OwnerScript.JoinAsOwnerAsync(owner, "en");

        await owner.SendTextAsync("/privacy");
        var reply = (await owner.NextReplyAsync()).Text!;

        Assert.Contains("Who sees it: the program's coordinators of your cohort and the mentor assigned to your business", reply);
        Assert.Contains("after 30 days", reply);
        Assert.Contains("deleted after 180 days", reply);
    }
}
