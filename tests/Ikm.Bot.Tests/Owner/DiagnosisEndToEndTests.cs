using System.Text.Json;
using System.Text.RegularExpressions;
using Ikm.Bot.Tests.Support;
using Ikm.TestKit;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Diagnoses;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ikm.Bot.Tests.Owner;

/// <summary>The diagnosis usaha end to end: progress, result card and plan, resume, /kembali, own-data rights.</summary>
public sealed partial class DiagnosisEndToEndTests
{
    [Theory]
    [InlineData("id", "Hasil diagnosis usaha", "Tiga bidang terlemah", "Rencana pembinaan")]
    [InlineData("en", "Business diagnosis result", "The three weakest areas", "Mentoring plan")]
    public async Task FullDiagnosis_EndsWithScoresWeakestAreasAndPlan(string language, string title, string weakest, string plan)
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var siti = emulator.User(501, "Siti", language);
        await OwnerScript.JoinAsOwnerAsync(siti, language);
        await OwnerScript.RegisterAsync(siti, language);
        await siti.PressAsync(language == "en" ? "💾 Save" : "💾 Simpan");
        await siti.NextReplyAsync();

        await siti.PressAsync(language == "en" ? "🩺 Start the business diagnosis" : "🩺 Mulai diagnosis usaha");
        var intro = await siti.NextReplyAsync();
        Assert.Contains(language == "en" ? "IKM Business Diagnosis" : "Diagnosis Usaha IKM", intro.Text);
        Assert.Matches(language == "en" ? @"Some \d+–\d+ questions on 10 areas .*, about \d+ minutes" : @"Sekitar \d+–\d+ pertanyaan tentang 10 bidang usaha .*, ±\d+ menit", intro.Text);
        Assert.Contains(language == "en" ? "6 questions are already answered in your business profile" : "6 pertanyaan sudah terjawab di profil usaha Anda", intro.Text);
        await siti.PressAsync(language == "en" ? "▶️ Start" : "▶️ Mulai");
        var first = await siti.NextReplyAsync();
        Assert.Matches(language == "en" ? @"Question 1 of \d+" : @"Pertanyaan 1 dari \d+", first.Text);

        var result = await OwnerScript.AnswerDiagnosisAsync(siti, first);

        Assert.Contains(title, result.Text);
        Assert.Contains(weakest, result.Text);
        Assert.Contains(plan, result.Text);
        Assert.Contains("▰", result.Text);
        var stored = Assert.Single(await bot.Owners.GetDiagnosesByOwnerAsync(501, CancellationToken.None));
        Assert.Equal(DiagnosisStatus.Completed, stored.Status);
        Assert.Equal("diagnosis", stored.QuestionnaireId);
        Assert.Equal(OwnerScript.Diagnosis.Version, stored.QuestionnaireVersion);
        Assert.Equal(10, stored.AreaScores.Count);
        Assert.Equal(3, stored.WeakestAreas.Count);
        Assert.True(stored.Answers.Count >= 32, $"only {stored.Answers.Count} answers stored");
        var business = await bot.Owners.GetBusinessByOwnerAsync(501, CancellationToken.None);
        Assert.Equal(business!.Id, stored.BusinessId);

        await siti.PressDataAsync("menu:plan", result.MessageId);
        var planReply = await siti.NextReplyAsync();
        Assert.Contains(plan, planReply.Text);

        // Re-take: the old result stays as history.
        await siti.PressDataAsync("menu:diagnosis", result.MessageId);
        var again = await siti.NextReplyAsync();
        Assert.True(again.HasButton(language == "en" ? "📊 See the last result" : "📊 Lihat hasil terakhir"));
        await siti.PressAsync(language == "en" ? "🔄 Take it again" : "🔄 Ulangi diagnosis");
        Assert.Matches(language == "en" ? @"Question 1 of \d+" : @"Pertanyaan 1 dari \d+", (await siti.NextReplyAsync()).Text);
        var history = await bot.Owners.GetDiagnosesByOwnerAsync(501, CancellationToken.None);
        Assert.Equal([DiagnosisStatus.Completed, DiagnosisStatus.InProgress], history.Select(d => d.Status));
    }

    [Fact]
    public async Task Diagnosis_ResumesAfterRestart_WithProgressAndHumanizedTime()
    {
        await using var emulator = await Emulator.StartFastAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero));
        var dataDirectory = BotUnderTest.NewDataDirectory();
        var siti = emulator.User(502);
        var first = await BotUnderTest.StartAsync(emulator, dataDirectory: dataDirectory, services: s => s.AddSingleton<TimeProvider>(time));
        await OwnerScript.JoinAsOwnerAsync(siti);
        await OwnerScript.RegisterAsync(siti);
        await siti.PressAsync("💾 Simpan");
        await siti.NextReplyAsync();
        await siti.PressAsync("🩺 Mulai diagnosis usaha");
        await siti.NextReplyAsync();
        await siti.PressAsync("▶️ Mulai");
        var question = await siti.NextReplyAsync();
        var thirteenth = await OwnerScript.AnswerDiagnosisAsync(siti, question, stopAfter: 12);
        Assert.Contains("Pertanyaan 13 dari", thirteenth.Text);
        await first.StopAsync();

        time.Advance(TimeSpan.FromDays(3));
        await using var second = await BotUnderTest.StartAsync(emulator, dataDirectory: dataDirectory, services: s => s.AddSingleton<TimeProvider>(time));
        // The question still on screen is answered directly: the conversation resumes at the same step.
        var fourteenth = await OwnerScript.AnswerDiagnosisAsync(siti, thirteenth, stopAfter: 1);
        Assert.Contains("Pertanyaan 14 dari", fourteenth.Text);

        await siti.SendTextAsync("/batal");
        await siti.NextReplyAsync();
        time.Advance(TimeSpan.FromDays(3));
        await siti.SendTextAsync("/menu");
        await siti.NextReplyAsync();
        await siti.PressAsync("🩺 Diagnosis");
        var prompt = await siti.NextReplyAsync();
        Assert.Matches(@"Lanjutkan diagnosis\? 13 dari \d+ terjawab, terakhir 3 hari yang lalu\.", prompt.Text);
        await siti.PressAsync("▶️ Lanjutkan");
        Assert.Contains("Pertanyaan 14 dari", (await siti.NextReplyAsync()).Text);
    }

    [Fact]
    public async Task Back_GoesToThePreviousAnsweredQuestion_InTheDiagnosis()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var siti = emulator.User(503);
        var question = await StartDiagnosisAsync(siti);
        var third = await OwnerScript.AnswerDiagnosisAsync(siti, question, stopAfter: 2);
        Assert.Contains("Pertanyaan 3 dari", third.Text);

        await siti.SendTextAsync("/kembali");
        var second = await siti.NextReplyAsync();
        Assert.Contains("Pertanyaan 2 dari", second.Text);
        Assert.Contains("✏️", second.Text);

        // A button of question 3, pressed after going back, belongs to another question.
        var stale = third.InlineButtons.SelectMany(r => r).First();
        await siti.PressDataAsync(stale.CallbackData, third.MessageId);
        Assert.Contains("Tombol itu untuk pertanyaan lain", (await siti.NextReplyAsync()).Text);
    }

    [Fact]
    public async Task MenuButton_WhileDiagnosisOpen_AsksToLeaveOrContinue_AndKeepsAnswers()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var siti = emulator.User(504);
        var question = await StartDiagnosisAsync(siti);
        var third = await OwnerScript.AnswerDiagnosisAsync(siti, question, stopAfter: 2);

        await siti.PressDataAsync("menu:profile", third.MessageId);
        var ask = await siti.NextReplyAsync();
        Assert.Contains("belum selesai", ask.Text);
        await siti.PressAsync("▶️ Lanjutkan");
        Assert.Contains("Pertanyaan 3 dari", (await siti.NextReplyAsync()).Text);

        await siti.PressDataAsync("menu:profile", third.MessageId);
        await siti.NextReplyAsync();
        await siti.PressAsync("↪️ Tinggalkan");
        Assert.Contains("Periksa data usaha Anda", (await siti.NextReplyAsync()).Text);
        var diagnosis = Assert.Single(await bot.Owners.GetDiagnosesByOwnerAsync(504, CancellationToken.None));
        Assert.Equal(2, diagnosis.Answers.Keys.Except(diagnosis.FromProfile).Count());
    }

    [Fact]
    public async Task BadInput_InTheDiagnosis_IsRefusedWithTheQuestionAgain()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var siti = emulator.User(505);
        var question = await StartDiagnosisAsync(siti);

        await siti.SendTextAsync("entahlah");
        var refused = await siti.NextReplyAsync();
        Assert.Contains("tidak ada di daftar", refused.Text);
        Assert.Contains("Pertanyaan 1 dari", refused.Text);
        await siti.ShareLocationAsync(-0.9, 119.8);
        Assert.Contains("Pertanyaan 1 dari", (await siti.NextReplyAsync()).Text);
        await siti.SendStickerAsync();
        Assert.Contains("stiker", (await siti.NextReplyAsync()).Text);
        var diagnosis = Assert.Single(await bot.Owners.GetDiagnosesByOwnerAsync(505, CancellationToken.None));
        Assert.Equal(diagnosis.FromProfile.Order(), diagnosis.Answers.Keys.Order()); // only what registration answered
    }

    [Fact]
    public async Task MyData_SendsJsonAndXlsx_WithTheOwnersData()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var siti = emulator.User(506);
        var question = await StartDiagnosisAsync(siti);
        await OwnerScript.AnswerDiagnosisAsync(siti, question, stopAfter: 3);

        await siti.SendTextAsync("/datasaya");
        await siti.ExpectPreparingAsync();
        var json = await siti.NextReplyAsync();
        var xlsx = await siti.NextReplyAsync();

        Assert.Equal("sendDocument", json.Method);
        Assert.EndsWith(".json", json.FileName);
        using var document = JsonDocument.Parse(json.FileContent!);
        Assert.Equal("Siti Aminah", document.RootElement.GetProperty("Business").GetProperty("OwnerName").GetString());
        var fromProfile = document.RootElement.GetProperty("Diagnoses")[0].GetProperty("FromProfile").GetArrayLength();
        Assert.Equal(6, fromProfile);
        Assert.Equal(3 + fromProfile, document.RootElement.GetProperty("Diagnoses")[0].GetProperty("Answers").EnumerateObject().Count());
        Assert.EndsWith(".xlsx", xlsx.FileName);
        Assert.Equal((byte)'P', xlsx.FileContent![0]); // a ZIP container (XLSX)
        Assert.Equal((byte)'K', xlsx.FileContent[1]);
        using var workbook = new MemoryStream(xlsx.FileContent);
        var rows = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "Jawaban").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(3 + fromProfile, rows.Count);
        Assert.Equal("profil usaha", rows.Single(r => (string)r["Pertanyaan"] == "leg_nib")["Sumber"]);
        Assert.Equal(3, rows.Count(r => (string)r["Sumber"] == "dijawab"));
    }

    [Fact]
    public async Task DeleteMyData_AfterConfirmation_RemovesPersonalDataFromTheStore()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var siti = emulator.User(507);
        var question = await StartDiagnosisAsync(siti);
        await OwnerScript.AnswerDiagnosisAsync(siti, question, stopAfter: 3);
        var businessId = (await bot.Owners.GetBusinessByOwnerAsync(507, CancellationToken.None))!.Id;

        await siti.SendTextAsync("/hapusdata");
        Assert.Contains("Hapus data pribadi Anda?", (await siti.NextReplyAsync()).Text);
        await siti.PressAsync("↩️ Tidak, simpan");
        Assert.Contains("tidak dihapus", (await siti.NextReplyAsync()).Text);
        Assert.NotNull(await bot.Owners.GetBusinessByOwnerAsync(507, CancellationToken.None));

        await siti.SendTextAsync("/hapusdata");
        await siti.NextReplyAsync();
        await siti.PressAsync("🗑 Ya, hapus data saya");
        var done = await siti.NextReplyAsync();
        Assert.Contains("profil usaha", done.Text);
        Assert.Contains("1 diagnosis", done.Text);
        Assert.Contains("akun bot", done.Text);
        Assert.Contains("salinan pesan bot", done.Text);

        Assert.Null(await bot.Owners.GetBusinessByOwnerAsync(507, CancellationToken.None));
        Assert.Empty(await bot.Owners.GetDiagnosesByOwnerAsync(507, CancellationToken.None));
        Assert.Null(await bot.Store.GetMemberAsync(507, CancellationToken.None));
        var anonymous = (await bot.Owners.GetBusinessesAsync(CancellationToken.None)).Single(b => b.Id == businessId);
        Assert.True(anonymous.Anonymised);
        Assert.Null(anonymous.OwnerName);
        Assert.Null(anonymous.Phone);
        Assert.Equal("abon", anonymous.Commodity);
        var conversation = await bot.Store.GetConversationAsync(507, CancellationToken.None);
        Assert.Empty(conversation!.Data);
    }

    private static async Task<SentMessage> StartDiagnosisAsync(TestUser user)
    {
        await OwnerScript.JoinAsOwnerAsync(user);
        await OwnerScript.RegisterAsync(user);
        await user.PressAsync("💾 Simpan");
        await user.NextReplyAsync();
        await user.PressAsync("🩺 Mulai diagnosis usaha");
        await user.NextReplyAsync();
        await user.PressAsync("▶️ Mulai");
        return await user.NextReplyAsync();
    }
}
