using System.Net.Http.Json;
using Ikm.Bot.Channels.Telegram;
using Ikm.Bot.Hosting;
using Ikm.Scheduler.Outbox;
using Ikm.TestKit;
using Ikm.Workflow.Ports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Ikm.Bot.Tests.Support;

/// <summary>
/// The real bot host (Kestrel on 127.0.0.1, embedded SQLite in a temp folder) talking to a <see cref="TelegramEmulator"/>.
/// The store is wrapped in a <see cref="SwitchableStore"/> so tests can simulate an outage.
/// </summary>
public sealed class BotUnderTest : IAsyncDisposable
{
    private BotUnderTest(WebApplication app, string dataDirectory)
    {
        App = app;
        DataDirectory = dataDirectory;
    }

    public WebApplication App { get; }
    public string DataDirectory { get; }
    public SwitchableStore Store => (SwitchableStore)App.Services.GetRequiredService<IBotStore>();
    public IDocumentStore Owners => App.Services.GetRequiredService<IDocumentStore>();
    public OutboxDispatcher Dispatcher => App.Services.GetRequiredService<OutboxDispatcher>();
    public string Address => App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <summary>Outbox rows queued for a chat, counted in the database file itself (not through the store's own reads).</summary>
    public async Task<long> CountOutboxRowsAsync(long chatId)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(
            $"Data Source={Path.Combine(DataDirectory, Ikm.Storage.StorageServiceCollectionExtensions.SqliteFileName)};Pooling=False");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM outbox WHERE chat_id = @chat";
        cmd.Parameters.AddWithValue("@chat", chatId);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    public static string NewDataDirectory() => Directory.CreateTempSubdirectory("ikm-test-").FullName;

    public static async Task<BotUnderTest> StartAsync(
        TelegramEmulator emulator,
        TelegramMode mode = TelegramMode.Polling,
        string? dataDirectory = null,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        string? environment = null)
    {
        dataDirectory ??= NewDataDirectory();
        var config = new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = emulator.Token,
            ["Telegram:ApiBaseUrl"] = emulator.BaseUrl,
            ["Telegram:Mode"] = mode.ToString(),
            ["Telegram:WebhookSecret"] = WebhookSecret,
            ["Telegram:PollingTimeoutSeconds"] = "1",
            ["Telegram:MaxMessagesPerSecond"] = "1000",
            ["Telegram:MaxMessagesPerChatPerSecond"] = "1000",
            ["Storage:DataDirectory"] = dataDirectory,
            ["Bot:Coordinators"] = "700",
            // A scripted user answers in milliseconds: flood control would cut most scripts short. Tests about the
            // flood limit set it.
            ["Bot:FloodLimit"] = "10000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            config[key] = value;

        var app = BotHost.Build(environment is null ? [] : ["--environment", environment], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(config);
        }, overrides =>
        {
            overrides.WrapStoreInSwitch();
            services?.Invoke(overrides);
        });
        await app.StartAsync();
        var bot = new BotUnderTest(app, dataDirectory);
        if (mode == TelegramMode.Webhook)
            await bot.RegisterWebhookAsync(emulator);
        return bot;
    }

    public const string WebhookSecret = "s3cret-token-for-tests";

    private async Task RegisterWebhookAsync(TelegramEmulator emulator)
    {
        using var http = new HttpClient();
        var response = await http.PostAsJsonAsync($"{emulator.BaseUrl}/bot{emulator.Token}/setWebhook",
            new { url = Address + TelegramWebhookEndpoint.Path, secret_token = WebhookSecret });
        response.EnsureSuccessStatusCode();
    }

    public async Task StopAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (ObjectDisposedException)
        {
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
