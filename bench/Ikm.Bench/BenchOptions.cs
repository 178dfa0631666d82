using System.Globalization;
using Ikm.Workflow.Ports;

namespace Ikm.Bench;

/// <summary>Which measurements to run.</summary>
[Flags]
internal enum Scenarios
{
    None = 0,
    Saturate = 1,
    Paced = 2,
    All = Saturate | Paced,
}

/// <summary>The command line: <c>updates|all|saturate|paced [--seconds N] [--chats N] [--rate N] …</c>.</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        Ikm.Bench — inbound update benchmark of the real bot host against the in-process Telegram emulator.

        usage: dotnet run -c Release --project bench/Ikm.Bench -- <command> [options]

        commands
          updates | all     both scenarios (saturate, then paced) and the raw SQLite write rates
          saturate          closed loop: every chat keeps --depth updates outstanding; updates/s and latency
          paced             open loop at --rate updates/s; latency (goal p99 < 50 ms at 1,000/s)
          sqlite            only the raw SQLite durable write rates

        options
          --seconds N       measured seconds per scenario, after the warm-up (default 10)
          --warmup N        warm-up seconds per scenario (default 2)
          --chats N         synthetic private chats (default 2,000)
          --depth N         saturate: updates outstanding per chat (default 1; in flight = chats x depth)
          --rate N          paced: updates offered per second (default 1,000)
          --sqlite-writes N single writes per round for the raw SQLite rate (default 1,000; 3 rounds, median;
                            batched uses 10x)
          --no-sqlite       skip the raw SQLite write rates
          --trace           time every IBotStore call (a proxy around the store), every Bot API call and the
                            thread pool, and print where a batch's time goes (diagnostic; adds a little overhead)
          --what-if-no-outbox-marks
                            diagnostic: the store skips outbox "sent" marks, to show what their write
                            transactions cost the update commits (not a valid configuration of the bot)
          --min-threads N   diagnostic: raise the thread pool's minimum worker threads (not the bot's setting)
        """;

    public Scenarios Scenarios { get; init; } = Scenarios.All;
    public double Seconds { get; init; } = 10;
    public double WarmupSeconds { get; init; } = 2;
    public int Chats { get; init; } = 2_000;
    public int Depth { get; init; } = 1;
    public double Rate { get; init; } = 1_000;
    public int SqliteWrites { get; init; } = 1_000;
    public bool Sqlite { get; init; } = true;
    public bool Trace { get; init; }
    public int? MinThreads { get; init; }
    public bool WithoutOutboxMarks { get; init; }

    /// <summary>Null with an error message when the arguments are not understood.</summary>
    public static (BenchOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
            return (null, "missing command");
        var options = args[0] switch
        {
            "updates" or "all" => new BenchOptions { Scenarios = Scenarios.All },
            "saturate" => new BenchOptions { Scenarios = Scenarios.Saturate },
            "paced" => new BenchOptions { Scenarios = Scenarios.Paced },
            "sqlite" => new BenchOptions { Scenarios = Scenarios.None },
            _ => null,
        };
        if (options is null)
            return (null, $"unknown command '{args[0]}'");

        for (var i = 1; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{name} needs a value");
            try
            {
                options = name switch
                {
                    "--seconds" => options with { Seconds = Positive(name, Value()) },
                    "--warmup" => options with { WarmupSeconds = NonNegative(name, Value()) },
                    "--chats" => options with { Chats = (int)Positive(name, Value()) },
                    "--depth" => options with { Depth = (int)Positive(name, Value()) },
                    "--rate" => options with { Rate = Positive(name, Value()) },
                    "--sqlite-writes" => options with { SqliteWrites = (int)Positive(name, Value()) },
                    "--no-sqlite" => options with { Sqlite = false },
                    "--trace" => options with { Trace = true },
                    "--what-if-no-outbox-marks" => options with { WithoutOutboxMarks = true },
                    "--min-threads" => options with { MinThreads = (int)Positive(name, Value()) },
                    "--scenario" => options with { Scenarios = ParseScenario(Value()) },
                    _ => throw new FormatException($"unknown option '{name}'"),
                };
            }
            catch (FormatException ex)
            {
                return (null, ex.Message);
            }
        }

        return (options, null);
    }

    private static Scenarios ParseScenario(string value) => value switch
    {
        "all" => Scenarios.All,
        "saturate" => Scenarios.Saturate,
        "paced" => Scenarios.Paced,
        _ => throw new FormatException($"unknown scenario '{value}' (saturate, paced, all)"),
    };

    private static double Positive(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new FormatException($"{name} needs a positive number, not '{value}'");

    private static double NonNegative(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= 0
            ? number
            : throw new FormatException($"{name} needs a number ≥ 0, not '{value}'");
}
