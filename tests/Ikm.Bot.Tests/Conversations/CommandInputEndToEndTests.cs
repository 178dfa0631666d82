using Ikm.Bot.Tests.Support;
using Ikm.TestKit;
using Ikm.Workflow.Diagnoses;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests;
using static Ikm.Bot.Tests.Support.StoredDrafts;

namespace Ikm.Bot.Tests.Conversations;

/// <summary>Issue 12 (problem 3 and the re-asks): a command is never an answer, and every refusal asks the question again.</summary>
public sealed class CommandInputEndToEndTests
{
    [Fact]
    public async Task UnknownCommand_AtATextAndAChoiceQuestion_IsRefusedWithTheQuestionAgain_AndNothingIsStored()
    {
        await using var emulator = await Emulator.StartFastAsync();
        var dataDirectory = BotUnderTest.NewDataDirectory();
        var first = await BotUnderTest.StartAsync(emulator, dataDirectory: dataDirectory);
        var siti = emulator.User(4301, "Siti");
        await OwnerScript.JoinAsOwnerAsync(siti);
        await siti.PressAsync("👤 Profil usaha");
        await siti.NextReplyAsync();
        await siti.PressAsync("✅ Setuju");
        var ownerName = await siti.NextReplyAsync();

        await siti.SendTextAsync("/abcxyz");
        AssertAskedAgain("Perintah tidak dikenal: /abcxyz", ownerName, await siti.NextReplyAsync());

        foreach (var answer in new[] { "Siti Aminah", "Abon Ikan Mama Ani", "abon tuna" })
        {
            await siti.SendTextAsync(answer);
            await siti.NextReplyAsync();
        }

        var choice = await siti.LastReplyAsync();
        Assert.True(choice.HasButton("Abon ikan"), choice.Text);
        await siti.SendTextAsync("/bukanperintah");
        AssertAskedAgain("Perintah tidak dikenal: /bukanperintah", choice, await siti.NextReplyAsync());

        // After a restart the choice question is still the one asked, and a command is still no answer.
        await first.StopAsync();
        await using var second = await BotUnderTest.StartAsync(emulator, dataDirectory: dataDirectory);
        await siti.SendTextAsync("/abcxyz");
        AssertAskedAgain("Perintah tidak dikenal: /abcxyz", choice, await siti.NextReplyAsync());
        var conversation = await second.Store.GetConversationAsync(4301, CancellationToken.None);
        Assert.DoesNotContain(conversation!.Data.Values, value => value.Contains("abcxyz", StringComparison.Ordinal) || value.Contains("bukanperintah", StringComparison.Ordinal));

        await siti.SendTextAsync("/batal");
        Assert.Contains("dibatalkan", (await siti.NextReplyAsync()).Text);
        await siti.SendTextAsync("/abcxyz");
        var idle = await siti.NextReplyAsync();
        Assert.StartsWith("Perintah tidak dikenal: /abcxyz", idle.Text);
        Assert.Contains("/bantuan", idle.Text);
    }

    [Fact]
    public async Task Logbook_RefusesACommandATooLongTextAndEmoji_AskingTheQuestionAgain_AndMenuSaysTheAnswersAreKept()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s => s.AddSingleton<TimeProvider>(time));
        var (_, mentor) = await AssignedProgramAsync(emulator, 4302, "Budi", 4303);
        await CheckInAtHouseAsync(mentor);
        time.Advance(TimeSpan.FromHours(4));
        await mentor.PressAsync("✅ Check-out");
        Assert.Contains("Selesai kunjungan di", (await mentor.NextReplyAsync()).Text);
        await mentor.PressAsync("✅ Ya, selesai");
        await mentor.NextReplyAsync();
        await mentor.NextReplyAsync();
        await mentor.SendTextAsync("Kemasan mudah sobek");
        var question = await mentor.NextReplyAsync();
        Assert.Contains("Apa yang didampingkan", question.Text);

        await mentor.SendTextAsync("/abcxyz");
        AssertAskedAgain("Perintah tidak dikenal: /abcxyz", question, await mentor.NextReplyAsync());

        await mentor.SendTextAsync(new string('a', 1001));
        AssertAskedAgain("Pesan terlalu panjang", question, await mentor.NextReplyAsync());

        await mentor.SendTextAsync("👍🎉");
        AssertAskedAgain("Saya belum mengerti", question, await mentor.NextReplyAsync());

        await mentor.SendTextAsync("/menu");
        var menu = await mentor.NextReplyAsync();
        Assert.Contains("tetap tersimpan", menu.Text);
        Assert.True(menu.HasButton("✅ Check-out"));
        await mentor.PressAsync("✅ Check-out");
        Assert.Equal(question.Text, (await mentor.NextReplyAsync()).Text);

        await mentor.SendTextAsync("Memilih standing pouch");
        Assert.Contains("Apa hasilnya", (await mentor.NextReplyAsync()).Text);
        var conversation = await bot.Store.GetConversationAsync(4302, CancellationToken.None);
        var answers = LogbookAnswers(conversation!);
        Assert.Equal("Memilih standing pouch", answers["mentored"]);
        Assert.DoesNotContain(answers.Values, value => value.Contains("abcxyz", StringComparison.Ordinal) || value.Contains("👍", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Diagnosis_UnknownCommandAtAQuestion_IsNoAnswer()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var siti = emulator.User(4304, "Siti");
        await OwnerScript.JoinAsOwnerAsync(siti);
        await OwnerScript.RegisterAsync(siti);
        await siti.PressAsync("💾 Simpan");
        await siti.NextReplyAsync();
        await siti.PressAsync("🩺 Mulai diagnosis usaha");
        await siti.NextReplyAsync();
        await siti.PressAsync("▶️ Mulai");
        var first = await siti.NextReplyAsync();

        await siti.SendTextAsync("/abcxyz");

        AssertAskedAgain("Perintah tidak dikenal: /abcxyz", first, await siti.NextReplyAsync());
        var response = Assert.Single(await bot.Owners.GetDiagnosesByOwnerAsync(4304, CancellationToken.None));
        Assert.Empty(response.Answers.Keys.Except(response.FromProfile)); // only what registration answered
    }

    /// <summary>One message: the refusal first, then the question as it was asked, with its buttons.</summary>
    private static void AssertAskedAgain(string refusal, SentMessage question, SentMessage reply)
    {
        Assert.StartsWith(refusal, reply.Text);
        Assert.EndsWith("\n\n" + question.Text, reply.Text);
        Assert.Equal(question.InlineButtons.SelectMany(row => row).Select(b => b.Text), reply.InlineButtons.SelectMany(row => row).Select(b => b.Text));
    }
}
