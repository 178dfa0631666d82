using Ikm.Bot.Tests.Support;
using Ikm.TestKit;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Ports;
using Microsoft.Extensions.DependencyInjection;
using static Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests;

namespace Ikm.Bot.Tests.Mentoring;

/// <summary>
/// Who is told of an assignment: the owner learns the mentor's name (and the mentor's number only when the mentor
/// chose to share it with /nomorsaya), the mentor an IKM moved away from is told, each in their own language.
/// </summary>
public sealed class AssignmentNoticeTests
{
    [Fact]
    public async Task Assignment_TellsTheOwnerTheMentorsName_TheNumberOnlyWhenShared_AndTheMentorMovedAway()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var owner = emulator.User(931);
        var (coordinator, budi) = await AssignedProgramAsync(emulator, 831, "Budi Santoso", owner.Id);

        // Budi shares no number (the default): the owner learns his name only.
        var first = await emulator.WaitForMessageAsync(owner.Id, m => m.Text?.Contains("Pendamping usaha Anda sekarang Budi Santoso") == true);
        Assert.DoesNotContain("Nomor pendamping", first.Text);

        // Rina turns sharing on; a bad number is refused and nothing is stored.
        var rina = await InviteAndJoinMentorAsync(emulator, coordinator, 832, "Rina Wati");
        await rina.SendTextAsync("/nomorsaya");
        Assert.Contains("Bagikan nomor saya ke IKM: mati", (await rina.NextReplyAsync()).Text);
        await rina.SendTextAsync("/nomorsaya 12ab");
        Assert.Contains("tidak bisa dibaca", (await rina.NextReplyAsync()).Text);
        var documents = bot.App.Services.GetRequiredService<IDocumentStore>();
        Assert.Empty(await documents.AllAsync<MentorContact>(CancellationToken.None));
        await rina.SendTextAsync("/nomorsaya 0813 1111 2222");
        var on = await rina.NextReplyAsync();
        Assert.Contains("+6281311112222 akan dibagikan", on.Text);
        Assert.True(on.HasButton("🔕 Jangan bagikan nomor saya"));

        // Moving the IKM to Rina: the owner gets her name and number, Budi is told it moved away.
        await coordinator.SendTextAsync("/tugaskan");
        await coordinator.NextReplyAsync();
        await coordinator.PressAsync("Abon Ikan Mama Ani — Budi Santoso");
        await coordinator.NextReplyAsync();
        await coordinator.PressAsync("Rina Wati (0/5)");
        Assert.Contains("dipindahkan dari Budi Santoso ke Rina Wati", (await coordinator.NextReplyAsync()).Text);
        var moved = await emulator.WaitForMessageAsync(owner.Id, m => m.Text?.Contains("Pendamping usaha Anda sekarang Rina Wati") == true);
        Assert.Contains("📞 Nomor pendamping: +6281311112222", moved.Text);
        var away = await budi.NextReplyAsync();
        Assert.Contains("Abon Ikan Mama Ani tidak lagi Anda dampingi", away.Text);
        Assert.Contains("Rina Wati", away.Text);
        Assert.DoesNotContain("+62", away.Text);

        // Turned off again (the button), the record goes; a mentor-only setting refuses an owner.
        await emulator.WaitForMessageAsync(rina.Id, m => m.Text?.Contains("IKM baru untuk Anda dampingi") == true);
        rina.SkipReplies();
        await rina.PressAsync("🔕 Jangan bagikan nomor saya");
        Assert.Contains("tidak dibagikan lagi", (await rina.NextReplyAsync()).Text);
        Assert.Empty(await documents.AllAsync<MentorContact>(CancellationToken.None));
        owner.SkipReplies();
        await owner.SendTextAsync("/nomorsaya 0812 0000 1111");
        Assert.DoesNotContain("dibagikan", (await owner.NextReplyAsync()).Text);
        Assert.Empty(await documents.AllAsync<MentorContact>(CancellationToken.None));
    }

    [Fact]
    public async Task SharingTheNumber_SendsItToTheOwnersAlreadyAssigned_OncePerNumber()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var owner = emulator.User(933);
        var (_, budi) = await AssignedProgramAsync(emulator, 833, "Budi Santoso", owner.Id);
        await emulator.WaitForMessageAsync(owner.Id, m => m.Text?.Contains("Pendamping usaha Anda sekarang Budi Santoso") == true);
        owner.SkipReplies();

        await budi.SendTextAsync("/nomorsaya 0813 1111 2222");
        Assert.Contains("dikirim kepada 1 pemilik IKM", (await budi.NextReplyAsync()).Text);
        var shared = await owner.NextReplyAsync();
        Assert.Contains("Budi Santoso", shared.Text);
        Assert.Contains("+6281311112222", shared.Text);

        // The same number again is not sent again; a new number is.
        await budi.SendTextAsync("/nomorsaya +62 813-1111-2222");
        Assert.Contains("sudah dibagikan", (await budi.NextReplyAsync()).Text);
        await budi.SendTextAsync("/nomorsaya 0813 3333 4444");
        Assert.Contains("dikirim kepada 1 pemilik IKM", (await budi.NextReplyAsync()).Text);
        Assert.Contains("+6281333334444", (await owner.NextReplyAsync()).Text);
        var toOwner = emulator.SentTo(owner.ChatId).Where(m => m.Text?.Contains("+62813") == true).Select(m => m.Text).ToList();
        Assert.Equal(2, toOwner.Count);
        Assert.Contains("+6281311112222", toOwner[0]);
        Assert.Contains("+6281333334444", toOwner[1]);
    }

    [Fact]
    public async Task Assignment_NoticeToAnEnglishOwner_IsInEnglish()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var coordinator = await JoinAsCoordinatorAsync(emulator);
        await CreateCohortAsync(coordinator);
        await InviteAndJoinMentorAsync(emulator, coordinator, 841, "Budi Santoso");
        var owner = emulator.User(941);
        await OwnerScript.JoinAsOwnerAsync(owner, "en");
        await OwnerScript.RegisterAsync(owner, "en");
        await owner.PressAsync("💾 Save");
        await owner.NextReplyAsync();
        await ApproveAsync(coordinator);
        await AssignAsync(coordinator, "Abon Ikan Mama Ani", "Budi Santoso");
        await emulator.WaitForMessageAsync(owner.Id, m => m.Text?.Contains("Your business's mentor is now Budi Santoso") == true);
    }
}
