using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Storage;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Ikm.Bot.Channels.Telegram;

/// <summary>
/// POST /telegram/webhook. 401 without the right secret header; 200 only after the update is durably written;
/// 503 while the store is unavailable, so Telegram delivers it again. An update whose handling threw is recorded
/// as failed inside the pipeline and acknowledged (200): a poison update must not be redelivered forever.
/// </summary>
public static class TelegramWebhookEndpoint
{
    public const string Path = "/telegram/webhook";
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, HandleAsync);
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpRequest request,
        UpdateIntake intake,
        CallbackAnswerer callbacks,
        IOptions<TelegramOptions> options,
        ILoggerFactory logs,
        CancellationToken ct)
    {
        if (!SecretMatches(request.Headers[SecretHeader].ToString(), options.Value.WebhookSecret))
            return Results.Unauthorized();

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(request.Body, JsonBotAPI.Options, ct);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        if (update is null || TelegramUpdateMapper.Map(update) is not { } message)
            return Results.Ok();

        callbacks.Answer(message.CallbackId);
        try
        {
            await intake.SubmitAsync(message, ct);
            return Results.Ok();
        }
        catch (StoreUnavailableException)
        {
            logs.CreateLogger(typeof(TelegramWebhookEndpoint)).LogWarning("Store unavailable; update {UpdateId} refused with 503", message.UpdateId);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static bool SecretMatches(string given, string? expected) =>
        !string.IsNullOrEmpty(expected) && !string.IsNullOrEmpty(given)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
