using Ikm.Bot.Tests.Support;
using Ikm.Storage;
using Ikm.TestKit;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Storage;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using static Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests;

namespace Ikm.Bot.Tests.Scheduler;

/// <summary>A report's files are written under the data directory, referenced from the outbox by path, and deleted once delivered.</summary>
public sealed class ReportFilesTests
{
    [Fact]
    public async Task Export_IsAFileUnderTheDataDirectory_ReferencedByPathInTheRow_AndDeletedAfterDelivery()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var coordinator = await JoinAsCoordinatorAsync(emulator);
        await CreateCohortAsync(coordinator);
        emulator.FailNext(3, 502, "sendDocument");

        await coordinator.SendTextAsync("/ekspor");
        await coordinator.ExpectPreparingAsync();
        Assert.StartsWith("Ekspor", (await coordinator.NextReplyAsync()).Text);
        // The first send failed: the row is pending, and holds the file's path, not its bytes.
        await emulator.WaitUntilAsync(() => emulator.Calls.Contains("sendDocument"));
        var row = Assert.Single(await OutboxDocumentsAsync(bot), r => r.Contains("\"kind\":\"Document\"", StringComparison.Ordinal));
        Assert.Contains("\"filePath\":", row);
        Assert.DoesNotContain("\"fileContent\":", row);
        var folder = Path.Combine(bot.DataDirectory, DiskOutboxFiles.FolderName);
        var file = Assert.Single(Directory.GetFiles(folder));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        var written = await File.ReadAllBytesAsync(file);

        var workbook = await coordinator.NextReplyAsync();
        Assert.Equal(written, workbook.FileContent);
        await bot.Dispatcher.WaitIdleAsync(TelegramEmulator.DefaultWaitTimeout);
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public async Task Export_OverTheUploadLimit_IsSplitByRows_AndEveryPartIsDelivered()
    {
        const long limit = 40_000;
        await using var emulator = await TelegramEmulator.StartAsync(new EmulatorOptions
        {
            PerChatMessagesPerSecond = 1000, GlobalMessagesPerSecond = 10_000, MaxUploadBytes = limit + 4_000,
        });
        await using var bot = await BotUnderTest.StartAsync(emulator, settings: new Dictionary<string, string?> { ["Reports:MaxFileBytes"] = $"{limit}" });
        var coordinator = await JoinAsCoordinatorAsync(emulator);
        await CreateCohortAsync(coordinator);
        await RegisterOwnerAsync(emulator.User(962));
        await ApproveAsync(coordinator);
        const int visits = 2_000;
        await AddVisitsAsync(bot, visits);

        await coordinator.SendTextAsync("/ekspor");
        await coordinator.ExpectPreparingAsync();
        Assert.StartsWith("Ekspor", (await coordinator.NextReplyAsync(TimeSpan.FromSeconds(30))).Text);
        await bot.Dispatcher.WaitIdleAsync(TimeSpan.FromSeconds(30));

        var parts = emulator.SentTo(coordinator.Id).Where(m => m.Method == "sendDocument").ToList();
        Assert.True(parts.Count > 4, $"{parts.Count} parts: {string.Join(", ", parts.Select(p => $"{p.FileName} {p.FileContent!.Length}"))}");
        Assert.All(parts, p => Assert.True(p.FileContent!.Length <= limit, $"{p.FileName}: {p.FileContent!.Length} bytes"));
        var visitParts = parts.Where(p => p.FileName!.Contains("-Kunjungan-", StringComparison.Ordinal)).ToList();
        Assert.True(visitParts.Count >= 2);
        Assert.Equal(visits, visitParts.Sum(p => new MemoryStream(p.FileContent!).Query(useHeaderRow: true, sheetName: "Kunjungan").Count()));
        Assert.Contains("Bagian 1 dari", parts[0].Caption);
        Assert.Single(parts, p => p.FileName!.EndsWith("-IKM.xlsx", StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(Path.Combine(bot.DataDirectory, DiskOutboxFiles.FolderName)));
    }

    private static async Task AddVisitsAsync(BotUnderTest bot, int count)
    {
        var documents = bot.App.Services.GetRequiredService<IDocumentStore>();
        var cohort = Assert.Single(await documents.AllAsync<Cohort>(CancellationToken.None));
        var business = Assert.Single(await bot.Owners.GetBusinessesAsync(CancellationToken.None));
        // In the past: the export lists the visits up to now.
        var start = DateTimeOffset.UtcNow.AddHours(-count - 10);
        var changes = Enumerable.Range(0, count).Select(i => new DocumentChange(new Visit
        {
            Id = $"bulk-{i:D5}",
            CohortId = cohort.Id,
            BusinessId = business.Id,
            MentorUserId = 861,
            Status = VisitStatus.Completed,
            StartedAt = start.AddHours(i),
            EndedAt = start.AddHours(i + 4),
            // Distinct texts, as real logbooks are: they do not compress away.
            Problem = $"Kemasan mudah sobek, kunjungan {i} ({Guid.NewGuid():N})",
            Mentored = "Memilih standing pouch dan label",
            Result = "Contoh kemasan baru dibuat",
        })).ToList();
        await bot.Store.CommitAsync([new ChangeSet { Documents = changes }], CancellationToken.None);
    }

    private static async Task<List<string>> OutboxDocumentsAsync(BotUnderTest bot)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(
            $"Data Source={Path.Combine(bot.DataDirectory, StorageServiceCollectionExtensions.SqliteFileName)};Pooling=False");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT doc FROM outbox";
        var rows = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(reader.GetString(0));
        return rows;
    }
}
