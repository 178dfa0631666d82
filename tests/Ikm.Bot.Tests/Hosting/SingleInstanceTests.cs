using Ikm.Bot.Tests.Support;
using Ikm.Storage.Files;
using Ikm.TestKit;

namespace Ikm.Bot.Tests.Hosting;

/// <summary>
/// Issue 9 item 5: a second bot process on a data directory another one runs on stops at start with a clear error,
/// before it polls, opens the store or sends: the first keeps serving alone, and nothing is sent twice.
/// </summary>
public sealed class SingleInstanceTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task SecondProcess_OnTheSameDataDirectory_ExitsNamingTheFirst_AndTheFirstKeepsServing()
    {
        await using var telegram = await TelegramEmulator.StartAsync();
        var data = BotUnderTest.NewDataDirectory();
        try
        {
            await using var first = BotProcess.Start(telegram, data);
            var user = telegram.User(9_300);
            await user.SendTextAsync("/start");
            await telegram.WaitUntilAsync(() => telegram.SentTo(user.ChatId).Count > 0 || first.HasExited, Deadline);
            Assert.False(first.HasExited, first.Output);

            await using var second = BotProcess.Start(telegram, data);
            var exitCode = await second.WaitForExitAsync(Deadline);

            Assert.Equal(DataDirectoryInUseException.ExitCode, exitCode);
            Assert.Contains($"The data directory {Path.GetFullPath(data)} is in use by process {first.Id}.", second.Output);
            var repliesBefore = telegram.SentTo(user.ChatId).Count;
            await user.SendTextAsync("/bantuan");
            await telegram.WaitUntilAsync(() => telegram.SentTo(user.ChatId).Count > repliesBefore || first.HasExited, Deadline);
            Assert.False(first.HasExited, first.Output);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
