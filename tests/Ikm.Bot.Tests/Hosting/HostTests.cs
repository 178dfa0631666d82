using System.Net;
using Hangfire;
using Hangfire.InMemory;
using Ikm.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Ikm.Bot.Tests.Hosting;

public sealed class HostTests
{
    [Fact]
    public async Task Health_Returns200_WhenStoreAnswers()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        using var http = new HttpClient();

        var response = await http.GetAsync(bot.Address + "/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("healthy", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Every report is a background job: the in-memory storage keeps finished ones only this long (Hangfire's own cap is 2 h).</summary>
    [Theory]
    [InlineData(null, 15)]
    [InlineData("3", 3)]
    public async Task InMemoryJobStorage_KeepsFinishedJobsForTheJobHistory(string? minutes, int expected)
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator,
            settings: minutes is null ? null : new Dictionary<string, string?> { ["Scheduler:JobHistoryMinutes"] = minutes });

        var storage = Assert.IsType<InMemoryStorage>(bot.App.Services.GetRequiredService<JobStorage>());

        Assert.Equal(TimeSpan.FromMinutes(expected), storage.Options.MaxExpirationTime);
    }
}
