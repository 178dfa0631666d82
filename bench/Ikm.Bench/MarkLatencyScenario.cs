using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Ikm.Bench;

/// <summary>
/// Where should delivery marks be written (issue 9 deliverable 4)? Raw SQLite (WAL, synchronous=FULL, the store's
/// settings) on this machine: one loop commits update batches back to back (100 conversation documents of ~1 KB and
/// 100 outbox rows per transaction, as a busy getUpdates batch does), while marks arrive at the paced send rate
/// (30/s) and are group-committed as soon as they arrive. Three layouts:
/// <list type="bullet">
/// <item><c>shared</c>: marks queue on the update writer's connection behind its lock (the old layout, minus its 50 ms pause);</item>
/// <item><c>shared-priority</c>: the same connection, but a mark waits only for the commit in progress (the store's <see cref="Ikm.Storage.Sqlite.PriorityGate"/>);</item>
/// <item><c>second-connection</c>: the same file, a connection of their own with a short busy timeout;</item>
/// <item><c>separate-file</c>: a marks database of their own (its own WAL, no lock shared with updates).</item>
/// </list>
/// Reports the time from a send's return to its mark being durable (p50/p99/max) and the update commits per second
/// meanwhile: the unmarked window is what a kill -9 can double.
/// </summary>
internal static class MarkLatencyScenario
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/Ikm.Bench -- marks [--seconds N] [--rate N]

          --seconds N   measured seconds per layout (default 10)
          --rate N      marks per second (default 30, Telegram's bulk limit)
        """;

    private const int BatchSize = 100;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var seconds = 10.0;
        var rate = 30.0;
        try
        {
            for (var i = 0; i < args.Count; i++)
            {
                var name = args[i];
                string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{name} needs a value");
                switch (name)
                {
                    case "--seconds": seconds = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                    case "--rate": rate = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                    default: throw new FormatException($"unknown option '{name}'");
                }
            }
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            Console.Error.WriteLine(Usage);
            return 2;
        }

        Console.WriteLine(FormattableString.Invariant(
            $"[marks] {seconds:0.#} s per layout, marks at {rate:0.#}/s, update commits of {BatchSize} documents back to back"));
        foreach (var layout in new[] { "shared", "shared-priority", "second-connection", "separate-file" })
        {
            var result = await MeasureAsync(layout, TimeSpan.FromSeconds(seconds), rate);
            Console.WriteLine(FormattableString.Invariant(
                $"  {layout,-18} mark latency p50 {result.P50:0.00} ms  p99 {result.P99:0.00} ms  max {result.Max:0.00} ms  ({result.Marks} marks in {result.MarkCommits} commits)  update commits {result.UpdateCommitsPerSecond:0}/s"));
        }

        return 0;
    }

    private sealed record Result(double P50, double P99, double Max, int Marks, int MarkCommits, double UpdateCommitsPerSecond);

    private static async Task<Result> MeasureAsync(string layout, TimeSpan duration, double rate)
    {
        var directory = Directory.CreateTempSubdirectory("ikm-bench-marks-").FullName;
        try
        {
            var main = Path.Combine(directory, "ikm.db");
            using var updates = Open(main);
            Execute(updates, """
                CREATE TABLE conversations (id INTEGER PRIMARY KEY, version INTEGER NOT NULL, doc TEXT NOT NULL);
                CREATE TABLE outbox (sequence INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, status INTEGER NOT NULL, doc TEXT NOT NULL);
                """);
            using var marks = layout switch
            {
                "shared" or "shared-priority" => null,
                "second-connection" => Open(main),
                _ => Open(Path.Combine(directory, "marks.db")),
            };
            if (layout == "separate-file")
                Execute(marks!, "CREATE TABLE marks (id TEXT PRIMARY KEY, status INTEGER NOT NULL, sent_at INTEGER NOT NULL)");
            var markConnection = marks ?? updates;
            var sharedLock = new SemaphoreSlim(1, 1);
            var gate = new Ikm.Storage.Sqlite.PriorityGate();
            var stop = Stopwatch.StartNew();
            var pending = new System.Collections.Concurrent.ConcurrentQueue<(string Id, long At)>();
            var signal = new SemaphoreSlim(0);
            var latencies = new List<double>();
            var markCommits = 0;
            var updateCommits = 0;
            var sequence = 0L;
            var document = new string('x', 1_000);

            var updateLoop = Task.Run(async () =>
            {
                var chat = 0L;
                while (stop.Elapsed < duration)
                {
                    if (layout == "shared") await sharedLock.WaitAsync();
                    if (layout == "shared-priority") await gate.WaitAsync(CancellationToken.None);
                    try
                    {
                        using var tx = updates.BeginTransaction(deferred: false);
                        using var conversation = Command(updates, "INSERT OR REPLACE INTO conversations (id, version, doc) VALUES (@id, 1, @doc)", "@id", "@doc");
                        using var outbox = Command(updates, "INSERT INTO outbox (sequence, id, status, doc) VALUES (@seq, @id, 0, @doc)", "@seq", "@id", "@doc");
                        conversation.Transaction = tx;
                        outbox.Transaction = tx;
                        for (var i = 0; i < BatchSize; i++)
                        {
                            conversation.Parameters[0].Value = chat++ % 10_000;
                            conversation.Parameters[1].Value = document;
                            conversation.ExecuteNonQuery();
                            var seq = Interlocked.Increment(ref sequence);
                            outbox.Parameters[0].Value = seq;
                            outbox.Parameters[1].Value = "m" + seq.ToString(CultureInfo.InvariantCulture);
                            outbox.Parameters[2].Value = "{\"text\":\"halo\"}";
                            outbox.ExecuteNonQuery();
                        }
                        tx.Commit();
                        updateCommits++;
                    }
                    finally
                    {
                        if (layout == "shared") sharedLock.Release();
                        if (layout == "shared-priority") gate.Release();
                    }
                }
            });

            var markLoop = Task.Run(async () =>
            {
                var batch = new List<(string Id, long At)>();
                while (stop.Elapsed < duration + TimeSpan.FromSeconds(1))
                {
                    if (!await signal.WaitAsync(TimeSpan.FromMilliseconds(100))) continue;
                    batch.Clear();
                    while (pending.TryDequeue(out var mark)) batch.Add(mark);
                    if (batch.Count == 0) continue;
                    if (layout == "shared") await sharedLock.WaitAsync();
                    if (layout == "shared-priority") await gate.WaitAsync(CancellationToken.None, urgent: true);
                    try
                    {
                        using var tx = markConnection.BeginTransaction(deferred: false);
                        using var cmd = layout == "separate-file"
                            ? Command(markConnection, "INSERT OR REPLACE INTO marks (id, status, sent_at) VALUES (@id, 1, 0)", "@id")
                            : Command(markConnection, "UPDATE outbox SET status = 1, doc = '{}' WHERE id = @id", "@id");
                        cmd.Transaction = tx;
                        foreach (var (id, _) in batch)
                        {
                            cmd.Parameters[0].Value = id;
                            cmd.ExecuteNonQuery();
                        }
                        tx.Commit();
                        markCommits++;
                    }
                    finally
                    {
                        if (layout == "shared") sharedLock.Release();
                        if (layout == "shared-priority") gate.Release();
                    }

                    var done = Stopwatch.GetTimestamp();
                    lock (latencies)
                    {
                        foreach (var (_, at) in batch)
                            latencies.Add(Stopwatch.GetElapsedTime(at, done).TotalMilliseconds);
                    }
                }
            });

            // Marks arrive at the paced send rate, each for a row already committed.
            var interval = TimeSpan.FromSeconds(1 / rate);
            var next = 1L;
            while (stop.Elapsed < duration)
            {
                await Task.Delay(interval);
                if (Interlocked.Read(ref sequence) < next) continue;
                pending.Enqueue(("m" + next.ToString(CultureInfo.InvariantCulture), Stopwatch.GetTimestamp()));
                next++;
                signal.Release();
            }

            await Task.WhenAll(updateLoop, markLoop);
            latencies.Sort();
            return new Result(
                Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies.Count > 0 ? latencies[^1] : double.NaN,
                latencies.Count, markCommits, updateCommits / duration.TotalSeconds);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Left in the temp folder; nothing reads it again.
            }
        }
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params string[] names)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var name in names)
            cmd.Parameters.Add(new SqliteParameter { ParameterName = name });
        return cmd;
    }
}
