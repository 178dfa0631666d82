using Ikm.Bot.Tests.Support;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Ikm.Bot.Tests.Mentoring.EvaluationEndToEndTests;
using static Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests;

namespace Ikm.Bot.Tests.Mentoring;

/// <summary>The ✅ Check-out button of the check-in message pressed while the monthly evaluation is open.</summary>
public sealed class CheckOutDuringAnotherFlowTests
{
    [Fact]
    public async Task CheckOut_PressedDuringTheEvaluation_AsksToLeaveIt_ContinueKeepsItAndLeaveChecksOut()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero)); // in the cohort's period: the retro visit's date
        await using var emulator = await Emulator.StartFastAsync();
        var dataDirectory = BotUnderTest.NewDataDirectory();
        var first = await BotUnderTest.StartAsync(emulator, dataDirectory: dataDirectory, services: s => s.AddSingleton<TimeProvider>(time));
        var (_, mentor) = await AssignedProgramAsync(emulator, 898, "Budi", 998);
        await LogRetroVisitAsync(mentor, "Produksi");
        await mentor.PressAsync("📍 Check-in");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("Abon Ikan Mama Ani");
        await mentor.NextReplyAsync();
        await mentor.ShareLocationAsync(-0.8917, 119.8707);
        var checkedIn = await mentor.NextReplyAsync();
        var checkOut = checkedIn.AllInlineButtons.Single(b => b.Text == "✅ Check-out");
        await mentor.SendTextAsync("/menu");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("📊 Evaluasi bulanan");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("Abon Ikan Mama Ani");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("4");
        Assert.Contains("Catatan Manajemen produksi (skor 4)", (await mentor.NextReplyAsync()).Text);
        time.Advance(TimeSpan.FromHours(4));

        // Continue: the evaluation's question again, nothing checked out.
        await mentor.PressDataAsync(checkOut.CallbackData, checkedIn.MessageId);
        var ask = await mentor.NextReplyAsync();
        Assert.Contains("belum selesai", ask.Text);
        Assert.True(ask.HasButton("↪️ Tinggalkan") && ask.HasButton("▶️ Lanjutkan"));
        await mentor.PressAsync("▶️ Lanjutkan");
        Assert.Contains("Catatan Manajemen produksi (skor 4)", (await mentor.NextReplyAsync()).Text);
        var documents = first.App.Services.GetRequiredService<IDocumentStore>();
        Assert.Equal(VisitStatus.CheckedIn, (await documents.AllAsync<Visit>(CancellationToken.None)).Single(v => v.Status != VisitStatus.Completed).Status);

        // The week's reminder, due in the cohort's period, is sent now, so that the restart has none to send between replies.
        var cohortId = Assert.Single(await documents.AllAsync<Cohort>(CancellationToken.None)).Id;
        await first.App.Services.GetRequiredService<Ikm.Scheduler.Jobs.ProgramNotificationsJob>().RunAsync(cohortId, CancellationToken.None);
        Assert.Contains("📅", (await mentor.NextReplyAsync()).Text);

        // After a restart the same old button asks again; leaving checks out, and the evaluation's score is kept.
        await first.StopAsync();
        await using var second = await BotUnderTest.StartAsync(emulator, dataDirectory: dataDirectory, services: s => s.AddSingleton<TimeProvider>(time));
        await mentor.PressDataAsync(checkOut.CallbackData, checkedIn.MessageId);
        Assert.Contains("belum selesai", (await mentor.NextReplyAsync()).Text);
        await mentor.PressAsync("↪️ Tinggalkan");
        Assert.Contains("Selesai kunjungan di Abon Ikan Mama Ani sekarang?", (await mentor.NextReplyAsync()).Text);
        await mentor.PressAsync("✅ Ya, selesai");
        Assert.Contains("4 jam", (await mentor.NextReplyAsync()).Text);
        Assert.Contains("Masalah apa", (await mentor.NextReplyAsync()).Text);
        var conversation = await second.Store.GetConversationAsync(898, CancellationToken.None);
        Assert.Equal("4", StoredDrafts.Evaluation(conversation!).AnswersOf("production").Answers["score"]);

        // /batal leaves the logbook; the evaluation resumes at the area's notes, and is saved from its summary.
        await mentor.SendTextAsync("/batal");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("📊 Evaluasi bulanan");
        Assert.Contains("Catatan Manajemen produksi (skor 4)", (await mentor.NextReplyAsync()).Text);
        await mentor.PressAsync("✅ Pakai catatan ini");
        Assert.Contains("Ringkasan evaluasi", (await mentor.NextReplyAsync()).Text);
        Assert.Contains("tersimpan", (await SaveAsync(mentor)).Text);
        var evaluation = Assert.Single(await second.App.Services.GetRequiredService<IDocumentStore>().AllAsync<Evaluation>(CancellationToken.None));
        Assert.Equal(("production", 4), (Assert.Single(evaluation.Areas).AreaId, evaluation.Areas[0].Score));
    }
}
