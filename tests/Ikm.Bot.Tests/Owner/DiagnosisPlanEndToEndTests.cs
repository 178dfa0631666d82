using System.Text.RegularExpressions;
using Ikm.Bot.Tests.Support;
using Ikm.TestKit;
using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Questionnaires;

namespace Ikm.Bot.Tests.Owner;

/// <summary>
/// What the diagnosis announces is what it asks, it does not ask again what registration holds, and the plan is a
/// plan: three areas, three topics each, none the owner already has.
/// </summary>
public sealed partial class DiagnosisPlanEndToEndTests
{
    /// <summary>
    /// An owner with an NIB and a PIRT (registration), a brand, selling on WhatsApp; weak in marketing, branding and
    /// licensing (weakest in that order); strong elsewhere (every other question gets its best-scoring choice).
    /// </summary>
    private static readonly Dictionary<string, string> Owner = new()
    {
        ["product_kind"] = "food",
        ["mkt_online"] = "yes", ["mkt_channels"] = "wa", ["mkt_posting"] = "rarely", ["mkt_photo"] = "no",
        ["brand_name"] = "yes", ["brand_registered"] = "no", ["brand_package"] = "plain", ["brand_story"] = "no",
        ["leg_halal_plan"] = "unknown", ["leg_retail_req"] = "no",
    };

    /// <summary>Asked again by the old diagnosis although registration holds them.</summary>
    private static readonly string[] FromRegistration = ["fin_bank_account", "fin_had_credit", "fin_keeps_books", "leg_nib", "leg_permits", "hr_has_workers"];

    [Fact]
    public async Task Diagnosis_AsksWithinTheAnnouncedRange_SkipsRegistrationAnswers_AndPlansThreeAreasOfNewTopics()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var siti = emulator.User(521);
        await OwnerScript.JoinAsOwnerAsync(siti);
        await OwnerScript.RegisterAsync(siti); // NIB + PIRT, books, bank account, no credit, 4 workers
        await siti.PressAsync("💾 Simpan");
        await siti.NextReplyAsync();

        await siti.PressAsync("🩺 Mulai diagnosis usaha");
        var intro = await siti.NextReplyAsync();
        var range = AnnouncedRange().Match(intro.Text!);
        Assert.True(range.Success, intro.Text);
        var (fewest, most) = (int.Parse(range.Groups[1].Value), int.Parse(range.Groups[2].Value));
        Assert.Contains("10 bidang usaha", intro.Text);
        Assert.Matches(@"±\d+ menit", intro.Text);
        Assert.Contains("6 pertanyaan sudah terjawab di profil usaha", intro.Text);

        await siti.PressAsync("▶️ Mulai");
        var message = await siti.NextReplyAsync();
        var asked = new List<Question>();
        var totals = new List<int>();
        while (message.Text!.Contains('❓') && asked.Count < OwnerScript.Diagnosis.Questions.Count)
        {
            var progress = Progress().Match(message.Text);
            Assert.Equal(asked.Count + 1, int.Parse(progress.Groups[1].Value));
            totals.Add(int.Parse(progress.Groups[2].Value));
            var question = OwnerScript.Diagnosis.Questions.First(q => message.Text.Contains(q.Label.Get("id")));
            asked.Add(question);
            message = await AnswerAsync(siti, message, question);
        }

        Assert.Equal(most, totals[0]);
        Assert.Equal(totals.OrderByDescending(t => t), totals); // the total never grows
        Assert.Equal(asked.Count, totals[^1]);
        Assert.InRange(asked.Count, fewest, most);
        Assert.DoesNotContain(asked, q => FromRegistration.Contains(q.Id));

        var stored = Assert.Single(await bot.Owners.GetDiagnosesByOwnerAsync(521, CancellationToken.None));
        Assert.Equal(FromRegistration.Order(), stored.FromProfile.Order());
        Assert.Equal("yes", stored.Answers["leg_nib"]);
        Assert.Equal("pirt", stored.Answers["leg_permits"]);
        Assert.Equal("no", stored.Answers["fin_had_credit"]);
        // Licensing is scored from the profile's answers as if typed: NIB 4, PIRT 3, halal plan 1, retail 1.
        Assert.Equal(2.3, stored.AreaScores["legality"], 1);

        // The full area table stays in the card; the plan is the three weakest, three topics each, none already had.
        var card = message.Text;
        Assert.All(OwnerScript.Diagnosis.Areas, a => Assert.Contains(a.Label.Get("id"), card));
        var plan = card[card.IndexOf("📋 Rencana pembinaan:", StringComparison.Ordinal)..];
        Assert.Equal(["Merek dan kemasan", "Perizinan dan standardisasi", "Pemasaran digital"],
            plan.Split('\n').Where(l => l.StartsWith("▸ ", StringComparison.Ordinal)).Select(l => l[2..]));
        // Branding 2 of 3 (no logo), licensing 2 of 3 (no NIB), marketing 3 of 4 (no WhatsApp Business).
        Assert.Equal(7, plan.Split('\n').Count(l => l.StartsWith("   • ", StringComparison.Ordinal)));
        Assert.DoesNotContain("Mengurus NIB lewat OSS", plan);
        Assert.DoesNotContain("Membuat nama merek dan logo", plan);
        Assert.DoesNotContain("WhatsApp Business", plan);
        Assert.Contains("Mendaftarkan merek ke DJKI", plan);
        Assert.Contains("Mengurus SPP-IRT (PIRT) dan sertifikat halal", plan);

        // "Rencana pembinaan" from the menu shows the same plan.
        await siti.PressDataAsync("menu:plan", message.MessageId);
        Assert.Equal(plan, (await siti.NextReplyAsync()).Text);
    }

    [Fact]
    public async Task Back_FromTheFirstQuestionAfterAPrefilledOne_NeverReachesAQuestionRegistrationAnswered()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var siti = emulator.User(522);
        await OwnerScript.JoinAsOwnerAsync(siti);
        await OwnerScript.RegisterAsync(siti);
        await siti.PressAsync("💾 Simpan");
        await siti.NextReplyAsync();
        await siti.PressAsync("🩺 Mulai diagnosis usaha");
        await siti.NextReplyAsync();
        await siti.PressAsync("▶️ Mulai");
        var message = await siti.NextReplyAsync();
        var finance = OwnerScript.Diagnosis.FindQuestion("fin_books")!;
        for (var i = 0; i < OwnerScript.Diagnosis.Questions.Count && !message.Text!.Contains(finance.Label.Get("id")); i++)
            message = await AnswerAsync(siti, message, OwnerScript.Diagnosis.Questions.First(q => message.Text!.Contains(q.Label.Get("id"))));

        // fin_books follows fin_keeps_books, which the profile answered: /kembali goes to the question before that.
        await siti.SendTextAsync("/kembali");
        var back = await siti.NextReplyAsync();
        Assert.Contains(OwnerScript.Diagnosis.FindQuestion("brand_story")!.Label.Get("id"), back.Text);
        Assert.DoesNotContain(OwnerScript.Diagnosis.FindQuestion("fin_keeps_books")!.Label.Get("id"), back.Text);

        await siti.SendTextAsync("/batal");
        await siti.NextReplyAsync();
        var stored = Assert.Single(await bot.Owners.GetDiagnosesByOwnerAsync(522, CancellationToken.None));
        Assert.Equal("yes", stored.Answers["fin_keeps_books"]);
    }

    private static Task<SentMessage> AnswerAsync(TestUser user, SentMessage message, Question question) =>
        OwnerScript.AnswerQuestionAsync(user, message, question, ValueFor);

    private static string ValueFor(Question question) =>
        Owner.TryGetValue(question.Id, out var value) ? value : question.Choices.MaxBy(c => c.Score ?? 0)!.Value;

    [GeneratedRegex(@"Sekitar (\d+)–(\d+) pertanyaan")]
    private static partial Regex AnnouncedRange();

    [GeneratedRegex(@"Pertanyaan (\d+) dari (\d+)")]
    private static partial Regex Progress();
}
