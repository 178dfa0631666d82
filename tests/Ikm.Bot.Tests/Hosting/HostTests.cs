using System.Net;
using System.Text;
using Ikm.Bot.Tests.Support;
using Ikm.Scheduler.Hosting;
using Ikm.TestKit;
using Microsoft.AspNetCore.Http;

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

    [Fact]
    public async Task HangfireDashboard_IsServed_ToLocalRequests()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        using var http = new HttpClient();

        var response = await http.GetAsync(bot.Address + "/hangfire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Hangfire", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("10.1.2.3", null, false)]
    [InlineData("10.1.2.3", "dinas:rahasia", true)]
    [InlineData("10.1.2.3", "dinas:salah", false)]
    [InlineData("127.0.0.1", null, true)]
    [InlineData("::1", null, true)]
    public void DashboardAuthorization_AllowsLocalOrValidBasicAuth(string remoteIp, string? credentials, bool allowed)
    {
        var filter = new DashboardAuthorization(new SchedulerOptions { DashboardUser = "dinas", DashboardPassword = "rahasia" });
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(remoteIp);
        if (credentials is not null)
            http.Request.Headers.Authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));

        Assert.Equal(allowed, filter.IsAllowed(http));
    }

    [Fact]
    public void DashboardAuthorization_RefusesRemote_WhenNoCredentialsConfigured()
    {
        var filter = new DashboardAuthorization(new SchedulerOptions());
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse("192.168.1.9");
        http.Request.Headers.Authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(":"));

        Assert.False(filter.IsAllowed(http));
    }
}
