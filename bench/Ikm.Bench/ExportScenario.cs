using System.Diagnostics;
using System.Globalization;
using Ikm.Storage.Sqlite;
using Ikm.TestKit;

namespace Ikm.Bench;

/// <summary>
/// Issue 9 item 8: <c>/ekspor</c> of 10,000 IKMs / 500,000 visits through the real host, built by the report job while
/// other chats keep talking to the bot. Seeds the cohort of the digest benchmark into the host's own SQLite store, runs
/// a paced load of other chats (open loop), measures their latency for a while before the export and while it is being
/// built, and reports the build time, the memory (managed heap sampled every 50 ms, the process's peak working set) and
/// the files delivered (sizes, parts, none above the upload limit).
/// </summary>
internal static class ExportScenario
{
    private const string Usage = """
        usage: dotnet run -c Release --project bench/Ikm.Bench -- export [--ikms N] [--visits N] [--rate N] [--before N]
          --ikms N     IKMs in the cohort (default 10,000)
          --visits N   completed visits (default 500,000)
          --rate N     updates/s offered by the other chats (default 100, round robin over 50 chats)
          --before N   seconds of load measured before the export (default 10)
        """;

    private const long CoordinatorId = 9_000_001;
    private const int Chats = 50;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        int ikms = 10_000, visits = 500_000, rate = 100, before = 10;
        try
        {
            for (var i = 0; i < args.Count; i++)
            {
                string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--ikms": ikms = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                    case "--visits": visits = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                    case "--rate": rate = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                    case "--before": before = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                    default: throw new FormatException($"unknown option '{args[i]}'");
                }
            }
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}\n\n{Usage}");
            return 2;
        }

        await using var rig = await BotRig.StartAsync(trace: false, settings: new Dictionary<string, string?>
        {
            ["Bot:Coordinators"] = CoordinatorId.ToString(CultureInfo.InvariantCulture),
        });
        var store = (SqliteBotStore)rig.App.Services.GetService(typeof(SqliteBotStore))!;
        var now = DateTimeOffset.UtcNow;
        Console.WriteLine(Format($"[export] writing {ikms:N0} IKMs and {visits:N0} visits into the host's store…"));
        var seed = Stopwatch.StartNew();
        await DigestScenario.SeedAsync(store, ikms, visits, now);
        Console.WriteLine(Format($"[export] written in {seed.Elapsed.TotalSeconds:0.0} s"));

        var coordinator = rig.Emulator.User(CoordinatorId, "Koordinator");
        await coordinator.SendTextAsync("/start");
        await coordinator.NextReplyAsync();
        await coordinator.PressAsync("Bahasa Indonesia");
        await coordinator.NextReplyAsync();
        await coordinator.PressAsync("Koordinator");
        await coordinator.NextReplyAsync();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var peakBefore = PeakWorkingSet();

        // Other chats at a steady pace for the whole run; each update's latency is split by when it was offered.
        var driver = new LoadDriver(rig.Emulator, Chats, WindowRule.ByOffer) { KeepOfferTimes = true };
        var frequency = (double)Stopwatch.Frequency;
        var start = Stopwatch.GetTimestamp();
        using var stop = new CancellationTokenSource();
        var generator = Task.Run(async () =>
        {
            long next = 0;
            while (!stop.IsCancellationRequested)
            {
                var due = (long)((Stopwatch.GetTimestamp() - start) / frequency * rate) + 1;
                for (; next < due; next++)
                    driver.Offer((int)(next % Chats), start + (long)(next * frequency / rate));
                await Task.Delay(1);
            }
        });

        // Warm-up, then the "before" window.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var beforeStart = Stopwatch.GetTimestamp();
        await Task.Delay(TimeSpan.FromSeconds(before));

        var heapPeak = 0L;
        var sampling = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(false));
                await Task.Delay(50);
            }
        });
        var asked = Stopwatch.GetTimestamp();
        await coordinator.SendTextAsync("/ekspor");
        var preparing = await coordinator.NextReplyAsync(TimeSpan.FromSeconds(30));
        var preparingAt = Stopwatch.GetTimestamp();
        var text = await coordinator.NextReplyAsync(TimeSpan.FromMinutes(10));
        var builtAt = Stopwatch.GetTimestamp();
        await rig.Dispatcher.WaitIdleAsync(TimeSpan.FromMinutes(5));
        var deliveredAt = Stopwatch.GetTimestamp();
        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await Task.WhenAll(generator, sampling);
        var drained = await driver.WaitDrainedAsync(TimeSpan.FromSeconds(60));
        driver.Detach();

        var samples = driver.OfferedLatencies();
        var beforeLatency = Latency.From([.. samples.Where(s => s.OfferedAt >= beforeStart && s.OfferedAt < asked).Select(s => s.Ticks)]);
        var duringLatency = Latency.From([.. samples.Where(s => s.OfferedAt >= preparingAt && s.OfferedAt < builtAt).Select(s => s.Ticks)]);
        var files = rig.Emulator.SentTo(CoordinatorId).Where(m => m.Method == "sendDocument").ToList();
        var refused = rig.Emulator.Calls.Count(c => c == "sendDocument") - files.Count;
        double Seconds(long from, long to) => (to - from) / frequency;
        double Mb(long bytes) => bytes / 1024.0 / 1024.0;

        Console.WriteLine(Format($"[export] ⏳ reply {Seconds(asked, preparingAt) * 1000:N0} ms after /ekspor (\"{preparing.Text?[..Math.Min(30, preparing.Text.Length)]}…\")"));
        Console.WriteLine(Format($"[export] built in {Seconds(preparingAt, builtAt):0.0} s (load + workbook + split, report job); all files delivered {Seconds(builtAt, deliveredAt):0.0} s later; \"{text.Text}\""));
        Console.WriteLine(Format($"[export] {files.Count} files, {Mb(files.Sum(f => (long)f.FileContent!.Length)):N1} MB in all, largest {Mb(files.Max(f => (long)f.FileContent!.Length)):N1} MB (limit {Mb(Scheduler.Reports.ReportOptions.TelegramUploadLimit):N0} MB); refused uploads: {refused}"));
        foreach (var file in files)
            Console.WriteLine(Format($"[export]   {file.FileName}: {Mb(file.FileContent!.Length):N1} MB"));
        Console.WriteLine(Format($"[export] memory: managed heap {Mb(heapBefore):N0} MB before, peak {Mb(heapPeak):N0} MB while building (sampled every 50 ms); process peak working set {Mb(peakBefore):N0} MB before, {Mb(PeakWorkingSet()):N0} MB after (bot + emulator holding the received files + load generator)"));
        Console.WriteLine(Format($"[export] other chats ({rate:N0} updates/s over {Chats} chats): before p50 {beforeLatency.P50:0.0} ms, p99 {beforeLatency.P99:0.0} ms ({beforeLatency.Count:N0} updates) · during the build p50 {duringLatency.P50:0.0} ms, p99 {duringLatency.P99:0.0} ms, max {duringLatency.Max:0} ms ({duringLatency.Count:N0} updates) · unanswered {(drained ? 0 : driver.Pending)}, extra {driver.Unexpected}"));
        Console.WriteLine(Format($"cores={Environment.ProcessorCount} · {ikms:N0} IKMs, {visits:N0} visits · /ekspor built in {Seconds(preparingAt, builtAt):0.0} s · {files.Count} files, largest {Mb(files.Max(f => (long)f.FileContent!.Length)):N1} MB · heap peak {Mb(heapPeak):N0} MB · other chats p99 {beforeLatency.P99:0.0} → {duringLatency.P99:0.0} ms"));
        return drained && refused == 0 && files.All(f => f.FileContent!.Length <= Scheduler.Reports.ReportOptions.TelegramUploadLimit) ? 0 : 1;
    }

    /// <summary>The process's peak resident set (Linux VmHWM; elsewhere the runtime's peak working set).</summary>
    private static long PeakWorkingSet()
    {
        if (File.Exists("/proc/self/status"))
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }

        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
