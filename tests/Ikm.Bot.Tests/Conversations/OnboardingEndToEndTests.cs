using Ikm.Bot.Channels.Telegram;
using Ikm.Bot.Tests.Support;
using Ikm.TestKit;
using Ikm.Workflow.Members;

namespace Ikm.Bot.Tests.Conversations;

/// <summary>/start → welcome → language → role, through the emulator, in both Telegram modes.</summary>
public sealed class OnboardingEndToEndTests
{
    [Theory]
    [InlineData(TelegramMode.Polling)]
    [InlineData(TelegramMode.Webhook)]
    public async Task Start_WelcomesInBahasaThenLanguageThenRoleMenu_WhenOwnerJoins(TelegramMode mode)
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, mode);
        var budi = emulator.User(101);

        await budi.SendTextAsync("/start");
        var welcome = await budi.NextReplyAsync();
        Assert.Contains("Selamat datang", welcome.Text);
        Assert.True(welcome.HasButton("🇮🇩 Bahasa Indonesia"));
        Assert.True(welcome.HasButton("🇬🇧 English"));

        await budi.PressAsync("🇮🇩 Bahasa Indonesia");
        var roles = await budi.NextReplyAsync();
        Assert.Contains("Anda bergabung sebagai apa?", roles.Text);
        Assert.True(roles.HasButton("🏭 Pemilik IKM"));

        await budi.PressAsync("🏭 Pemilik IKM");
        var menu = await budi.NextReplyAsync();
        Assert.Contains("Menu pemilik IKM", menu.Text);

        var member = await bot.Store.GetMemberAsync(101, CancellationToken.None);
        Assert.Equal(MemberRole.Owner, member!.Role);
        Assert.Equal("id", member.Language);
        Assert.Equal(2, emulator.AnsweredCallbackQueryIds.Count);
    }

    [Fact]
    public async Task Start_SpeaksEnglishAfterward_WhenEnglishChosen()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var sarah = emulator.User(102, "Sarah", "en");

        await sarah.SendTextAsync("/start");
        await sarah.NextReplyAsync();
        await sarah.PressAsync("🇬🇧 English");
        var roles = await sarah.NextReplyAsync();
        Assert.Contains("How are you joining?", roles.Text);
        await sarah.PressAsync("🏭 IKM owner");
        Assert.Contains("IKM owner menu", (await sarah.NextReplyAsync()).Text);

        await sarah.SendTextAsync("/bantuan");
        Assert.Contains("At any time:", (await sarah.NextReplyAsync()).Text);
    }

    [Fact]
    public async Task ChooseRole_RefusesMentorWithoutInvite_AndAcceptsConfiguredCoordinator()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var ani = emulator.User(103);
        await ani.SendTextAsync("/start");
        await ani.NextReplyAsync();
        await ani.PressAsync("Bahasa Indonesia");
        await ani.NextReplyAsync();

        await ani.PressAsync("Pendamping");
        var refusal = await ani.NextReplyAsync();
        Assert.Contains("memerlukan undangan", refusal.Text);
        Assert.True(refusal.HasButton("🏭 Pemilik IKM"));
        Assert.Null(await bot.Store.GetMemberAsync(103, CancellationToken.None));

        await ani.PressAsync("Koordinator");
        Assert.Contains("memerlukan undangan", (await ani.NextReplyAsync()).Text);

        var coordinator = emulator.User(700); // configured in Bot:Coordinators
        await coordinator.SendTextAsync("/start");
        await coordinator.NextReplyAsync();
        await coordinator.PressAsync("Bahasa Indonesia");
        await coordinator.NextReplyAsync();
        await coordinator.PressAsync("Koordinator");
        Assert.Contains("Menu koordinator", (await coordinator.NextReplyAsync()).Text);
        Assert.Equal(MemberRole.Coordinator, (await bot.Store.GetMemberAsync(700, CancellationToken.None))!.Role);
    }

    [Fact]
    public async Task PressButton_RepliesPolitelyAndKeepsState_WhenButtonIsStaleOrForged()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var budi = emulator.User(104);
        await budi.SendTextAsync("/start");
        var welcome = await budi.NextReplyAsync();
        await budi.PressAsync("Bahasa Indonesia");
        await budi.NextReplyAsync();

        // The language button of the first message again: the conversation is past that step.
        await budi.PressDataAsync("ob:lang:en", welcome.MessageId);
        Assert.Contains("Tombol itu sudah tidak berlaku", (await budi.NextReplyAsync()).Text);
        // A forged role that does not exist.
        await budi.PressDataAsync("ob:role:admin", welcome.MessageId);
        Assert.Contains("Tombol itu sudah tidak berlaku", (await budi.NextReplyAsync()).Text);
        // Complete garbage.
        await budi.PressDataAsync("zz:unknown", welcome.MessageId);
        Assert.Contains("Tombol itu sudah tidak berlaku", (await budi.NextReplyAsync()).Text);

        var conversation = await bot.Store.GetConversationAsync(104, CancellationToken.None);
        Assert.Equal("onboarding", conversation!.Flow);
        Assert.Equal("ChoosingRole", conversation.State);
        Assert.Equal("id", conversation.Language);

        await budi.PressAsync("🏭 Pemilik IKM");
        Assert.Contains("Menu pemilik IKM", (await budi.NextReplyAsync()).Text);
    }

    [Fact]
    public async Task GlobalCommands_WorkInEveryState()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var budi = emulator.User(105);
        await budi.SendTextAsync("/start");
        await budi.NextReplyAsync();
        await budi.PressAsync("Bahasa Indonesia");
        await budi.NextReplyAsync();

        await budi.SendTextAsync("/kembali");
        var language = await budi.NextReplyAsync();
        Assert.True(language.HasButton("🇬🇧 English"));

        await budi.SendTextAsync("/bantuan");
        Assert.Contains("Kapan saja:", (await budi.NextReplyAsync()).Text);
        Assert.Contains("Pilih bahasa", (await budi.NextReplyAsync()).Text);

        await budi.SendTextAsync("/batal");
        var cancelled = (await budi.NextReplyAsync()).Text;
        Assert.Contains("dibatalkan", cancelled);
        Assert.Contains("/start", cancelled);

        await budi.SendTextAsync("/start");
        await budi.NextReplyAsync();
        await budi.PressAsync("Bahasa Indonesia");
        await budi.NextReplyAsync();
        await budi.PressAsync("Pemilik IKM");
        await budi.NextReplyAsync();

        await budi.SendTextAsync("/bahasa");
        await budi.NextReplyAsync();
        await budi.PressAsync("English");
        Assert.Contains("Language changed to English", (await budi.NextReplyAsync()).Text);
        Assert.Contains("IKM owner menu", (await budi.NextReplyAsync()).Text);
        Assert.Equal("en", (await bot.Store.GetMemberAsync(105, CancellationToken.None))!.Language);

        await budi.SendTextAsync("/menu");
        Assert.Contains("IKM owner menu", (await budi.NextReplyAsync()).Text);
        await budi.SendTextAsync("/apaini");
        Assert.Contains("Unknown command: /apaini", (await budi.NextReplyAsync()).Text);
    }

    [Fact]
    public async Task BadInput_GetsClearReply_ForEmptyLongEmojiAndSticker()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var budi = emulator.User(106);
        await budi.SendTextAsync("/start");
        await budi.NextReplyAsync();

        await budi.SendTextAsync("   ");
        Assert.Contains("Pesan Anda kosong", (await budi.NextReplyAsync()).Text);
        await budi.SendTextAsync(new string('a', 5000));
        Assert.Contains("Pesan terlalu panjang (5.000 karakter). Batasnya 1.000 karakter", (await budi.NextReplyAsync()).Text);
        await budi.SendTextAsync("😀👍🙏");
        Assert.Contains("Saya belum mengerti pesan itu", (await budi.NextReplyAsync()).Text);
        await budi.SendStickerAsync();
        Assert.Contains("stiker", (await budi.NextReplyAsync()).Text);
        await budi.SendTextAsync("halo");
        var help = await budi.NextReplyAsync();
        Assert.Contains("Pilih bahasa", help.Text);
        Assert.True(help.HasButton("🇬🇧 English"));

        var conversation = await bot.Store.GetConversationAsync(106, CancellationToken.None);
        Assert.Equal("ChoosingLanguage", conversation!.State);
    }

    [Fact]
    public async Task Restart_ResumesAtTheSameStep()
    {
        await using var emulator = await Emulator.StartFastAsync();
        var dataDirectory = BotUnderTest.NewDataDirectory();
        var budi = emulator.User(107);
        var first = await BotUnderTest.StartAsync(emulator, dataDirectory: dataDirectory);
        await budi.SendTextAsync("/start");
        await budi.NextReplyAsync();
        await budi.PressAsync("Bahasa Indonesia");
        await budi.NextReplyAsync();
        await first.StopAsync();

        await using var second = await BotUnderTest.StartAsync(emulator, dataDirectory: dataDirectory);
        await budi.PressAsync("🏭 Pemilik IKM");
        Assert.Contains("Menu pemilik IKM", (await budi.NextReplyAsync()).Text);
    }
}
