using Ikm.Bot.Tests.Support;
using Ikm.Storage.Files;
using Ikm.Storage.Sqlite;
using Ikm.TestKit;

namespace Ikm.Bot.Tests.Hosting;

/// <summary>
/// Issue 9 item 9 as an operator runs it: <c>Ikm.Bot backup file</c> beside the running bot, <c>restore file</c>
/// refused while it runs and accepted once it stopped, the restored bot answering from the restored data.
/// </summary>
public sealed class BackupCommandTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Backup_WhileTheBotRuns_ThenRestore_RefusedWhileItRuns_AndAcceptedOnceItStopped()
    {
        await using var telegram = await TelegramEmulator.StartAsync();
        var data = BotUnderTest.NewDataDirectory();
        var backupFile = Path.Combine(Path.GetTempPath(), $"ikm-backup-{Guid.NewGuid():N}.db");
        try
        {
            await using (var bot = BotProcess.Start(telegram, data))
            {
                var user = telegram.User(9_400);
                await user.SendTextAsync("/start");
                await telegram.WaitUntilAsync(() => telegram.SentTo(user.ChatId).Count > 0 || bot.HasExited, Deadline);
                Assert.False(bot.HasExited, bot.Output);

                await using var backup = BotProcess.Command(data, "backup", backupFile);
                Assert.Equal(0, await backup.WaitForExitAsync(Deadline));
                Assert.Contains($"Backup written to {backupFile}", backup.Output);
                SqliteBackup.Validate(backupFile);

                await using var refused = BotProcess.Command(data, "restore", backupFile);
                Assert.Equal(DataDirectoryInUseException.ExitCode, await refused.WaitForExitAsync(Deadline));
                Assert.Contains($"is in use by process {bot.Id}", refused.Output);
                Assert.False(bot.HasExited, bot.Output);
            }

            await using var restore = BotProcess.Command(data, "restore", backupFile);
            Assert.Equal(0, await restore.WaitForExitAsync(Deadline));
            Assert.Contains("Restored", restore.Output);
        }
        finally
        {
            File.Delete(backupFile);
            Directory.Delete(data, recursive: true);
        }
    }
}
