using Ikm.TestKit;

namespace Ikm.Bot.Tests.Support;

public static class Emulator
{
    /// <summary>
    /// An emulator whose per-chat limit does not slow scripted conversations (a user "answering" within
    /// milliseconds would otherwise wait out a 429 at every step). Tests about the limits use the defaults.
    /// </summary>
    public static Task<TelegramEmulator> StartFastAsync() =>
        TelegramEmulator.StartAsync(new EmulatorOptions { PerChatMessagesPerSecond = 1000, GlobalMessagesPerSecond = 10_000 });
}
