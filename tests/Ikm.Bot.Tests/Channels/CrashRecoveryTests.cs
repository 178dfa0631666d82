using Ikm.Bot.Tests.Support;
using Ikm.TestKit;
using Xunit.Abstractions;

namespace Ikm.Bot.Tests.Channels;

/// <summary>
/// Issue 9 item 4: the real bot as a child process, SIGKILLed mid-burst at Telegram's default caps (30 msg/s, 1/s per
/// chat), restarted on the same data directory. Compared with the same script run without a crash: no reply lost, and
/// at most the sends that were on the wire at the kill doubled (their marks could not be written).
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int Chats = 30;
    private const long FirstChat = 9_100;
    private const int KillAfterReplies = 50;
    private const int MaxDoubled = 2;
    private static readonly string[] Script = ["/start", "/bantuan", "/menu", "/bantuan"];
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task KillMinusNine_MidBurst_LosesNoReply_AndDoublesAtMostTheSendsOnTheWire()
    {
        var expected = await RunAsync(killAfter: null, expected: null);
        Assert.True(expected.Values.Sum(v => v.Count) > KillAfterReplies + 20, "the script must outlast the kill");
        var crashed = await RunAsync(KillAfterReplies, expected);

        var lost = 0;
        var doubled = 0;
        foreach (var (chat, replies) in expected)
        {
            var got = crashed.GetValueOrDefault(chat) ?? [];
            foreach (var text in replies.Concat(got).Distinct())
            {
                var difference = got.Count(t => t == text) - replies.Count(t => t == text);
                if (difference < 0) lost -= difference;
                else doubled += difference;
            }
        }

        output.WriteLine($"kill -9 after {KillAfterReplies} replies: {expected.Values.Sum(v => v.Count)} replies expected, {lost} lost, {doubled} doubled");
        Assert.Equal(0, lost);
        Assert.True(doubled <= MaxDoubled, $"{doubled} replies sent twice (at most {MaxDoubled}: the sends on the wire at the kill)");
    }

    /// <summary>Runs the script against a fresh emulator and data directory; returns each chat's replies in order.</summary>
    private async Task<Dictionary<long, List<string>>> RunAsync(int? killAfter, Dictionary<long, List<string>>? expected)
    {
        await using var telegram = await TelegramEmulator.StartAsync(); // Telegram's limits: 30/s, 1/s per chat
        var data = BotUnderTest.NewDataDirectory();
        try
        {
            await using (var first = BotProcess.Start(telegram, data))
            {
                foreach (var chat in Enumerable.Range(0, Chats))
                {
                    var user = telegram.User(FirstChat + chat);
                    foreach (var text in Script)
                        await user.SendTextAsync(text);
                }

                if (killAfter is { } replies)
                {
                    // Killed the moment the emulator records reply N, before its answer leaves: that send is on the
                    // wire, and so is whatever else was started before the kill lands.
                    var killed = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
                    var recorded = 0;
                    void KillAtReply(SentMessage _)
                    {
                        if (Interlocked.Increment(ref recorded) == replies)
                            ThreadPool.QueueUserWorkItem(_ => { first.Kill(); killed.TrySetResult(telegram.Sent.Count); });
                    }

                    telegram.MessageRecorded += KillAtReply;
                    try
                    {
                        await WaitAsync(telegram, first, () => killed.Task.IsCompleted, "the first replies", exitedIsDone: true);
                    }
                    finally
                    {
                        telegram.MessageRecorded -= KillAtReply;
                    }

                    var recordedAtKill = await killed.Task.WaitAsync(TimeSpan.FromSeconds(10));
                    output.WriteLine($"killed at reply {replies}: {recordedAtKill} replies recorded by then, {telegram.PendingUpdateCount} updates unconfirmed");
                }
                else
                {
                    await WaitDrainedAsync(telegram, first, expected);
                }
            }

            if (killAfter is not null)
            {
                await using var second = BotProcess.Start(telegram, data);
                await WaitDrainedAsync(telegram, second, expected);
            }

            return telegram.Sent
                .GroupBy(m => m.ChatId)
                .ToDictionary(g => g.Key, g => g.Select(m => $"{m.Method}: {m.Text ?? m.Caption}").ToList());
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Every update confirmed, nothing pending in the outbox, and (after a crash) every expected reply arrived.</summary>
    private static Task WaitDrainedAsync(TelegramEmulator telegram, BotProcess bot, Dictionary<long, List<string>>? expected) =>
        WaitAsync(telegram, bot, () =>
            telegram.PendingUpdateCount == 0
            && (expected is null || expected.All(e => telegram.SentTo(e.Key).Count >= e.Value.Count))
            && bot.PendingOutbox() == 0,
            "all replies");

    private static async Task WaitAsync(TelegramEmulator telegram, BotProcess bot, Func<bool> condition, string what, bool exitedIsDone = false)
    {
        try
        {
            await telegram.WaitUntilAsync(() => bot.HasExited || condition(), Deadline);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Waited {Deadline.TotalSeconds:0} s for {what}: {telegram.Sent.Count} sent, "
                + $"{telegram.PendingUpdateCount} updates unconfirmed, {bot.PendingOutbox()} pending in the outbox.\n{bot.Output}");
        }

        if (!exitedIsDone)
            Assert.False(bot.HasExited, $"The bot process exited early.\n{bot.Output}");
    }
}
