using System.Globalization;
using System.Text;

namespace Ikm.Bench;

/// <summary>The printed figures: one block per scenario as it finishes, then the summary.</summary>
internal static class Report
{
    /// <summary>Product goals on 2 cores (issue #3 item 12, DESIGN §3).</summary>
    public const double GoalUpdatesPerSecond = 10_000;
    public const double FloorUpdatesPerSecond = 2_000;
    public const double GoalPacedP99Milliseconds = 50;
    public const double GoalRatio = 2.5;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Scenario(ScenarioResult r)
    {
        var c = r.Counters;
        var text = new StringBuilder();
        Line(text, $"[{r.Name}] {r.Setup}; measured {r.WindowSeconds:0.#} s");
        if (!double.IsNaN(r.OfferedPerSecond))
            Line(text, $"  offered {r.OfferedPerSecond:N0}/s · handled {r.UpdatesPerSecond:N0} updates/s in the window");
        else
            Line(text, $"  handled {r.HandledInWindow:N0} updates in the window → {r.UpdatesPerSecond:N0} updates/s");
        var l = r.Latency;
        Line(text, $"  latency (update offered → reply recorded, {l.Count:N0} samples): p50 {Ms(l.P50)} · p90 {Ms(l.P90)} · p99 {Ms(l.P99)} · p99.9 {Ms(l.P999)} · max {Ms(l.Max)}");
        Line(text, $"  check: offered {r.Offered:N0}, replies matched {r.Replied:N0}, extra messages (sent twice) {r.Unexpected:N0}, unanswered {r.Unanswered:N0} → {r.Check}");
        foreach (var extra in r.Extras.Take(5))
            Line(text, $"    extra: {extra}");
        Line(text, $"  process (bot + emulator + load generator): CPU {c.CpuPercentOfMachine:0}% of {Environment.ProcessorCount} cores · GC gen0/1/2 {c.Gen0}/{c.Gen1}/{c.Gen2} · allocated {c.AllocatedMegabytesPerSecond:N0} MB/s");
        if (double.IsNaN(r.OfferedPerSecond) && c.CpuPercentOfMachine > 0)
        {
            // Closed loop is CPU-bound: updates per CPU-second of this process is the figure noise does not move much.
            var perCpuSecond = r.UpdatesPerSecond / (c.CpuPercentOfMachine / 100 * Environment.ProcessorCount);
            Line(text, $"  efficiency: {perCpuSecond:N0} updates per CPU-second of this process ({1e6 / perCpuSecond:N0} µs of CPU per update, emulator included) → at most ≈{perCpuSecond * Environment.ProcessorCount:N0} updates/s with every core");
        }

        if (c.OthersCpuPercent is { } others)
            Line(text, $"  machine: CPU {c.MachineCpuPercent:0}% busy in all → other processes ≈{others:0}%{(others > NoisyPercent ? " (noisy: figures are low)" : "")}{Stall(c)}");
        else if (c.CpuStallPercent is not null)
            Line(text, $"  machine: other processes' share unknown (tick-sampled accounting){Stall(c)}");
        if (c.GetUpdatesCalls > 0)
        {
            var perCall = r.HandledInWindow / (double)c.GetUpdatesCalls;
            Line(text, $"  polling: {c.GetUpdatesCalls / c.Seconds:N0} getUpdates/s → {perCall:0.0} updates per batch, one cycle every {1000 * c.Seconds / c.GetUpdatesCalls:0.00} ms; sendMessage {c.SendCalls / c.Seconds:N0}/s");
        }

        if (c.Store is { } store)
        {
            foreach (var (method, (calls, items, ms)) in store
                         .Where(pair => !pair.Key.StartsWith(StoreTiming.PhasePrefix, StringComparison.Ordinal))
                         .OrderByDescending(pair => pair.Value.Milliseconds))
            {
                if (calls == 0) continue;
                var api = method.StartsWith(StoreTiming.ApiPrefix, StringComparison.Ordinal);
                var name = api ? "Bot API " + method[StoreTiming.ApiPrefix.Length..] : "store " + method;
                Line(text, $"  {name}: {calls / c.Seconds:N0} calls/s,{(api ? "" : Format($" {items / (double)calls:0.#} items/call,"))} {ms / calls:0.00} ms/call, busy {ms / 10 / c.Seconds:0.0}% of wall time");
            }

            var phases = store.Where(pair => pair.Key.StartsWith(StoreTiming.PhasePrefix, StringComparison.Ordinal) && pair.Value.Calls > 0)
                .OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => Format($"{pair.Key[(StoreTiming.PhasePrefix.Length + 2)..]} {pair.Value.Milliseconds / pair.Value.Calls:0.00} ms"));
            Line(text, $"  batch cycle, mean per batch: {string.Join(" · ", phases)}");
        }

        if (c.Pool is { } pool)
            Line(text, $"  thread pool: {pool.MeanThreads:0.0} threads on average, {pool.MeanPending:0.0} work items queued on average (max {pool.MaxPending:N0})");

        return text.ToString();
    }

    public static string Sqlite(SqliteRates s) =>
        Format($"[sqlite] fresh files, WAL + synchronous=FULL, conversation documents of ~{s.DocumentBytes:N0} bytes, median of {s.Rounds} rounds: single durable {s.Single.Median:N0} writes/s (range {s.Single.Min:N0}–{s.Single.Max:N0}; {s.SingleWritesPerRound:N0} writes a round, one transaction each) · batched({s.BatchSize}) {s.Batched.Median:N0} writes/s (range {s.Batched.Min:N0}–{s.Batched.Max:N0}; {s.BatchedWritesPerRound:N0} writes a round)");

    public static string Summary(ScenarioResult? saturate, ScenarioResult? paced, SqliteRates? sqlite)
    {
        var parts = new List<string> { Format($"cores={Environment.ProcessorCount}") };
        if (saturate is not null)
            parts.Add(Format($"saturate: {saturate.UpdatesPerSecond:N0} updates/s (p50 {Ms(saturate.Latency.P50)}, p99 {Ms(saturate.Latency.P99)})"));
        if (paced is not null)
            parts.Add(Format($"paced {paced.OfferedPerSecond:N0}/s: p50 {Ms(paced.Latency.P50)}, p99 {Ms(paced.Latency.P99)} (handled {paced.UpdatesPerSecond:N0}/s)"));
        if (sqlite is not null)
        {
            parts.Add(Format($"sqlite single durable: {sqlite.Single.Median:N0} writes/s"));
            parts.Add(Format($"batched({sqlite.BatchSize}): {sqlite.Batched.Median:N0} writes/s"));
        }

        double? ratio = saturate is not null && sqlite is not null ? saturate.UpdatesPerSecond / sqlite.Single.Median : null;
        if (ratio is { } value)
            parts.Add(Format($"ratio {value:0.0}×"));

        var goals = new List<string>();
        if (saturate is not null)
        {
            goals.Add(Format($"≥{GoalUpdatesPerSecond:N0} updates/s: {YesNo(saturate.UpdatesPerSecond >= GoalUpdatesPerSecond)}"));
            goals.Add(Format($"floor {FloorUpdatesPerSecond:N0}/s: {YesNo(saturate.UpdatesPerSecond >= FloorUpdatesPerSecond)}"));
        }

        if (paced is not null)
            goals.Add(Format($"p99 < {GoalPacedP99Milliseconds:0} ms at {paced.OfferedPerSecond:N0}/s: {YesNo(paced.Latency.P99 < GoalPacedP99Milliseconds)}"));
        if (ratio is { } r)
            goals.Add(Format($"ratio ≥ {GoalRatio:0.0}×: {YesNo(r >= GoalRatio)}"));

        var checks = new[] { saturate, paced }.OfType<ScenarioResult>()
            .Select(s => $"{s.Name}: {s.Check}");

        var noisy = new[] { saturate, paced }.OfType<ScenarioResult>()
            .Where(s => s.Counters.OthersCpuPercent > NoisyPercent)
            .Select(s => Format($"{s.Name}: other processes used ≈{s.Counters.OthersCpuPercent:0}% of the machine"))
            .ToList();

        var text = new StringBuilder();
        Line(text, $"==== Ikm.Bench updates — summary ({DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}) ====");
        Line(text, $"{string.Join(" · ", parts)}");
        if (goals.Count > 0)
            Line(text, $"goals: {string.Join(" · ", goals)}");
        if (checks.Any())
            Line(text, $"checks: {string.Join(" · ", checks)}");
        if (noisy.Count > 0)
            Line(text, $"noise: {string.Join(" · ", noisy)} — rerun on a quiet machine for the real figure");
        return text.ToString();
    }

    /// <summary>Other processes' CPU share above which a window's figures are flagged as held down by noise.</summary>
    private const double NoisyPercent = 15;

    private static string Stall(WindowCounters c) =>
        c.CpuStallPercent is { } stall ? Format($" · CPU pressure: some task waited for a core {stall:0}% of the time") : "";

    private static string YesNo(bool met) => met ? "met" : "NOT met";

    private static string Ms(double milliseconds) => double.IsNaN(milliseconds)
        ? "n/a"
        : milliseconds < 10 ? Format($"{milliseconds:0.0} ms") : Format($"{milliseconds:N0} ms");

    private static string Format(FormattableString text) => text.ToString(Invariant);

    private static void Line(StringBuilder text, FormattableString line) => text.AppendLine(line.ToString(Invariant));
}
