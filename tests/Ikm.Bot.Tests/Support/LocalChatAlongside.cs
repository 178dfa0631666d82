using Ikm.Bot.Channels.Local;
using Ikm.Bot.Channels.Telegram;
using Ikm.Storage;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Ikm.Bot.Tests.Support;

/// <summary>
/// Every send goes to the local chat's console (as when the bot runs without Telegram: files are copied into the data
/// directory and their paths printed) and then to the emulator, so a scripted run also leaves the local chat's files.
/// </summary>
public sealed class LocalChatAlongside(LocalChatConsole console, TelegramSender telegram) : IMessageSender
{
    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        await console.SendAsync(message, ct);
        return await telegram.SendAsync(message, ct);
    }

    /// <summary>Replaces the host's sender; the console prints into <paramref name="output"/>.</summary>
    public static void Register(IServiceCollection services, TextWriter output)
    {
        services.AddSingleton(sp => new LocalChatConsole(output, sp.GetRequiredService<LocalChatFiles>(), sp.GetRequiredService<IOutboxFiles>()));
        services.AddSingleton<IMessageSender>(sp => new LocalChatAlongside(
            sp.GetRequiredService<LocalChatConsole>(), ActivatorUtilities.CreateInstance<TelegramSender>(sp)));
    }
}
