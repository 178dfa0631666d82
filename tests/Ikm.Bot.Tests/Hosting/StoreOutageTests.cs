using System.Net;
using Ikm.Bot.Channels.Telegram;
using Ikm.Bot.Tests.Support;

namespace Ikm.Bot.Tests.Hosting;

/// <summary>Issue 9: with the database gone, nothing is acknowledged and /health says so.</summary>
public sealed class StoreOutageTests
{
    [Fact]
    public async Task Webhook_Returns503AndHealthFails_WhenTheDataDirectoryIsRemoved()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, TelegramMode.Webhook);
        Assert.Equal(HttpStatusCode.OK, await emulator.PostToWebhookAsync(Updates.Text(9101, 301, "/start")));

        Directory.Delete(bot.DataDirectory, recursive: true);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await emulator.PostToWebhookAsync(Updates.Text(9102, 302, "/start")));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await HealthAsync(bot));
        Assert.False(Directory.Exists(bot.DataDirectory));
    }

    [Fact]
    public async Task Webhook_Returns503AndHealthFails_WhenOnlyTheDatabaseFileIsDeleted()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, TelegramMode.Webhook);
        Assert.Equal(HttpStatusCode.OK, await emulator.PostToWebhookAsync(Updates.Text(9201, 311, "/start")));

        File.Delete(Path.Combine(bot.DataDirectory, "ikm.db"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await emulator.PostToWebhookAsync(Updates.Text(9202, 312, "/start")));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await emulator.PostToWebhookAsync(Updates.Text(9203, 311, "/bantuan")));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await HealthAsync(bot));
        Assert.False(File.Exists(Path.Combine(bot.DataDirectory, "ikm.db")));
    }

    [Fact]
    public async Task Polling_KeepsTheOffset_WhenTheDataDirectoryIsRemoved()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var user = emulator.User(321);
        await user.SendTextAsync("/start");
        await emulator.WaitForMessageAsync(user.ChatId);
        await emulator.WaitUntilAsync(() => emulator.PendingUpdateCount == 0);

        Directory.Delete(bot.DataDirectory, recursive: true);
        var updateId = await user.SendTextAsync("/bantuan");
        // Three more polls: each got the update, failed to store it, and asked again from the same offset.
        var polls = emulator.Calls.Count(c => c == "getUpdates");
        await emulator.WaitUntilAsync(() => emulator.Calls.Count(c => c == "getUpdates") >= polls + 3, TimeSpan.FromSeconds(20));

        Assert.True(emulator.ConfirmedOffset <= updateId, $"offset {emulator.ConfirmedOffset} moved past update {updateId}");
        Assert.Equal(1, emulator.PendingUpdateCount);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await HealthAsync(bot));
    }

    private static async Task<HttpStatusCode> HealthAsync(BotUnderTest bot)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(bot.Address + "/health");
        return response.StatusCode;
    }
}
