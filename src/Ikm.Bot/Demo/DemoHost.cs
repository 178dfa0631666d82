using Ikm.Workflow.Ports;
using Ikm.Bot.Channels.Local;
using Ikm.Bot.Hosting;
using Ikm.Scheduler.Outbox;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Messaging;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ikm.Bot.Demo;

/// <summary>
/// The real bot host on the demo's data directory and clock, with the recording sender as its channel. Nothing runs on
/// its own schedule: no Hangfire server, no terminal chat — the replay submits the users' updates and calls the jobs.
/// </summary>
public sealed class DemoHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DemoHost(WebApplication app, RecordingSender sender, DeliveryLedger ledger)
    {
        _app = app;
        Sender = sender;
        Ledger = ledger;
    }

    public RecordingSender Sender { get; }
    public DeliveryLedger Ledger { get; }
    public IServiceProvider Services => _app.Services;
    public UpdateIntake Intake => _app.Services.GetRequiredService<UpdateIntake>();

    public static async Task<DemoHost> StartAsync(string dataDirectory, string outputDirectory, DemoClock clock, long coordinatorId)
    {
        var ledger = new DeliveryLedger(clock);
        var sender = new RecordingSender(clock, ledger, outputDirectory);
        var app = BotHost.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(Settings(dataDirectory, coordinatorId, runsJobs: false));
        }, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.RemoveAll<IMessageSender>();
            services.AddSingleton<IMessageSender>(sender);
            services.RemoveAll<IOutboxNotifier>();
            services.AddSingleton<IOutboxNotifier>(sp => new LedgerNotifier(ledger, sp.GetRequiredService<OutboxDispatcher>()));
            foreach (var chat in services.Where(d => d.ImplementationType == typeof(LocalChatService)).ToList())
                services.Remove(chat);
        });
        await app.StartAsync();
        // Until its first store scan the dispatcher leaves committed messages to the scan: wait for it once.
        await app.Services.GetRequiredService<OutboxDispatcher>().WaitForScansAsync(1, TimeSpan.FromSeconds(30));
        return new DemoHost(app, sender, ledger);
    }

    /// <summary>The bot's settings for the demo: its own data directory, the demo's coordinator, sends not paced to Telegram's caps.</summary>
    public static Dictionary<string, string?> Settings(string dataDirectory, long coordinatorId, bool runsJobs) => new()
    {
        ["Storage:DataDirectory"] = dataDirectory,
        ["Bot:Coordinators"] = coordinatorId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Scheduler:RunsJobs"] = runsJobs ? "true" : "false",
        ["Telegram:MaxMessagesPerSecond"] = "100000",
        ["Telegram:MaxMessagesPerChatPerSecond"] = "100000",
        ["Logging:LogLevel:Default"] = "Warning",
        // The demo serves no dashboard: the operator's hint about its credentials would only interrupt the summary.
        ["Logging:LogLevel:Ikm.Scheduler.Hosting.DashboardEndpoint"] = "Error",
    };

    /// <summary>Forces a store scan of the outbox and waits until what it found is delivered (messages held for quiet hours).</summary>
    public Task ScanOutboxAsync() => _app.Services.GetRequiredService<OutboxDispatcher>().WaitForScansAsync(1, TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
