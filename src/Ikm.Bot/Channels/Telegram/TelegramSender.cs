using System.Net;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Ports;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace Ikm.Bot.Channels.Telegram;

/// <summary>
/// Sends an <see cref="OutgoingMessage"/> through the Bot API and turns Telegram's answers into a <see cref="SendResult"/>.
/// The buttons are laid out within <see cref="ChannelCapabilities.Telegram"/>: what a flow builds today fits, so it goes
/// as built. Over 100 choices (which Telegram would refuse) go as numbered text, to be read, not answered by number.
/// </summary>
public sealed class TelegramSender(ITelegramBotClient bot, IOutboxFiles files) : IMessageSender
{
    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        try
        {
            var layout = ButtonLayout.Arrange(message.Buttons, ChannelCapabilities.Telegram);
            message = layout is ButtonLayout.NumberedChoices numbered
                ? message with { Text = $"{message.Text}\n\n{numbered.AsText()}" }
                : message;
            // A generated file is streamed from disk: a 50 MB workbook is never held in memory to be sent.
            await using var content = message.Kind is OutgoingKind.Document or OutgoingKind.Photo ? Content(message) : null;
            var sent = message.Kind switch
            {
                OutgoingKind.EditText => await bot.EditMessageText(message.ChatId, (int)message.EditMessageId!.Value, message.Text,
                    replyMarkup: InlineMarkup(layout), cancellationToken: ct),
                OutgoingKind.Document => await bot.SendDocument(message.ChatId,
                    InputFile.FromStream(content!, message.FileName ?? "file"),
                    caption: NullIfEmpty(message.Text), replyMarkup: Markup(message, layout), cancellationToken: ct),
                OutgoingKind.Photo => await bot.SendPhoto(message.ChatId,
                    InputFile.FromStream(content!, message.FileName ?? "chart.png"),
                    caption: NullIfEmpty(message.Text), replyMarkup: Markup(message, layout), cancellationToken: ct),
                _ => await bot.SendMessage(message.ChatId, message.Text, replyMarkup: Markup(message, layout), cancellationToken: ct),
            };
            return SendResult.Ok(sent.Id);
        }
        catch (FileNotFoundException)
        {
            // The generated file is gone (erased, or purged as a leftover): nothing can ever send this message.
            return new SendResult(SendStatus.Rejected, Error: "file gone");
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 429)
        {
            return new SendResult(SendStatus.RetryAfter, RetryAfter: TimeSpan.FromSeconds(ex.Parameters?.RetryAfter ?? 1));
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 403)
        {
            return new SendResult(SendStatus.Blocked, Error: ex.Message);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode is >= 400 and < 500)
        {
            return new SendResult(SendStatus.Rejected, Error: $"{ex.ErrorCode} {ex.Message}");
        }
        catch (ApiRequestException ex)
        {
            return new SendResult(SendStatus.Transient, Error: $"{ex.ErrorCode}");
        }
        catch (RequestException ex)
        {
            return new SendResult(SendStatus.Transient, Error: ex.HttpStatusCode is { } status ? ((int)status).ToString() : ex.GetType().Name);
        }
        catch (HttpRequestException ex)
        {
            return new SendResult(SendStatus.Transient, Error: ex.StatusCode is HttpStatusCode status ? ((int)status).ToString() : ex.GetType().Name);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new SendResult(SendStatus.Transient, Error: "timeout");
        }
    }

    private Stream Content(OutgoingMessage message) =>
        message.FilePath is { } path ? files.OpenRead(path) : new MemoryStream(message.FileContent ?? []);

    private static string? NullIfEmpty(string text) => string.IsNullOrEmpty(text) ? null : text;

    private static InlineKeyboardMarkup? InlineMarkup(ButtonLayout layout) =>
        layout is ButtonLayout.ButtonRows { Rows: var rows }
            ? new InlineKeyboardMarkup(rows.Select(row => row.Select(b => InlineKeyboardButton.WithCallbackData(b.Label, b.Data))))
            : null;

    private static ReplyMarkup? Markup(OutgoingMessage message, ButtonLayout layout)
    {
        if (InlineMarkup(layout) is { } inline) return inline;
        if (message.Keyboard is { Count: > 0 } keys)
        {
            return new ReplyKeyboardMarkup(keys.Select(row => row.Select(k => new KeyboardButton(k.Label)
            {
                RequestLocation = k.RequestLocation,
                RequestContact = k.RequestContact,
            })))
            { ResizeKeyboard = true, OneTimeKeyboard = true };
        }

        return message.RemoveKeyboard ? new ReplyKeyboardRemove() : null;
    }
}
