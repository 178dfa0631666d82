using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace Ikm.Bot.Channels.Telegram;

/// <summary>In webhook mode with a public URL configured, tells Telegram where to deliver (setWebhook with the secret).</summary>
public sealed class TelegramWebhookRegistration(ITelegramBotClient bot, IOptions<TelegramOptions> options, ILogger<TelegramWebhookRegistration> log)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.WebhookUrl is not { Length: > 0 } url)
        {
            log.LogInformation("Webhook mode without Telegram__WebhookUrl: setWebhook is left to the operator");
            return;
        }

        await bot.SetWebhook(url, secretToken: options.Value.WebhookSecret, cancellationToken: cancellationToken);
        log.LogInformation("Webhook registered");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
