using System.Globalization;
using Ikm.Workflow.Messaging;

namespace Ikm.Bot.Demo;

/// <summary>
/// A scripted person in the demo: sends channel-neutral updates into the bot's intake as a user of the local channel
/// would, waits until the bot's answers are delivered, and reads and presses the buttons on their screen. Each action
/// takes <see cref="AnswerTime"/> of simulated time, the time a person takes to read and answer.
/// </summary>
public sealed class DemoUser(DemoStage stage, long id, string name, string role)
{
    public static readonly TimeSpan AnswerTime = TimeSpan.FromSeconds(20);

    public long Id { get; } = id;
    public string Name { get; } = name;
    public string Role { get; } = role;

    /// <summary>The newest message the bot sent this user (after edits).</summary>
    public DeliveredMessage? Last => stage.Sender.Screen(Id) is { Count: > 0 } screen ? screen[^1] : null;

    /// <summary>Types <paramref name="text"/>; the transcript shows <paramref name="shown"/> instead when given (an invite link's token).</summary>
    public Task TextAsync(string text, string? shown = null) =>
        SendAsync(new() { UpdateId = 0, ChatId = Id, UserId = Id, Kind = text.StartsWith('/') ? IncomingKind.Command : IncomingKind.Text, Text = text }, shown ?? text);

    /// <summary>Presses the button labelled <paramref name="label"/> on the newest message showing it (exact label first, then "contains").</summary>
    public Task PressAsync(string label)
    {
        var (message, button) = FindButton(label);
        return SendAsync(new() { UpdateId = 0, ChatId = Id, UserId = Id, Kind = IncomingKind.Button, ButtonData = button.Data, ButtonMessageId = message.MessageId },
            $"[{button.Label}]");
    }

    public Task LocationAsync(double latitude, double longitude) =>
        SendAsync(new() { UpdateId = 0, ChatId = Id, UserId = Id, Kind = IncomingKind.Location, Location = new GeoPoint(latitude, longitude) },
            string.Create(CultureInfo.InvariantCulture, $"📍 ({latitude:0.0000}, {longitude:0.0000})"));

    public Task PhotoAsync(string fileId) =>
        SendAsync(new() { UpdateId = 0, ChatId = Id, UserId = Id, Kind = IncomingKind.Photo, PhotoFileId = fileId }, "🖼 foto");

    public Task ContactAsync(string phone) =>
        SendAsync(new() { UpdateId = 0, ChatId = Id, UserId = Id, Kind = IncomingKind.Contact, Contact = new ContactCard(phone, Id) }, "📇 kontak");

    private async Task SendAsync(IncomingMessage message, string shown)
    {
        await stage.SubmitAsync(this, message, shown);
    }

    private (DeliveredMessage Message, Button Button) FindButton(string label) =>
        TryFindButton(label) ?? throw new InvalidOperationException(
            $"User {Id} sees no button \"{label}\"; last message: {Last?.Text[..Math.Min(200, Last.Text.Length)]} [{string.Join(" | ", Last?.Buttons.Select(b => b.Label) ?? [])}]");

    private (DeliveredMessage, Button)? TryFindButton(string label)
    {
        var screen = stage.Sender.Screen(Id);
        foreach (var matches in new Func<Button, bool>[] { b => b.Label == label, b => b.Label.Contains(label, StringComparison.OrdinalIgnoreCase) })
        {
            for (var i = screen.Count - 1; i >= 0; i--)
            {
                if (screen[i].Buttons.FirstOrDefault(matches) is { } button) return (screen[i], button);
            }
        }

        return null;
    }
}
