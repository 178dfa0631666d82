using Ikm.Bot.Tests.Support;
using Ikm.Scheduler.Jobs;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Diagnoses;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ikm.Bot.Tests.Scheduler;

/// <summary>Answers left unfinished past Retention:DraftDays are deleted by the daily job; recent ones stay.</summary>
public sealed class DraftRetentionJobTests
{
    [Fact]
    public async Task Run_DeletesAbandonedAnswers_AfterTheDraftDays_AndKeepsRecentOnes()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 2, 0, 0, TimeSpan.Zero));
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s => s.AddSingleton<TimeProvider>(time));
        var job = bot.App.Services.GetRequiredService<DraftRetentionJob>();

        // An owner who stopped the registration after typing a name.
        var quitter = emulator.User(992);
        await OwnerScript.JoinAsOwnerAsync(quitter);
        await quitter.PressAsync("👤 Profil usaha");
        await quitter.NextReplyAsync();
        await quitter.PressAsync("✅ Setuju");
        await quitter.NextReplyAsync();
        await quitter.SendTextAsync("Nama Ditinggalkan");
        await quitter.NextReplyAsync();

        // An owner who stopped the diagnosis after two answers.
        var diagnosed = emulator.User(993);
        await OwnerScript.JoinAsOwnerAsync(diagnosed);
        await OwnerScript.RegisterAsync(diagnosed);
        await diagnosed.PressAsync("💾 Simpan");
        await diagnosed.NextReplyAsync();
        await diagnosed.PressAsync("🩺 Mulai diagnosis usaha");
        await diagnosed.NextReplyAsync();
        await diagnosed.PressAsync("▶️ Mulai");
        await OwnerScript.AnswerDiagnosisAsync(diagnosed, await diagnosed.NextReplyAsync(), stopAfter: 2);

        time.Advance(TimeSpan.FromDays(179));
        // An owner typing on day 179: their answers are recent when the job runs.
        var active = emulator.User(994);
        await OwnerScript.JoinAsOwnerAsync(active);
        await active.PressAsync("👤 Profil usaha");
        await active.NextReplyAsync();
        await active.PressAsync("✅ Setuju");
        await active.NextReplyAsync();
        await active.SendTextAsync("Nama Masih Aktif");
        await active.NextReplyAsync();

        await job.RunAsync(CancellationToken.None);
        Assert.NotEmpty((await bot.Store.GetConversationAsync(992, CancellationToken.None))!.Data);

        time.Advance(TimeSpan.FromDays(2));
        await job.RunAsync(CancellationToken.None);

        var quitterConversation = await bot.Store.GetConversationAsync(992, CancellationToken.None);
        Assert.Empty(quitterConversation!.Data);
        Assert.Equal("", quitterConversation.Flow);
        var diagnosis = Assert.Single(await bot.Owners.GetDiagnosesByOwnerAsync(993, CancellationToken.None));
        Assert.Equal(DiagnosisStatus.InProgress, diagnosis.Status);
        Assert.Empty(diagnosis.Answers);
        var activeDraft = (await bot.Store.GetConversationAsync(994, CancellationToken.None))!.Data["draft:registration"];
        Assert.Equal("Nama Masih Aktif", System.Text.Json.JsonSerializer.Deserialize<Ikm.Workflow.Flows.Registration.RegistrationDraft>(activeDraft)!.Form.Answers["owner_name"]);
        // The registered business is not a draft: it stays.
        Assert.NotNull(await bot.Owners.GetBusinessByOwnerAsync(993, CancellationToken.None));

        // The quitter comes back to a clean start, not to a question whose earlier answers are gone.
        await quitter.SendTextAsync("halo");
        Assert.DoesNotContain("Pertanyaan", (await quitter.NextReplyAsync()).Text);
    }
}
