using System.Diagnostics;

namespace Ikm.Bench;

/// <summary>Latency percentiles in milliseconds (nearest rank).</summary>
internal sealed record Latency(int Count, double P50, double P90, double P99, double P999, double Max)
{
    public static Latency From(long[] ticks)
    {
        if (ticks.Length == 0)
            return new Latency(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        Array.Sort(ticks);
        double At(double quantile)
        {
            var rank = (int)Math.Ceiling(quantile * ticks.Length) - 1;
            return ToMilliseconds(ticks[Math.Clamp(rank, 0, ticks.Length - 1)]);
        }

        return new Latency(ticks.Length, At(0.50), At(0.90), At(0.99), At(0.999), ToMilliseconds(ticks[^1]));
    }

    private static double ToMilliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}

/// <summary>Process counters at one instant; two of them bracket a measured window.</summary>
internal sealed record Probe(
    long Timestamp,
    TimeSpan Cpu,
    int Gen0,
    int Gen1,
    int Gen2,
    long AllocatedBytes,
    int GetUpdatesCalls,
    int SendCalls,
    IReadOnlyDictionary<string, (long Calls, long Items, double Milliseconds)>? Store)
{
    /// <summary>Whole-machine CPU time (Linux /proc/stat, in clock ticks): busy and total; null elsewhere.</summary>
    public (long Busy, long Total)? Machine { get; init; }

    /// <summary>Linux pressure stall information: microseconds in which some runnable task waited for a core.</summary>
    public long? CpuStallMicroseconds { get; init; }

    public static Probe Take(BotRig rig)
    {
        var calls = rig.Emulator.Calls;
        int getUpdates = 0, sends = 0;
        foreach (var call in calls)
        {
            if (call == "getUpdates") getUpdates++;
            else if (call == "sendMessage") sends++;
        }

        using var process = Process.GetCurrentProcess();
        return new Probe(
            Stopwatch.GetTimestamp(),
            process.TotalProcessorTime,
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            GC.GetTotalAllocatedBytes(),
            getUpdates,
            sends,
            rig.StoreTiming?.Snapshot()) { Machine = ReadMachineCpu(), CpuStallMicroseconds = ReadCpuStall() };
    }

    private static long? ReadCpuStall()
    {
        try
        {
            // "some avg10=… avg60=… avg300=… total=<µs>"
            var some = File.ReadLines("/proc/pressure/cpu").First(line => line.StartsWith("some ", StringComparison.Ordinal));
            var total = some.Split(' ').Single(field => field.StartsWith("total=", StringComparison.Ordinal));
            return long.Parse(total["total=".Length..], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    private static (long Busy, long Total)? ReadMachineCpu()
    {
        try
        {
            // "cpu  user nice system idle iowait irq softirq steal …": idle + iowait is idle time.
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Skip(1).Take(8).Select(long.Parse).ToArray();
            var total = fields.Sum();
            return (total - fields[3] - fields[4], total);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}

/// <summary>What happened between two probes.</summary>
internal sealed record WindowCounters(
    double Seconds,
    double CpuPercentOfMachine,
    int Gen0,
    int Gen1,
    int Gen2,
    double AllocatedMegabytesPerSecond,
    int GetUpdatesCalls,
    int SendCalls,
    IReadOnlyDictionary<string, (long Calls, long Items, double Milliseconds)>? Store)
{
    /// <summary>Whole-machine CPU busy over the window, percent of all cores (Linux only).</summary>
    public double? MachineCpuPercent { get; init; }

    /// <summary>Share of the window in which some runnable task (ours or not) waited for a core (Linux PSI).</summary>
    public double? CpuStallPercent { get; init; }

    /// <summary>
    /// CPU used by other processes, percent of all cores; null when unknown or when the kernel's tick-sampled
    /// machine total comes out below our own precise figure (it undercounts short bursts of a mostly idle machine).
    /// </summary>
    public double? OthersCpuPercent =>
        MachineCpuPercent is { } machine && machine >= CpuPercentOfMachine - 5 ? Math.Max(0, machine - CpuPercentOfMachine) : null;

    /// <summary>Thread pool samples over the window (with --trace).</summary>
    public (double MeanPending, long MaxPending, double MeanThreads)? Pool { get; init; }

    public static WindowCounters Between(Probe start, Probe end)
    {
        var seconds = (end.Timestamp - start.Timestamp) / (double)Stopwatch.Frequency;
        Dictionary<string, (long, long, double)>? store = null;
        if (start.Store is not null && end.Store is not null)
        {
            store = new Dictionary<string, (long, long, double)>(StringComparer.Ordinal);
            foreach (var (method, last) in end.Store)
            {
                var first = start.Store.GetValueOrDefault(method);
                store[method] = (last.Calls - first.Calls, last.Items - first.Items, last.Milliseconds - first.Milliseconds);
            }
        }

        double? machine = start.Machine is { } a && end.Machine is { } b && b.Total > a.Total
            ? 100.0 * (b.Busy - a.Busy) / (b.Total - a.Total)
            : null;
        double? stall = start.CpuStallMicroseconds is { } s0 && end.CpuStallMicroseconds is { } s1
            ? 100.0 * (s1 - s0) / 1e6 / seconds
            : null;
        return new WindowCounters(
            seconds,
            100 * (end.Cpu - start.Cpu).TotalSeconds / (seconds * Environment.ProcessorCount),
            end.Gen0 - start.Gen0,
            end.Gen1 - start.Gen1,
            end.Gen2 - start.Gen2,
            (end.AllocatedBytes - start.AllocatedBytes) / 1e6 / seconds,
            end.GetUpdatesCalls - start.GetUpdatesCalls,
            end.SendCalls - start.SendCalls,
            store)
        { MachineCpuPercent = machine, CpuStallPercent = stall };
    }
}

/// <summary>One scenario's figures.</summary>
internal sealed record ScenarioResult(
    string Name,
    string Setup,
    double WindowSeconds,
    long HandledInWindow,
    double OfferedPerSecond,
    Latency Latency,
    long Offered,
    long Replied,
    long Unexpected,
    long Unanswered,
    WindowCounters Counters)
{
    public double UpdatesPerSecond => HandledInWindow / WindowSeconds;

    /// <summary>The first extra replies described, when there were any.</summary>
    public IReadOnlyList<string> Extras { get; init; } = [];

    /// <summary>Every update got its reply (nothing lost): the figures are valid.</summary>
    public bool AllAnswered => Unanswered == 0 && Offered == Replied;

    /// <summary>Every update got its reply and nothing was sent twice.</summary>
    public bool ExactlyOnce => AllAnswered && Unexpected == 0;

    /// <summary>How the replies checked out, in a few words.</summary>
    public string Check => (AllAnswered, Unexpected) switch
    {
        (false, _) => FormattableString.Invariant($"{Unanswered:N0} UPDATES UNANSWERED"),
        (true, 0) => "exactly one reply per update",
        (true, var twice) => FormattableString.Invariant($"every update answered, but {twice:N0} message(s) SENT TWICE"),
    };
}

/// <summary>Median and range of repeated measurements.</summary>
internal sealed record Spread(double Median, double Min, double Max)
{
    public static Spread Of(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Spread(median, sorted[0], sorted[^1]);
    }
}

/// <summary>Raw SQLite durable write rates (WAL, synchronous=FULL, fresh files), writes per second.</summary>
internal sealed record SqliteRates(
    Spread Single, int SingleWritesPerRound, Spread Batched, int BatchedWritesPerRound, int BatchSize, int Rounds, double DocumentBytes);
