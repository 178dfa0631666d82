using Ikm.Bot.Tests.Support;
using Ikm.Scheduler.Jobs;
using Ikm.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ikm.Bot.Tests.Scheduler;

/// <summary>The daily backup job keeps the newest Backup:Keep backups (7) in {DataDirectory}/backups.</summary>
public sealed class BackupJobTests
{
    [Fact]
    public async Task Run_OnNineDays_KeepsTheNewestSevenValidBackups()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s => s.AddSingleton<TimeProvider>(time));
        var job = bot.App.Services.GetRequiredService<BackupJob>();
        var folder = Path.Combine(bot.DataDirectory, BackupJob.FolderName);
        Directory.CreateDirectory(folder);
        var operatorsOwn = Path.Combine(folder, "sebelum-migrasi.db");
        await File.WriteAllTextAsync(operatorsOwn, "x");

        for (var day = 0; day < 9; day++)
        {
            await job.RunAsync(CancellationToken.None);
            time.Advance(TimeSpan.FromDays(1));
        }

        var kept = Directory.GetFiles(folder, "ikm-*.db").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal([.. Enumerable.Range(3, 7).Select(d => $"ikm-202612{d:D2}T020000Z.db")], kept);
        Assert.True(File.Exists(operatorsOwn), "a file the job did not write stays");
        foreach (var file in kept)
            SqliteBackup.Validate(Path.Combine(folder, file!));
    }
}
