using Ikm.Bot.Demo;
using Ikm.Bot.Hosting;
using Ikm.Storage.Files;

NativeHeap.LimitArenas();

if (DemoCommand.Handles(args))
    return await DemoCommand.RunAsync(args, Console.Out, Console.Error);

if (OperatorCommands.Handles(args))
    return OperatorCommands.Run(args, Console.Out, Console.Error);

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
