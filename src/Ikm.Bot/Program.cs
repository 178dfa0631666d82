using Ikm.Bot.Hosting;
using Ikm.Storage.Files;

await using var app = BotHost.Build(args);
try
{
    await app.RunAsync();
    return 0;
}
catch (DataDirectoryInUseException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return DataDirectoryInUseException.ExitCode;
}

/// <summary>Entry point; exposed for WebApplicationFactory-style tests.</summary>
public partial class Program;
