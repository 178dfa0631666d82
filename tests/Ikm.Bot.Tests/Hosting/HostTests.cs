using System.Net;
using Hangfire;
using Hangfire.InMemory;
using Ikm.Bot.Hosting;
using Ikm.Bot.Tests.Support;
using Ikm.Workflow.Ports;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
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

    /// <summary>
    /// Two hosts in one process (every test run) configured one after the other: each still runs its jobs on its own
    /// storage and resolves them from its own services. Hangfire's defaults hand out the statics JobStorage.Current and
    /// JobActivator.Current, which the host configured last sets: a host starting while another one started would queue
    /// its reports where nobody builds them, or build them against the other host's store, and the chat waits forever.
    /// </summary>
    [Fact]
    public async Task TwoHostsInOneProcess_EachKeepsItsOwnJobStorageAndJobServices()
    {
        await using var first = BuildHost();
        await using var second = BuildHost();

        // The order two hosts starting at once can take: the first configures Hangfire, the second does, then the first
        // resolves its storage and its activator.
        first.Services.GetRequiredService<IGlobalConfiguration>();
        second.Services.GetRequiredService<IGlobalConfiguration>();
        var storage = first.Services.GetRequiredService<JobStorage>();
        var activator = first.Services.GetRequiredService<JobActivator>();

        Assert.NotSame(second.Services.GetRequiredService<JobStorage>(), storage);
        using var scope = activator.BeginScope((JobActivatorContext)null!);
        Assert.Same(first.Services.GetRequiredService<IDocumentStore>(), scope.Resolve(typeof(IDocumentStore)));
    }

    private static WebApplication BuildHost() => BotHost.Build([], builder => builder.Configuration.AddInMemoryCollection(
        new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = "123456:TEST-TOKEN",
            ["Telegram:ApiBaseUrl"] = "http://127.0.0.1:9",
            ["Storage:DataDirectory"] = BotUnderTest.NewDataDirectory(),
        }));
}
