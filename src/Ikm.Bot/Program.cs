using Ikm.Bot.Hosting;

var app = BotHost.Build(args);
await app.RunAsync();

/// <summary>Entry point; exposed for WebApplicationFactory-style tests.</summary>
public partial class Program;
