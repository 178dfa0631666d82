using Telegram.Bot;

namespace Ikm.Bot.Channels.Telegram;

/// <summary>
/// Answers every button press at once (Telegram shows a spinner until it is answered), before and independent of
/// handling. A failed answer (e.g. a redelivered, already answered query) is logged and forgotten.
/// </summary>
public sealed class CallbackAnswerer(ITelegramBotClient bot, ILogger<CallbackAnswerer> log)
{
    public void Answer(string? callbackId)
    {
        if (string.IsNullOrEmpty(callbackId)) return;
        _ = AnswerAsync(callbackId);
    }

    private async Task AnswerAsync(string callbackId)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await bot.AnswerCallbackQuery(callbackId, cancellationToken: timeout.Token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            log.LogDebug("answerCallbackQuery failed: {ErrorType}", ex.GetType().Name);
        }
    }
}
