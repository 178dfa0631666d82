using Ikm.Bot.Tests.Mentoring;
using Ikm.Bot.Tests.Support;

namespace Ikm.Bot.Tests.Conversations;

/// <summary>Issue 10 item 8 through the emulator (which refuses texts over 4,096 characters, as Telegram does).</summary>
public sealed class UserInputEndToEndTests
{
    [Fact]
    public async Task FiveThousandCharacterCommand_IsAnswered_RepeatingAtMostFiftyCharacters()
    {
        await using var telegram = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(telegram);
        var budi = telegram.User(4201);

        await budi.SendTextAsync("/" + new string('q', 5000));

        var reply = await budi.NextReplyAsync();
        Assert.Contains("tidak dikenal", reply.Text);
        Assert.Contains(new string('q', 50) + "…", reply.Text);
        Assert.DoesNotContain(new string('q', 51), reply.Text);
    }

    [Fact]
    public async Task DateWithArabicIndicDigits_GetsTheExpectedFormAndAnExample_NotAnApology()
    {
        await using var telegram = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(telegram);
        var coordinator = await MentoringProgramEndToEndTests.JoinAsCoordinatorAsync(telegram);
        await coordinator.PressAsync("🗂 Buat kohort");
        await coordinator.NextReplyAsync();
        await coordinator.SendTextAsync("Pendampingan IKM Palu 2026");
        await coordinator.NextReplyAsync();
        await coordinator.SendTextAsync("Kota Palu");
        await coordinator.NextReplyAsync();
        await coordinator.PressAsync("WITA (Makassar)");
        Assert.Contains("mulai", (await coordinator.NextReplyAsync()).Text, StringComparison.OrdinalIgnoreCase);

        await coordinator.SendTextAsync("١٧/٨/٢٠٢٥");

        var reply = await coordinator.NextReplyAsync();
        Assert.Contains("misalnya: 17 Agustus 2025 atau 17/8/2025", reply.Text);
        Assert.DoesNotContain("Maaf, terjadi kesalahan", reply.Text);
        Assert.Empty(await bot.Store.GetFailedUpdatesAsync(CancellationToken.None));
    }
}
