using Ikm.Workflow.Engine;
using Ikm.Workflow.Messaging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace Ikm.Bot.Channels.Telegram;

/// <summary>
/// Our own getUpdates loop. Telegram.Bot's built-in receiver moves past an update whose handler threw, losing it;
/// here the offset moves past a batch only after the batch is durably written (the next getUpdates call confirms it).
/// Errors back off exponentially; a 409 (another instance polling, or a webhook set) is said plainly in the log.
/// </summary>
public sealed class TelegramPollingService(
    ITelegramBotClient bot,
    UpdateIntake intake,
    CallbackAnswerer callbacks,
    IOptions<TelegramOptions> options,
    ILogger<TelegramPollingService> log) : BackgroundService
{
    // Channel posts too: a channel the bot was added to gets the "private chats only" notice.
    private static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.ChannelPost];
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>The offset the next getUpdates call sends (everything below it is confirmed).</summary>
    public int Offset { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        log.LogInformation("Telegram polling started");
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var updates = await bot.GetUpdates(Offset, limit: 100, timeout: options.Value.PollingTimeoutSeconds,
                    allowedUpdates: Wanted, cancellationToken: stoppingToken);
                if (updates.Length > 0)
                {
                    var incoming = new List<IncomingMessage>(updates.Length);
                    foreach (var update in updates)
                    {
                        if (TelegramUpdateMapper.Map(update) is not { } message) continue;
                        callbacks.Answer(message.CallbackId);
                        // getUpdates hands out update ids in increasing order: the dedupe may rely on it.
                        incoming.Add(message with { UpdateIdsRise = true });
                    }

                    if (incoming.Count > 0)
                        await intake.SubmitAsync(incoming, stoppingToken);
                    Offset = updates[^1].Id + 1;
                }

                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == 409)
            {
                failures++;
                log.LogError("Telegram answered 409 Conflict: another instance is polling with this token, or a webhook is set. Stop the other instance or call deleteWebhook. Retrying.");
                await DelayAsync(failures, stoppingToken);
            }
            catch (Exception ex)
            {
                // Network, 5xx, or the store down: the offset did not move, so the same updates come again.
                failures++;
                log.LogWarning("Polling cycle failed ({ErrorType}); attempt {Attempt}, offset stays {Offset}", ex.GetType().Name, failures, Offset);
                await DelayAsync(failures, stoppingToken);
            }
        }
    }

    private static async Task DelayAsync(int failures, CancellationToken ct)
    {
        var delay = TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, 100 * Math.Pow(2, failures - 1)));
        try
        {
            await Task.Delay(delay, ct);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
