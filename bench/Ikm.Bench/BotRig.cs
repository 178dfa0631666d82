using Ikm.Bot.Hosting;
using Ikm.Scheduler.Outbox;
using Ikm.TestKit;
using Ikm.Workflow.Ports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ikm.Bench;

/// <summary>
/// The Telegram emulator plus the real bot host in polling mode with the embedded SQLite store in a temp folder,
/// wired as the end-to-end tests do (tests/Ikm.Bot.Tests/Support/BotUnderTest.cs), with the outbound caps raised:
/// the benchmark measures handling, not Telegram's pacing (DESIGN §8).
/// </summary>
internal sealed class BotRig : IAsyncDisposable
{
    private const string Unlimited = "1000000";

    private readonly string _dataDirectory;
    private readonly StoreTiming? _storeTiming;

    private BotRig(TelegramEmulator emulator, WebApplication app, string dataDirectory, StoreTiming? storeTiming)
    {
        Emulator = emulator;
        App = app;
        _dataDirectory = dataDirectory;
        _storeTiming = storeTiming;
    }

    public TelegramEmulator Emulator { get; }

    /// <summary>When the bot host had started (its background services, such as the outbox scan, run from here).</summary>
    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    public WebApplication App { get; }

    public OutboxDispatcher Dispatcher => App.Services.GetRequiredService<OutboxDispatcher>();

    /// <summary>Per-method timings of the store; null unless started with tracing.</summary>
    public StoreTiming? StoreTiming => _storeTiming;

    /// <param name="trace">Time store calls, Bot API calls and the batch cycle.</param>
    /// <param name="withoutOutboxMarks">What-if diagnostic: the store ignores outbox marks (and its scan finds nothing due).</param>
    /// <param name="settings">More configuration, over the rig's own (the soak sets the coordinator id).</param>
    public static async Task<BotRig> StartAsync(bool trace, bool withoutOutboxMarks = false, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var emulator = await TelegramEmulator.StartAsync(new EmulatorOptions
        {
            GlobalMessagesPerSecond = 1_000_000,
            PerChatMessagesPerSecond = 1_000_000,
        });
        emulator.EnforceLimits = false;

        var dataDirectory = Directory.CreateTempSubdirectory("ikm-bench-").FullName;
        var config = new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = emulator.Token,
            ["Telegram:ApiBaseUrl"] = emulator.BaseUrl,
            ["Telegram:Mode"] = "Polling",
            ["Telegram:PollingTimeoutSeconds"] = "10",
            ["Telegram:MaxMessagesPerSecond"] = Unlimited,
            ["Telegram:MaxMessagesPerChatPerSecond"] = Unlimited,
            ["Storage:DataDirectory"] = dataDirectory,
            // Load chats send faster than a person: the benchmark measures handling, not flood control.
            ["Bot:FloodLimit"] = Unlimited,
            ["Scheduler:WorkerCount"] = "1",
            ["Logging:LogLevel:Default"] = "Warning",
        };

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            config[key] = value;

        var storeTiming = trace || withoutOutboxMarks ? new StoreTiming { WithoutOutboxMarks = withoutOutboxMarks } : null;
        var app = BotHost.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(config);
        }, services =>
        {
            if (storeTiming is not null)
            {
                WrapStore(services, storeTiming);
                if (trace)
                    services.AddHttpClient("telegram").AddHttpMessageHandler(() => new ApiTimingHandler(storeTiming));
            }
        });
        await app.StartAsync();
        return new BotRig(emulator, app, dataDirectory, storeTiming);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (_storeTiming?.Inner is IAsyncDisposable inner)
            await inner.DisposeAsync();
        await Emulator.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the temp folder is left behind, nothing else depends on it.
        }
    }

    /// <summary>Replaces the host's IBotStore with a timing proxy around the store the host would have built.</summary>
    private static void WrapStore(IServiceCollection services, StoreTiming timing)
    {
        var original = services.Single(d => d.ServiceType == typeof(IBotStore));
        services.Remove(original);
        services.AddSingleton(sp =>
        {
            var inner = original.ImplementationFactory is { } factory
                ? (IBotStore)factory(sp)
                : original.ImplementationInstance as IBotStore
                  ?? (IBotStore)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!);
            return StoreTimingProxy.Wrap(inner, timing);
        });
    }
}
