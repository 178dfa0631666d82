using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Ikm.Bot.Tests.Support;
using Ikm.Scheduler.Hosting;
using Ikm.Workflow.Audit;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ikm.Bot.Tests.Hosting;

/// <summary>
/// Issue 10 item 6: outside Development the Hangfire dashboard always needs the configured credentials (and is not
/// mapped without them), a request with no remote address is refused, it is read-only unless configured, forwarded
/// headers count only from known proxies, and each sign-in is audited once per session.
/// </summary>
public sealed class DashboardTests
{
    private const string User = "dinas";
    private const string Password = "rahasia-panjang";

    private static Dictionary<string, string?> Credentials(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Scheduler:DashboardUser"] = User,
            ["Scheduler:DashboardPassword"] = Password,
        };
        foreach (var (key, value) in more)
            settings[key] = value;
        return settings;
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    private static HttpClient SignedInClient(string user = User, string password = Password)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() });
        http.DefaultRequestHeaders.Authorization = Basic(user, password);
        return http;
    }

    [Fact]
    public async Task Dashboard_IsNotMapped_AndTheLogSaysSoOnce_WhenNoCredentialsOutsideDevelopment()
    {
        var log = new RecordingLoggerProvider();
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s => s.AddSingleton<ILoggerProvider>(log));
        using var http = new HttpClient();

        var response = await http.GetAsync(bot.Address + DashboardEndpoint.Path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Single(log.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("Hangfire dashboard is off"));
    }

    [Fact]
    public async Task Dashboard_AsksForCredentials_FromThisMachine_OutsideDevelopment()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, settings: Credentials());
        using var anonymous = new HttpClient();
        using var wrong = SignedInClient(password: "salah");
        using var right = SignedInClient();

        var refused = await anonymous.GetAsync(bot.Address + DashboardEndpoint.Path);
        var wrongPassword = await wrong.GetAsync(bot.Address + DashboardEndpoint.Path);
        var admitted = await right.GetAsync(bot.Address + DashboardEndpoint.Path);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Basic", Assert.Single(refused.Headers.WwwAuthenticate).Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
        Assert.Contains("Hangfire", await admitted.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Dashboard_IsServedToThisMachineWithoutCredentials_InDevelopment()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, environment: "Development");
        using var http = new HttpClient();

        var response = await http.GetAsync(bot.Address + DashboardEndpoint.Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.OK)]
    [InlineData("127.0.0.1", HttpStatusCode.Unauthorized)]
    public async Task ForwardedFor_CountsOnlyFromAKnownProxy(string? knownProxies, HttpStatusCode expected)
    {
        await using var emulator = await Emulator.StartFastAsync();
        var settings = new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies"] = knownProxies };
        await using var bot = await BotUnderTest.StartAsync(emulator, settings: settings, environment: "Development");
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, bot.Address + DashboardEndpoint.Path);
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        var response = await http.SendAsync(request);

        // In Development this machine passes without credentials: the client behind a known proxy does not.
        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(false, HttpStatusCode.Unauthorized)]
    [InlineData(true, HttpStatusCode.NoContent)]
    public async Task TriggeringAJob_IsRefused_UnlessTheDashboardIsWritable(bool writable, HttpStatusCode expected)
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator,
            settings: Credentials(("Scheduler:DashboardWritable", writable ? "true" : "false")));
        using var http = SignedInClient();

        var response = await http.PostAsync(bot.Address + DashboardEndpoint.Path + "/recurring/trigger",
            new FormUrlEncodedContent([new("jobs[]", "photo-copies")]));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_IsAuditedOncePerSession_WithTheUserNameHashed()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, settings: Credentials());
        var documents = bot.App.Services.GetRequiredService<IDocumentStore>();
        using var browser = SignedInClient();
        using var anotherBrowser = SignedInClient();

        for (var page = 0; page < 3; page++)
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(bot.Address + DashboardEndpoint.Path)).StatusCode);
        var afterOneSession = await documents.AllAsync<AuditEntry>(CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, (await anotherBrowser.GetAsync(bot.Address + DashboardEndpoint.Path + "/jobs/enqueued")).StatusCode);

        var signIn = Assert.Single(afterOneSession);
        Assert.Equal((AuditAction.DashboardSignIn, AuditRole.Administrator), (signIn.Action, signIn.ActorRole));
        var target = Assert.Single(signIn.Targets);
        Assert.DoesNotContain(User, target, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Password, string.Join("|", signIn.Targets, signIn.Field, signIn.NewValue));
        Assert.Equal(2, (await documents.AllAsync<AuditEntry>(CancellationToken.None)).Count(e => e.Action == AuditAction.DashboardSignIn));
    }

    [Theory]
    [InlineData(null, "dinas:rahasia-panjang", false, DashboardAccess.Denied)]
    [InlineData(null, "dinas:rahasia-panjang", true, DashboardAccess.Denied)]
    [InlineData("127.0.0.1", null, false, DashboardAccess.Denied)]
    [InlineData("::1", null, false, DashboardAccess.Denied)]
    [InlineData("127.0.0.1", null, true, DashboardAccess.LocalDevelopment)]
    [InlineData("10.1.2.3", null, true, DashboardAccess.Denied)]
    [InlineData("10.1.2.3", "dinas:salah", false, DashboardAccess.Denied)]
    [InlineData("10.1.2.3", "dinas:rahasia-panjangX", false, DashboardAccess.Denied)]
    [InlineData("10.1.2.3", "dina:rahasia-panjang", false, DashboardAccess.Denied)]
    [InlineData("10.1.2.3", "dinas:rahasia-panjang", false, DashboardAccess.SignedIn)]
    [InlineData("127.0.0.1", "dinas:rahasia-panjang", false, DashboardAccess.SignedIn)]
    public void Identify_NeedsTheCredentialsAndARemoteAddress(string? remoteIp, string? credentials, bool development, DashboardAccess expected)
    {
        var filter = new DashboardAuthorization(
            new SchedulerOptions { DashboardUser = User, DashboardPassword = Password }, new NoAudit(), development);
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = remoteIp is null ? null : IPAddress.Parse(remoteIp);
        if (credentials is not null)
            http.Request.Headers.Authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));

        Assert.Equal(expected, filter.Identify(http));
    }

    [Fact]
    public void Identify_RefusesEveryone_WhenNoCredentialsConfigured()
    {
        var filter = new DashboardAuthorization(new SchedulerOptions(), new NoAudit(), development: false);
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse("192.168.1.9");
        http.Request.Headers.Authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(":"));

        Assert.Equal(DashboardAccess.Denied, filter.Identify(http));
    }

    private sealed class NoAudit : IAuditLog
    {
        public Task RecordAsync(AuditEntry entry, CancellationToken ct) => Task.CompletedTask;

        public Task DashboardSignInAsync(string account, CancellationToken ct) => Task.CompletedTask;
    }
}
