using System.Diagnostics;
using Ikm.Bot.Hosting;
using Ikm.Storage;

namespace Ikm.Bot.Demo;

/// <summary>
/// <c>demo [--seed N] [--weeks N] [--mentors N] [--ikms N]</c>: replays the Palu cohort's weeks through the real system in
/// <c>{DataDirectory}/demo</c>, writes the outputs, prints the summary, and — in a terminal — opens the local chat as the
/// coordinator on that data, on a clock going on from where the replay ended.
/// </summary>
internal static class DemoCommand
{
    private const int Usage = 64; // EX_USAGE

    public static bool Handles(string[] args) => args is ["demo", ..];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var dataDirectory = Path.GetFullPath(Path.Combine(StorageOptions.From(WebApplication.CreateBuilder([]).Configuration).DataDirectory, "demo"));
        var (options, problem) = DemoOptions.Parse(args, dataDirectory);
        if (options is null)
        {
            await error.WriteLineAsync($"Usage: Ikm.Bot demo [--seed N] [--weeks 1-8] [--mentors 1-3] [--ikms 1-5] ({problem})");
            return Usage;
        }

        await output.WriteLineAsync($"Replaying {options.Weeks} weeks of {DemoCast.CohortName} in {dataDirectory} …");
        var watch = Stopwatch.StartNew();
        var record = await new ProgramReplay(options).RunAsync();
        var files = DemoOutputs.Write(record);
        await output.WriteAsync(DemoSummary.Write(record, files, watch.Elapsed));
        if (Console.IsInputRedirected) return 0;

        await output.WriteLineAsync(DemoTexts.ChatIntro);
        var clock = new DemoClock(record.EndedAt);
        clock.Run();
        await using var app = BotHost.Build([], builder =>
            builder.Configuration.AddInMemoryCollection(DemoHost.Settings(dataDirectory, DemoCast.CoordinatorId, runsJobs: true)),
            services => services.AddSingleton<TimeProvider>(clock));
        await app.RunAsync();
        return 0;
    }
}
