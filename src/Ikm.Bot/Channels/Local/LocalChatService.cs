using System.Globalization;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Texts;
using Microsoft.Extensions.Options;

namespace Ikm.Bot.Channels.Local;

/// <summary>
/// With no Telegram token: a chat in the terminal. Lines typed become updates of the active persona's private chat
/// and go through the same intake, pipeline, store and outbox as Telegram updates.
/// </summary>
public sealed class LocalChatService(
    UpdateIntake intake,
    LocalChatConsole console,
    IOptions<BotOptions> botOptions,
    TextReader input,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    private long _userId = 1;
    private long _updateId = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var coordinator = botOptions.Value.CoordinatorIds.Order().FirstOrDefault();
        console.Say(LocalChatTexts.Banner.In(Languages.Indonesian, coordinator, _userId));
        while (!stoppingToken.IsCancellationRequested)
        {
            var line = await input.ReadLineAsync(stoppingToken);
            if (line is null || line.Trim() is "/keluar" or "/exit")
            {
                lifetime.StopApplication();
                return;
            }

            if (ToMessage(line.Trim()) is { } message)
            {
                try
                {
                    await intake.SubmitAsync(message, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    console.Say(LocalChatTexts.NotStored.In(Languages.Indonesian));
                }
            }
        }
    }

    /// <summary>A typed line → an update, or null when the line was a local-only command (persona switch…).</summary>
    internal IncomingMessage? ToMessage(string line)
    {
        var baseMessage = new IncomingMessage
        {
            UpdateId = ++_updateId,
            ChatId = _userId,
            UserId = _userId,
            Kind = IncomingKind.Text,
            Text = line,
            Capabilities = ChannelCapabilities.Local,
        };
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var head = parts.Length > 0 ? parts[0].ToLowerInvariant() : "";

        switch (head)
        {
            case "/sebagai" when parts.Length > 1 && long.TryParse(parts[1], out var persona) && persona > 0:
                _userId = persona;
                console.ActiveChatId = persona;
                console.Say(LocalChatTexts.PersonaSwitched.In(Languages.Indonesian, persona));
                return null;
            case "/lokasi":
                if (parts.Length == 3
                    && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                    && double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
                    return baseMessage with { Kind = IncomingKind.Location, Text = null, Location = new GeoPoint(lat, lon) };
                console.Say(LocalChatTexts.BadLocation.In(Languages.Indonesian));
                return null;
            case "/foto":
                return baseMessage with { Kind = IncomingKind.Photo, Text = null, PhotoFileId = $"local-photo-{_updateId}" };
            case "/kontak" when parts.Length > 1:
                return baseMessage with { Kind = IncomingKind.Contact, Text = null, Contact = new ContactCard(string.Join("", parts[1..]), _userId) };
            case "/teks":
                return baseMessage with { Text = line.Length > 5 ? line[5..].Trim() : "" };
        }

        if (int.TryParse(line, out var number) && console.ButtonAt(_userId, number) is { } button)
            return baseMessage with { Kind = IncomingKind.Button, Text = null, ButtonData = button.Data };
        if (int.TryParse(line, out number) && number > 0 && number < 10 && console.ButtonAt(_userId, 1) is not null)
        {
            console.Say(LocalChatTexts.NoSuchButton.In(Languages.Indonesian, number));
            return null;
        }

        return line.StartsWith('/') ? baseMessage with { Kind = IncomingKind.Command } : baseMessage;
    }
}
