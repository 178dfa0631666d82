using System.Text.Json;
using Ikm.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;

namespace Ikm.Bot.Tests.Owner;

/// <summary>/datasaya hands over everything stored about the owner, in the JSON and in the XLSX, read back.</summary>
public sealed class MyDataEndToEndTests
{
    [Fact]
    public async Task MyData_HandsOverProfileConsentDiagnosesMembershipsVisitsEvaluationsAndSelfAssessments()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s => s.AddSingleton<TimeProvider>(time));
        var scenario = await VisitedOwnerScenario.RunAsync(emulator, bot, time, mentorId: 884, ownerId: 984);

        await scenario.Owner.SendTextAsync("/datasaya");
        await scenario.Owner.ExpectPreparingAsync();
        var json = await scenario.Owner.NextReportAsync();
        var xlsx = await scenario.Owner.NextReportAsync();

        Assert.Equal(984, json.ChatId);
        Assert.Equal(984, xlsx.ChatId);
        using var document = JsonDocument.Parse(json.FileContent!);
        var root = document.RootElement;
        Assert.Equal(VisitedOwnerScenario.OwnerName, root.GetProperty("Business").GetProperty("OwnerName").GetString());
        Assert.Equal("+6281398765432", root.GetProperty("Business").GetProperty("Phone").GetString());
        Assert.Equal("persetujuan-2025.1", root.GetProperty("Consent").GetProperty("TextVersion").GetString());
        Assert.Equal("Completed", root.GetProperty("Diagnoses")[0].GetProperty("Status").GetString());
        Assert.Equal(10, root.GetProperty("Diagnoses")[0].GetProperty("Answers").EnumerateObject().Count());
        var membership = Assert.Single(root.GetProperty("Memberships").EnumerateArray());
        Assert.Equal("Pendampingan IKM Palu 2026", membership.GetProperty("Cohort").GetString());
        Assert.Equal("Approved", membership.GetProperty("Status").GetString());
        var visit = Assert.Single(root.GetProperty("Visits").EnumerateArray());
        Assert.Equal(VisitedOwnerScenario.MentorName, visit.GetProperty("Mentor").GetString());
        Assert.Equal(4, visit.GetProperty("Hours").GetDouble());
        Assert.Equal(VisitedOwnerScenario.VisitProblem, visit.GetProperty("Problem").GetString());
        Assert.Equal(VisitedOwnerScenario.VisitResult, visit.GetProperty("Result").GetString());
        Assert.Equal(1, visit.GetProperty("Photos").GetInt32());
        var evaluation = Assert.Single(root.GetProperty("Evaluations").EnumerateArray());
        Assert.Equal("2026-11", evaluation.GetProperty("Month").GetString());
        Assert.Equal(VisitedOwnerScenario.MentorName, evaluation.GetProperty("Author").GetString());
        Assert.Equal(3, evaluation.GetProperty("Areas").GetArrayLength());
        Assert.Equal($"{VisitedOwnerScenario.OwnerName} masalah 0", evaluation.GetProperty("Areas")[0].GetProperty("Problem").GetString());
        var self = Assert.Single(root.GetProperty("SelfAssessments").EnumerateArray());
        Assert.All(self.GetProperty("Areas").EnumerateArray(), a => Assert.Equal(4, a.GetProperty("Score").GetInt32()));

        using var workbook = new MemoryStream(xlsx.FileContent!);
        Assert.Equal(["Profil", "Diagnosis", "Jawaban", "Program", "Kunjungan", "Evaluasi", "Penilaian diri", "Belum selesai"], workbook.GetSheetNames());
        var profile = workbook.Query(useHeaderRow: true, sheetName: "Profil").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(profile, r => (string?)r["Isian"] == "Nama pemilik" && (string?)r["Nilai"] == VisitedOwnerScenario.OwnerName);
        Assert.Contains(profile, r => (string?)r["Isian"] == "Persetujuan (versi)" && (string?)r["Nilai"] == "persetujuan-2025.1");
        // Numbers are number cells, times date cells, yes/no and roles words of the owner's language.
        object? Field(string name) => profile.Single(r => (string?)r["Isian"] == name)["Nilai"];
        Assert.IsType<double>(Field("Omzet per bulan (Rp)"));
        Assert.IsType<double>(Field("Tenaga kerja"));
        Assert.IsType<DateTime>(Field("Terdaftar"));
        Assert.IsType<DateTime>(Field("Persetujuan (waktu, UTC)"));
        Assert.Equal("Pemilik IKM", Field("Peran"));
        Assert.Contains(Field("Rekening bank"), new object?[] { "Ya", "Tidak" });
        var visits = workbook.Query(useHeaderRow: true, sheetName: "Kunjungan").Cast<IDictionary<string, object?>>().ToList();
        var row = Assert.Single(visits);
        Assert.Equal(VisitedOwnerScenario.MentorName, row["Pendamping"]);
        Assert.Equal(VisitedOwnerScenario.VisitProblem, row["Masalah"]);
        Assert.Equal(4.0, Assert.IsType<double>(row["Jam"]));
        Assert.Equal("Selesai", row["Status"]);
        Assert.Equal(new DateTime(2026, 11, 23), Assert.IsType<DateTime>(row["Mulai (UTC)"]).Date);
        var evaluations = workbook.Query(useHeaderRow: true, sheetName: "Evaluasi").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(3, evaluations.Count);
        Assert.All(evaluations, e => Assert.IsType<double>(e["Skor"]));
        var program = workbook.Query(useHeaderRow: true, sheetName: "Program").Cast<IDictionary<string, object?>>().Single();
        Assert.Equal(("Pendampingan IKM Palu 2026", "Diterima"), ((string?)program["Kohort"], (string?)program["Status"]));
        Assert.IsType<DateTime>(program["Diajukan (UTC)"]);
        var diagnosis = workbook.Query(useHeaderRow: true, sheetName: "Diagnosis").Cast<IDictionary<string, object?>>().ToList();
        Assert.All(diagnosis, d => Assert.Equal("Selesai", d["Status"]));
        Assert.All(diagnosis, d => Assert.IsType<double>(d["Skor"]));
        Assert.Equal(10, workbook.Query(useHeaderRow: true, sheetName: "Jawaban").Count());
    }

    [Fact]
    public async Task MyData_HandsOverTheAnswersInProgress_BeforeTheRegistrationIsSaved()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var owner = emulator.User(985);
        await OwnerScript.JoinAsOwnerAsync(owner);
        await owner.PressAsync("👤 Profil usaha");
        await owner.NextReplyAsync();
        await owner.PressAsync("✅ Setuju");
        await owner.NextReplyAsync();
        await owner.SendTextAsync("Rahmawati Draf");
        await owner.NextReplyAsync();

        await owner.SendTextAsync("/datasaya");
        await owner.ExpectPreparingAsync();
        var json = await owner.NextReplyAsync();
        var xlsx = await owner.NextReplyAsync();

        using var document = JsonDocument.Parse(json.FileContent!);
        var draft = document.RootElement.GetProperty("AnswersInProgress");
        Assert.Equal("registration", draft.GetProperty("Flow").GetString());
        Assert.Contains(draft.GetProperty("Answers").EnumerateObject(), a => a.Value.GetString() == "Rahmawati Draf");
        using var workbook = new MemoryStream(xlsx.FileContent!);
        Assert.Contains(workbook.Query(useHeaderRow: true, sheetName: "Belum selesai").Cast<IDictionary<string, object?>>(),
            r => (string?)r["Jawaban"] == "Rahmawati Draf");
    }
}
