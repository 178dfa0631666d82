using Hangfire;
using Ikm.Bot.Channels.Local;
using Ikm.Bot.Channels.Telegram;
using Ikm.Bot.Questionnaires;
using Ikm.Scheduler;
using Ikm.Scheduler.Hosting;
using Ikm.Storage;
using Ikm.Storage.Files;
using Ikm.Workflow;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Storage;
using Telegram.Bot;

namespace Ikm.Bot.Hosting;

/// <summary>Composition of the bot: one call per project, the channel chosen by configuration.</summary>
public static class BotHost
{
    /// <summary>
    /// Builds the web application. Tests add configuration in <paramref name="configure"/> (before the bot reads it)
    /// and replace services in <paramref name="overrideServices"/> (after the bot registered its own).
    /// </summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null, Action<IServiceCollection>? overrideServices = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.AddIkmBot();
        overrideServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapIkmBot();
        return app;
    }

    public static WebApplicationBuilder AddIkmBot(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var telegram = configuration.GetSection("Telegram").Get<TelegramOptions>() ?? new TelegramOptions();
        var local = !telegram.HasToken;
        if (local && string.IsNullOrWhiteSpace(configuration["Bot:Coordinators"]))
            configuration["Bot:Coordinators"] = LocalCoordinatorId;

        builder.Services.AddOptions<BotOptions>().Bind(configuration.GetSection("Bot"));
        builder.Services.AddOptions<Ikm.Workflow.Storage.RetentionOptions>().Bind(configuration.GetSection("Retention"));
        builder.Services.AddOptions<TelegramOptions>().Bind(configuration.GetSection("Telegram"));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddIkmStorage(configuration);
        builder.Services.AddHostedService(sp => new DataDirectoryGuard(sp.GetService<DataDirectoryLock>(), sp.GetRequiredService<ILogger<DataDirectoryGuard>>()));
        // Hosted services start in registration order: the store is ready before anything reads or sends.
        builder.Services.AddHostedService<StoreInitializer>();
        builder.Services.AddIkmWorkflow();
        builder.Services.AddSingleton<IQuestionnaireCatalog>(sp => new FileQuestionnaireCatalog(
            configuration.GetSection("Questionnaires").Get<QuestionnaireOptions>() ?? new QuestionnaireOptions(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.DataDirectory));
        builder.Services.AddIkmScheduler(configuration);
        builder.Services.AddHostedService<IntakeService>();
        builder.Services.AddHostedService<NativeHeapTrimmer>();

        if (local) AddLocalChannel(builder);
        else AddTelegramChannel(builder.Services, telegram);
        return builder;
    }

    public static WebApplication MapIkmBot(this WebApplication app)
    {
        // First: everything after it (the dashboard's checks, logs) sees the client's address, not the proxy's.
        app.UseKnownProxies();
        app.MapGet("/health", async (IBotStore store, CancellationToken ct) =>
            await store.PingAsync(ct)
                ? Results.Ok(new { status = "healthy" })
                : Results.Json(new { status = "store unavailable" }, statusCode: StatusCodes.Status503ServiceUnavailable));
        var telegram = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TelegramOptions>>().Value;
        if (telegram is { HasToken: true, Mode: TelegramMode.Webhook })
            app.MapTelegramWebhook();
        app.MapIkmDashboard();
        return app;
    }

    /// <summary>In the local chat, persona 9 is a coordinator unless Bot__Coordinators says otherwise.</summary>
    public const string LocalCoordinatorId = "9";

    private static void AddLocalChannel(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => new LocalChatConsole(Console.Out, sp.GetRequiredService<LocalChatFiles>(), sp.GetRequiredService<IOutboxFiles>()));
        builder.Services.AddSingleton<IMessageSender>(sp => sp.GetRequiredService<LocalChatConsole>());
        builder.Services.AddSingleton<IFileDownloader, NoFileDownloader>();
        if (!Console.IsInputRedirected)
        {
            // The terminal is the chat: keep the host's own log lines out of it except warnings.
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddSingleton<TextReader>(Console.In);
            builder.Services.AddHostedService<LocalChatService>();
        }
    }

    private static void AddTelegramChannel(IServiceCollection services, TelegramOptions telegram)
    {
        // The token is part of every request URL: the client's HttpClient must never log requests.
        services.AddHttpClient("telegram").RemoveAllLoggers();
        services.AddSingleton<ITelegramBotClient>(sp => new TelegramBotClient(
            // No silent retries inside the client: the outbox dispatcher owns 429 handling and pacing.
            new TelegramBotClientOptions(telegram.BotToken!, telegram.ApiBaseUrl.TrimEnd('/')) { RetryCount = 0 },
            sp.GetRequiredService<IHttpClientFactory>().CreateClient("telegram")));
        services.AddSingleton<IMessageSender, TelegramSender>();
        services.AddSingleton<IFileDownloader, TelegramFileDownloader>();
        services.AddSingleton<CallbackAnswerer>();
        services.AddHostedService<TelegramIdentityLoader>();
        if (telegram.Mode == TelegramMode.Webhook)
            services.AddHostedService<TelegramWebhookRegistration>();
        else
            services.AddHostedService<TelegramPollingService>();
    }
}

/// <summary>Runs the single consumer of the update intake.</summary>
internal sealed class IntakeService(UpdateIntake intake) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => intake.RunAsync(stoppingToken);
}

/// <summary>Creates tables/indexes before the channels start taking updates.</summary>
internal sealed class StoreInitializer(IBotStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
