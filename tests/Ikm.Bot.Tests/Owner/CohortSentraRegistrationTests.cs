using Ikm.Bot.Tests.Support;
using Ikm.TestKit;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Ports;
using Microsoft.Extensions.DependencyInjection;
using static Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests;

namespace Ikm.Bot.Tests.Owner;

/// <summary>
/// The cohort's sentra list drives registration: an owner invited to a cohort picks from its sentra; one who registers
/// alone gets the registration file's list. Every place a person reads shows a sentra's label, never a stored code.
/// </summary>
public sealed class CohortSentraRegistrationTests
{
    private const string Lombok = "Pendampingan Lombok Timur";

    [Fact]
    public async Task InvitedOwner_ChoosesFromTheCohortsSentra_AndTheSentraWarningNamesLabels()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var admin = await JoinAsCoordinatorAsync(emulator);
        await CreateCohortAsync(admin);
        await CreateAnotherCohortAsync(admin, Lombok, "Lombok Timur"); // sentra: "olahan ikan"
        var mentor = emulator.User(861);
        await mentor.SendTextAsync("/start " + await InviteAsync(admin, "mentor", "Lale Ira", Lombok));
        await mentor.NextReplyAsync();

        // An owner registering alone: the registration file's list (stored as its value "abon").
        var first = emulator.User(961);
        await RegisterOwnerAsync(first);
        var notice = await admin.NextReplyAsync();
        Assert.Contains("(Abon ikan, Palu Barat)", notice.Text);
        await admin.PressAsync("⏳ Persetujuan");
        await admin.NextReplyAsync();
        await admin.PressAsync("✅ " + Lombok);
        Assert.Contains("diterima di kohort", (await admin.NextReplyAsync()).Text);
        await admin.SendTextAsync("/tugaskan");
        await admin.NextReplyAsync();
        await admin.PressAsync(Lombok);
        await admin.NextReplyAsync();
        await admin.PressAsync("Abon Ikan Mama Ani —");
        await admin.NextReplyAsync();
        await admin.PressAsync("Lale Ira (0/5)");
        Assert.Contains("sekarang didampingi Lale Ira", (await admin.NextReplyAsync()).Text);
        Assert.Contains("(Abon ikan, Palu Barat)", (await mentor.NextReplyAsync()).Text);

        // An owner invited to Lombok: its sentra and "Lainnya", nothing of the file's list.
        var invited = emulator.User(962);
        await invited.SendTextAsync("/start " + await InviteAsync(admin, "pemilik", "Ikan Asap Pak Made", Lombok));
        await invited.NextReplyAsync();
        var summary = await OwnerScript.RegisterAsync(invited, "Made Sudana", "Ikan Asap Pak Made", "+62 813 5555 0101", commodity: "olahan ikan");
        var sentraPrompt = emulator.SentTo(invited.Id).Single(m => m.Text?.Contains("sentra/komoditas apa") == true);
        Assert.Equal(["olahan ikan", "Lainnya"], sentraPrompt.AllInlineButtons.Select(b => b.Text));
        Assert.Contains("olahan ikan", summary.Text);
        await invited.PressAsync("💾 Simpan");
        await invited.NextReplyAsync();
        var documents = bot.App.Services.GetRequiredService<IDocumentStore>();
        var business = Assert.Single(await documents.FindAsync<Business>(DocumentIndex.Owner(962), CancellationToken.None));
        Assert.Equal("olahan ikan", business.Commodity);

        // Assigning it to the mentor of an abon IKM warns with both labels; no raw code reaches the coordinator.
        await admin.SendTextAsync("/tugaskan");
        await admin.NextReplyAsync();
        await admin.PressAsync(Lombok);
        await admin.NextReplyAsync();
        await admin.PressAsync("Ikan Asap Pak Made —");
        await admin.NextReplyAsync();
        await admin.PressAsync("Lale Ira (1/5)");
        var warning = await admin.NextReplyAsync();
        Assert.Contains("Lale Ira mendampingi sentra Abon ikan, sedangkan Ikan Asap Pak Made dari sentra olahan ikan", warning.Text);
        Assert.DoesNotContain(emulator.SentTo(admin.Id), m => m.Text?.Contains("(abon,") == true || m.Text?.Contains("sentra abon") == true);
    }

    [Fact]
    public async Task OwnerEditingTheProfile_KeepsTheCohortSentraSelected()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var admin = await JoinAsCoordinatorAsync(emulator);
        await CreateCohortAsync(admin);
        await CreateAnotherCohortAsync(admin, Lombok, "Lombok Timur");
        var invited = emulator.User(963);
        await invited.SendTextAsync("/start " + await InviteAsync(admin, "pemilik", "Ikan Asap Pak Made", Lombok));
        await invited.NextReplyAsync();
        await OwnerScript.RegisterAsync(invited, "Made Sudana", "Ikan Asap Pak Made", "+62 813 5555 0101", commodity: "olahan ikan");
        await invited.PressAsync("💾 Simpan");
        await invited.NextReplyAsync();

        // After a restart of the conversation, the profile card shows the cohort's sentra, not "Lainnya".
        await invited.SendTextAsync("/menu");
        await invited.NextReplyAsync();
        await invited.PressAsync("👤 Profil usaha");
        var card = await invited.NextReplyAsync();
        Assert.Contains(": olahan ikan", card.Text);
        Assert.DoesNotContain("Lainnya", card.Text);
    }
}
