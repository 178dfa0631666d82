using Ikm.Bot.Tests.Support;
using Ikm.Workflow.Diagnoses;

namespace Ikm.Bot.Tests.Owner;

/// <summary>A coordinator points new diagnoses at another file; a broken file is refused with the loader's errors.</summary>
public sealed class QuestionnaireSwitchTests
{
    [Fact]
    public async Task Questionnaire_BrokenFileRefusedWithLineNumbers_ValidFileUsedForNewDiagnoses()
    {
        var folder = Directory.CreateTempSubdirectory("ikm-q-").FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "questionnaires")))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        await File.WriteAllTextAsync(Path.Combine(folder, "rusak.yaml"), """
            id: rusak
            version: "1"
            title: { id: "Rusak", en: "Broken" }
            questions:
              - id: q1
                type: selectone
                label: { id: "Satu?", en: "One?" }
              - id: q1
                type: yes_no
                label: { id: "Dua?", en: "Two?" }
            """);

        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, settings: new Dictionary<string, string?> { ["Questionnaires:Directory"] = folder });
        var coordinator = emulator.User(700);
        await coordinator.SendTextAsync("/start");
        await coordinator.NextReplyAsync();
        await coordinator.PressAsync("Bahasa Indonesia");
        await coordinator.NextReplyAsync();
        await coordinator.PressAsync("Koordinator");
        await coordinator.NextReplyAsync();

        await coordinator.SendTextAsync("/kuesioner rusak.yaml");
        var refused = await coordinator.NextReplyAsync();
        Assert.Contains("tidak dipakai", refused.Text);
        Assert.Contains("rusak.yaml:6", refused.Text);
        Assert.Contains("rusak.yaml:8", refused.Text);

        var owner = emulator.User(508);
        await owner.SendTextAsync("/kuesioner diagnosis-singkat.yaml");
        Assert.Contains("hanya untuk koordinator", (await owner.NextReplyAsync()).Text);

        await coordinator.SendTextAsync("/kuesioner diagnosis-singkat.yaml");
        Assert.Contains("Diagnosis Singkat IKM", (await coordinator.NextReplyAsync()).Text);

        await OwnerScript.JoinAsOwnerAsync(owner);
        await OwnerScript.RegisterAsync(owner);
        await owner.PressAsync("💾 Simpan");
        await owner.NextReplyAsync();
        await owner.PressAsync("🩺 Mulai diagnosis usaha");
        Assert.Contains("10 pertanyaan", (await owner.NextReplyAsync()).Text);
        await owner.PressAsync("▶️ Mulai");
        var first = await owner.NextReplyAsync();
        Assert.Contains("Pertanyaan 1 dari 10", first.Text);
        for (var i = 0; i < 10; i++)
        {
            await owner.PressAsync(i == 0 ? "Tidak" : "Ya");
            await owner.NextReplyAsync();
        }

        var diagnosis = Assert.Single(await bot.Owners.GetDiagnosesByOwnerAsync(508, CancellationToken.None));
        Assert.Equal("diagnosis_singkat", diagnosis.QuestionnaireId);
        Assert.Equal(Ikm.Workflow.Diagnoses.DiagnosisStatus.Completed, diagnosis.Status);
        Assert.Equal(1.0, diagnosis.AreaScores["production"]);
        Assert.Equal("production", diagnosis.WeakestAreas[0]);
    }
}
