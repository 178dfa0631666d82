using Ikm.Workflow.Engine;
using Telegram.Bot;

namespace Ikm.Bot.Channels.Telegram;

/// <summary>Reads the bot's username (getMe) at start, for invite deep links. A failure only leaves the default name.</summary>
public sealed class TelegramIdentityLoader(ITelegramBotClient bot, BotIdentity identity, ILogger<TelegramIdentityLoader> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            var me = await bot.GetMe(timeout.Token);
            if (!string.IsNullOrEmpty(me.Username)) identity.Username = me.Username;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            log.LogWarning("getMe failed ({ErrorType}); invite links use the name {Username}", ex.GetType().Name, identity.Username);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
