using Ikm.Bench;
using Ikm.Bot.Hosting;

// First, as in the bot's Program: the bot is measured in a process set up as its own.
NativeHeap.LimitArenas();

// dotnet run -c Release --project bench/Ikm.Bench -- updates [--seconds N] [--chats N] [--rate N]
// dotnet run -c Release --project bench/Ikm.Bench -- broadcast [--messages N] [--runs N]
if (args is ["broadcast", .. var broadcastArgs])
    return await BroadcastScenario.RunAsync(broadcastArgs);

// dotnet run -c Release --project bench/Ikm.Bench -- marks [--seconds N] [--rate N]
if (args is ["marks", .. var markArgs])
    return await MarkLatencyScenario.RunAsync(markArgs);

// dotnet run -c Release --project bench/Ikm.Bench -- soak [--minutes N] [--owners N] [--mentors N]
if (args is ["soak", .. var soakArgs])
    return await SoakScenario.RunAsync(soakArgs);

// dotnet run -c Release --project bench/Ikm.Bench -- crash [--seconds N] [--runs N] [--seed N] [--chats N]
if (args is ["crash", .. var crashArgs])
    return await CrashScenario.RunAsync(crashArgs);

// dotnet run -c Release --project bench/Ikm.Bench -- export [--ikms N] [--visits N] [--rate N]
if (args is ["export", .. var exportArgs])
    return await ExportScenario.RunAsync(exportArgs);

// dotnet run -c Release --project bench/Ikm.Bench -- digest [--ikms N] [--visits N] [--runs N]
if (args is ["digest", .. var digestArgs])
    return await DigestScenario.RunAsync(digestArgs);

var (options, error) = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine($"error: {error}");
    Console.Error.WriteLine();
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

if (options.MinThreads is { } minThreads)
{
    ThreadPool.GetMinThreads(out _, out var io);
    ThreadPool.SetMinThreads(minThreads, io);
}

SqliteRates? sqlite = null;
if (options.Sqlite)
{
    // First, while the process is quiet: this is the fsync-per-write ceiling the bot must beat.
    Console.WriteLine("[sqlite] measuring raw durable write rates…");
    sqlite = await SqliteWriteRate.MeasureAsync(options.SqliteWrites);
    Console.WriteLine(Report.Sqlite(sqlite));
}

ScenarioResult? saturate = null;
if (options.Scenarios.HasFlag(Scenarios.Saturate))
{
    Console.WriteLine(FormattableString.Invariant($"[saturate] starting the emulator and the bot; {options.WarmupSeconds:0.#} s warm-up, {options.Seconds:0.#} s measured…"));
    saturate = await UpdateScenarios.SaturateAsync(options);
    Console.Write(Report.Scenario(saturate));
}

ScenarioResult? paced = null;
if (options.Scenarios.HasFlag(Scenarios.Paced))
{
    Console.WriteLine(FormattableString.Invariant($"[paced] starting the emulator and the bot; {options.WarmupSeconds:0.#} s warm-up, {options.Seconds:0.#} s measured…"));
    paced = await UpdateScenarios.PacedAsync(options);
    Console.Write(Report.Scenario(paced));
}

Console.WriteLine();
Console.Write(Report.Summary(saturate, paced, sqlite));

// An update without its reply makes the figures meaningless: fail the run. A message sent twice is a defect of the
// bot worth a loud line, but the figures still hold.
return new[] { saturate, paced }.OfType<ScenarioResult>().All(r => r.AllAnswered) ? 0 : 1;
