using Ikm.Bot.Tests.Support;
using Ikm.TestKit;
using Ikm.Workflow.Businesses;

namespace Ikm.Bot.Tests.Owner;

/// <summary>Consent, registration questions, bad input per type, the summary card and its ✏️ buttons.</summary>
public sealed class RegistrationEndToEndTests
{
    [Fact]
    public async Task Register_StoresBusinessWithConsent_AfterSummaryConfirmed()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var siti = emulator.User(401, "Siti");
        var menu = await OwnerScript.JoinAsOwnerAsync(siti);
        Assert.True(menu.HasButton("👤 Profil usaha"));

        var summary = await OwnerScript.RegisterAsync(siti);

        Assert.Contains("Periksa data usaha Anda", summary.Text);
        Assert.Contains("Nama usaha: Abon Ikan Mama Ani", summary.Text);
        Assert.Contains("Omzet/bulan: Rp 1.500.000", summary.Text);
        Assert.Contains("Izin: NIB, PIRT", summary.Text);
        Assert.Contains("No. HP: +6281234567890", summary.Text);
        Assert.True(summary.HasButton("✏️ Nama pemilik"));
        Assert.Null(await bot.Owners.GetBusinessByOwnerAsync(401, CancellationToken.None));

        await siti.PressAsync("💾 Simpan");
        var saved = await siti.NextReplyAsync();
        Assert.Contains("tersimpan", saved.Text);
        Assert.True(saved.HasButton("🩺 Mulai diagnosis usaha"));

        var business = await bot.Owners.GetBusinessByOwnerAsync(401, CancellationToken.None);
        Assert.NotNull(business);
        Assert.Equal("Siti Aminah", business.OwnerName);
        Assert.Equal("abon", business.Commodity);
        Assert.Equal(1_500_000m, business.MonthlyTurnover);
        Assert.Equal(4, business.Workers);
        Assert.Equal(["nib", "pirt"], business.Legality);
        Assert.Equal("+6281234567890", business.Phone);
        Assert.Equal(-0.8917, business.Location!.Latitude, 4);
        Assert.True(business.KeepsBooks);
        Assert.False(business.HadBankCredit);
        Assert.Equal("persetujuan-2025.1", business.Consent!.TextVersion);
    }

    [Fact]
    public async Task Register_AcceptsAUnitTheQuestionNames_AndTheLicenceErrorNamesTheBelumAdaButton()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var owner = emulator.User(404, "Rina");
        await OwnerScript.JoinAsOwnerAsync(owner);
        await owner.PressAsync("👤 Profil usaha");
        await owner.NextReplyAsync();
        await owner.PressAsync("✅ Setuju");
        await owner.NextReplyAsync();
        foreach (var answer in new[] { "Rina Wati", "Tenun Rina", "kain tenun" })
        {
            await owner.SendTextAsync(answer);
            await owner.NextReplyAsync();
        }
        await owner.PressAsync("Abon ikan");
        await owner.NextReplyAsync();
        await owner.SendTextAsync("Palu Barat");
        await owner.NextReplyAsync();
        await owner.SendTextAsync("Lere");
        await owner.NextReplyAsync();
        await owner.SendTextAsync("lewati");
        await owner.NextReplyAsync();
        await owner.SendContactAsync("+62 812 1111 2222");
        Assert.Contains("tenaga kerja", (await owner.NextReplyAsync()).Text);

        // A word for the unit is refused unless the question names it; the refusal's example is below the 500 maximum.
        await owner.SendTextAsync("banyak sekali");
        var refused = await owner.NextReplyAsync();
        Assert.Contains("misalnya: 4 atau 12", refused.Text);
        Assert.DoesNotContain("1.250", refused.Text);
        await owner.SendTextAsync("4 orang");
        Assert.Contains("omzet", (await owner.NextReplyAsync()).Text);
        await owner.SendTextAsync("1,5 jt");
        await owner.NextReplyAsync(); // licences

        await owner.PressAsync("✅ Selesai memilih");
        var nothing = await owner.NextReplyAsync();
        Assert.Contains("\"Belum ada\"", nothing.Text);
        Assert.DoesNotContain("Tidak ada", nothing.Text);
        Assert.True(nothing.HasButton("Belum ada"));
    }

    [Fact]
    public async Task Register_InEnglish_UsesEnglishLabels()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var sarah = emulator.User(402, "Sarah", "en");
        await OwnerScript.JoinAsOwnerAsync(sarah, "en");

        var summary = await OwnerScript.RegisterAsync(sarah, "en");

        Assert.Contains("Please check your business data", summary.Text);
        Assert.Contains("Turnover/month: Rp 1.500.000", summary.Text);
        await sarah.PressAsync("💾 Save");
        Assert.Contains("is saved", (await sarah.NextReplyAsync()).Text);
        Assert.NotNull(await bot.Owners.GetBusinessByOwnerAsync(402, CancellationToken.None));
    }

    [Fact]
    public async Task SummaryCard_EditButton_ChangesOneFieldAndReturnsToSummary()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var siti = emulator.User(403);
        await OwnerScript.JoinAsOwnerAsync(siti);
        await OwnerScript.RegisterAsync(siti);

        await siti.PressAsync("✏️ Tenaga kerja");
        var question = await siti.NextReplyAsync();
        Assert.Contains("tenaga kerja", question.Text);
        Assert.Contains("✏️ 4", question.Text);
        await siti.SendTextAsync("12");
        var summary = await siti.NextReplyAsync();
        Assert.Contains("Tenaga kerja: 12", summary.Text);

        // Changing the bank answer makes the credit question irrelevant: it leaves the card.
        await siti.PressAsync("✏️ Rekening bank");
        await siti.NextReplyAsync();
        await siti.PressAsync("Tidak");
        summary = await siti.NextReplyAsync();
        Assert.DoesNotContain("Kredit bank", summary.Text);

        await siti.PressAsync("💾 Simpan");
        await siti.NextReplyAsync();
        var business = await bot.Owners.GetBusinessByOwnerAsync(403, CancellationToken.None);
        Assert.Equal(12, business!.Workers);
        Assert.False(business.HasBankAccount);
        Assert.Null(business.HadBankCredit);
    }

    [Fact]
    public async Task BadInput_IsRefusedWithExample_AndNotStored_ForEachType()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var siti = emulator.User(404);
        await OwnerScript.JoinAsOwnerAsync(siti);
        await siti.PressAsync("👤 Profil usaha");
        await siti.NextReplyAsync();

        // Consent must be given with a button.
        await siti.SendTextAsync("boleh");
        Assert.Contains("Setuju", (await siti.NextReplyAsync()).Text);
        await siti.PressAsync("✅ Setuju");
        await siti.NextReplyAsync();

        // text: a photo or a location where text is expected; too short for the constraint.
        await siti.SendPhotoAsync("photo-1");
        var reply = await siti.NextReplyAsync();
        Assert.Contains("foto", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Siapa nama lengkap", reply.Text);
        await siti.ShareLocationAsync(-0.9, 119.8);
        Assert.Contains("lokasi", (await siti.NextReplyAsync()).Text, StringComparison.OrdinalIgnoreCase);
        await siti.SendTextAsync("Si");
        Assert.Contains("minimal 3", (await siti.NextReplyAsync()).Text);
        await siti.SendTextAsync("Siti Aminah");
        await siti.NextReplyAsync();
        await siti.SendTextAsync("Abon Mama Ani");
        await siti.NextReplyAsync();
        await siti.SendTextAsync("abon");
        var commodity = await siti.NextReplyAsync();

        // select_one: a typed answer that is not a choice.
        await siti.SendTextAsync("batu bara");
        Assert.Contains("tidak ada di daftar", (await siti.NextReplyAsync()).Text);
        await siti.PressAsync("Lainnya");
        await siti.NextReplyAsync();
        await siti.SendTextAsync("kerajinan rotan");
        await siti.NextReplyAsync();
        // A button of an earlier question changes nothing.
        await siti.PressDataAsync("rg:commodity:abon", commodity.MessageId);
        Assert.Contains("Tombol itu untuk pertanyaan lain", (await siti.NextReplyAsync()).Text);
        await siti.SendTextAsync("Palu Barat");
        await siti.NextReplyAsync();
        await siti.SendTextAsync("Lere");
        await siti.NextReplyAsync();

        // location: optional, skipped by typing "lewati".
        await siti.SendTextAsync("lewati");
        var phone = await siti.NextReplyAsync();
        Assert.Contains("Nomor HP", phone.Text);

        // phone
        await siti.SendTextAsync("12345");
        reply = await siti.NextReplyAsync();
        Assert.Contains("0812", reply.Text);
        await siti.SendTextAsync("0812-3456-7890");
        await siti.NextReplyAsync();

        // integer
        await siti.SendTextAsync("banyak");
        reply = await siti.NextReplyAsync();
        Assert.Contains("Contoh", reply.Text);
        await siti.SendTextAsync("0");
        Assert.Contains("antara 1 dan 500", (await siti.NextReplyAsync()).Text);
        await siti.SendTextAsync("3");
        await siti.NextReplyAsync();

        // money
        await siti.SendTextAsync("abc");
        reply = await siti.NextReplyAsync();
        Assert.Contains("1,5 jt", reply.Text);
        await siti.SendTextAsync("-5");
        await siti.NextReplyAsync();
        await siti.SendTextAsync("Rp 2.000.000");
        await siti.NextReplyAsync();

        // select_multiple: "Selesai" with nothing ticked, then "none" together with a licence.
        await siti.PressAsync("✅ Selesai memilih");
        Assert.Contains("Belum ada yang dipilih", (await siti.NextReplyAsync()).Text);
        await siti.PressAsync("NIB");
        await siti.NextReplyAsync();
        await siti.PressAsync("Belum ada");
        await siti.NextReplyAsync();
        await siti.PressAsync("✅ Selesai memilih");
        Assert.Contains("tidak bisa dipilih bersama", (await siti.NextReplyAsync()).Text);
        await siti.PressAsync("✅ NIB");
        await siti.NextReplyAsync();
        await siti.PressAsync("✅ Selesai memilih");
        await siti.NextReplyAsync();

        // yes_no typed in words
        await siti.SendTextAsync("mungkin");
        reply = await siti.NextReplyAsync();
        Assert.Contains("Ya", reply.Text);
        await siti.SendTextAsync("nggak");
        await siti.NextReplyAsync();
        await siti.SendTextAsync("iya");
        await siti.NextReplyAsync();
        await siti.SendTextAsync("tidak");
        var summary = await siti.NextReplyAsync();

        Assert.Contains("Komoditas lain: kerajinan rotan", summary.Text);
        Assert.Contains("Lokasi: (dilewati)", summary.Text);
        Assert.Contains("No. HP: +6281234567890", summary.Text);
        Assert.Contains("Tenaga kerja: 3", summary.Text);
        Assert.Contains("Omzet/bulan: Rp 2.000.000", summary.Text);
        Assert.Contains("Izin: Belum ada", summary.Text);
        Assert.Contains("Pembukuan: Tidak", summary.Text);
    }

    [Fact]
    public async Task Back_ReturnsToPreviousQuestion_AndCancelKeepsAnswers()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var siti = emulator.User(405);
        await OwnerScript.JoinAsOwnerAsync(siti);
        await siti.PressAsync("👤 Profil usaha");
        await siti.NextReplyAsync();
        await siti.PressAsync("✅ Setuju");
        await siti.NextReplyAsync();
        await siti.SendTextAsync("Siti Aminah");
        await siti.NextReplyAsync();
        await siti.SendTextAsync("Abon Mama Ani");
        Assert.Contains("Pertanyaan 3 dari", (await siti.NextReplyAsync()).Text);

        await siti.SendTextAsync("/kembali");
        var previous = await siti.NextReplyAsync();
        Assert.Contains("nama usaha", previous.Text);
        Assert.Contains("✏️ Abon Mama Ani", previous.Text);
        Assert.Contains("Pertanyaan 2 dari", previous.Text);
        await siti.SendTextAsync("Abon Ikan Mama Ani");
        Assert.Contains("produk", (await siti.NextReplyAsync()).Text);

        await siti.SendTextAsync("/batal");
        Assert.Contains("dibatalkan", (await siti.NextReplyAsync()).Text);
        await siti.PressAsync("👤 Profil usaha");
        var resumed = await siti.NextReplyAsync();
        Assert.Contains("Pertanyaan 3 dari", resumed.Text);
        Assert.Contains("produk", resumed.Text);
    }

    [Fact]
    public async Task Registration_ResumesAtTheSameQuestion_AfterRestart()
    {
        await using var emulator = await Emulator.StartFastAsync();
        var dataDirectory = BotUnderTest.NewDataDirectory();
        var siti = emulator.User(406);
        var first = await BotUnderTest.StartAsync(emulator, dataDirectory: dataDirectory);
        await OwnerScript.JoinAsOwnerAsync(siti);
        await siti.PressAsync("👤 Profil usaha");
        await siti.NextReplyAsync();
        await siti.PressAsync("✅ Setuju");
        await siti.NextReplyAsync();
        await siti.SendTextAsync("Siti Aminah");
        await siti.NextReplyAsync();
        await first.StopAsync();

        await using var second = await BotUnderTest.StartAsync(emulator, dataDirectory: dataDirectory);
        await siti.SendTextAsync("Abon Mama Ani");
        Assert.Contains("Pertanyaan 3 dari", (await siti.NextReplyAsync()).Text);
    }

    [Fact]
    public async Task ButtonOfAnotherUsersConversation_ChangesNothing()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var siti = emulator.User(407);
        var ani = emulator.User(408);
        await OwnerScript.JoinAsOwnerAsync(siti);
        await OwnerScript.JoinAsOwnerAsync(ani);
        await siti.PressAsync("👤 Profil usaha");
        var consent = await siti.NextReplyAsync();

        await ani.PressDataAsync("rg:consent:yes", consent.MessageId);
        Assert.Contains("Tombol itu sudah tidak berlaku", (await ani.NextReplyAsync()).Text);
        var aniConversation = await bot.Store.GetConversationAsync(408, CancellationToken.None);
        Assert.Equal("", aniConversation!.Flow);
    }
}
