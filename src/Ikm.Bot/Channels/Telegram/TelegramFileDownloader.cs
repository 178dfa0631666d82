using Ikm.Workflow.Ports;
using Telegram.Bot;

namespace Ikm.Bot.Channels.Telegram;

/// <summary>getFile + download through the Bot API (Telegram__ApiBaseUrl is honoured by the client).</summary>
public sealed class TelegramFileDownloader(ITelegramBotClient bot) : IFileDownloader
{
    public async Task<byte[]?> DownloadAsync(string fileId, CancellationToken ct)
    {
        var file = await bot.GetFile(fileId, ct);
        if (file.FilePath is null) return null;
        using var buffer = new MemoryStream();
        await bot.DownloadFile(file.FilePath, buffer, ct);
        return buffer.ToArray();
    }
}

/// <summary>The local terminal chat has no files to fetch: photos there are placeholders.</summary>
public sealed class NoFileDownloader : IFileDownloader
{
    public Task<byte[]?> DownloadAsync(string fileId, CancellationToken ct) => Task.FromResult<byte[]?>(null);
}
