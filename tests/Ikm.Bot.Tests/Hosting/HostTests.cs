using System.Net;
using Ikm.Bot.Tests.Support;

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
}
