using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Ikm.Bot.Hosting;
using Ikm.Scheduler.Outbox;
using Ikm.TestKit;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ikm.Bench;

/// <summary>
/// Outbound pacing (issue 6, DESIGN §8): N reminders to N distinct chats written through the real host's
/// <see cref="NotificationWriter"/>, sent by the real <see cref="OutboxDispatcher"/> through the emulator enforcing
/// Telegram's limits (30 msg/s overall, 1/s per chat), with the bot's caps at the same 30/1. Measures how close the
/// paced dispatcher gets to the cap without ever exceeding it.
/// </summary>
internal static class BroadcastScenario
{
    public const double Cap = 30;
    public const double GoalShare = 0.95;

    public const string Usage = """
        usage: dotnet run -c Release --project bench/Ikm.Bench -- broadcast [--messages N] [--runs N] [--cap N]

          --messages N   reminders, one per chat, to N distinct chats (default 1,000)
          --runs N       independent runs, each with a fresh emulator and bot host (default 1)
          --cap N        the emulator's global limit and the bot's Telegram:MaxMessagesPerSecond (default 30)
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var messages = 1_000;
        var runs = 1;
        var cap = Cap;
        try
        {
            for (var i = 0; i < args.Count; i++)
            {
                var name = args[i];
                string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{name} needs a value");
                switch (name)
                {
                    case "--messages": messages = PositiveInt(name, Value()); break;
                    case "--runs": runs = PositiveInt(name, Value()); break;
                    case "--cap": cap = PositiveInt(name, Value()); break;
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

        var results = new List<BroadcastResult>();
        for (var run = 1; run <= runs; run++)
        {
            Console.WriteLine(Format($"[broadcast] run {run}/{runs}: {messages:N0} reminders to {messages:N0} chats; emulator and bot caps {cap:0}/s overall, 1/s per chat…"));
            var result = await RunOnceAsync(messages, cap);
            results.Add(result);
            Console.Write(Describe(result));
        }

        Console.WriteLine();
        foreach (var r in results)
            Console.WriteLine(Summary(r));
        return results.All(r => r.Delivered == r.Messages && r.Duplicates == 0) ? 0 : 1;
    }

    private static async Task<BroadcastResult> RunOnceAsync(int count, double cap)
    {
        await using var emulator = await TelegramEmulator.StartAsync(new EmulatorOptions
        {
            GlobalMessagesPerSecond = (int)cap,
            PerChatMessagesPerSecond = 1,
        });
        emulator.EnforceLimits = true;

        var dataDirectory = Directory.CreateTempSubdirectory("ikm-bench-broadcast-").FullName;
        var config = new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = emulator.Token,
            ["Telegram:ApiBaseUrl"] = emulator.BaseUrl,
            ["Telegram:Mode"] = "Polling",
            ["Telegram:PollingTimeoutSeconds"] = "10",
            ["Telegram:MaxMessagesPerSecond"] = cap.ToString(CultureInfo.InvariantCulture),
            ["Telegram:MaxMessagesPerChatPerSecond"] = "1",
            ["Storage:DataDirectory"] = dataDirectory,
            ["Scheduler:WorkerCount"] = "1",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var app = BotHost.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(config);
        });
        await app.StartAsync();
        try
        {
            var reminders = Enumerable.Range(0, count)
                .Select(i => new OutgoingMessage
                {
                    Id = Format($"reminder:bench:{1_000_000 + i}:2026-W48"),
                    ChatId = 1_000_000 + i,
                    Text = Format($"Pengingat minggu ini #{i}: 3 IKM belum dikunjungi."),
                })
                .ToList();
            var ids = reminders.Select(r => r.Text).ToHashSet();

            var recorded = new ConcurrentQueue<(long Ticks, string Text)>();
            emulator.MessageRecorded += m =>
            {
                if (m.Text is { } text && ids.Contains(text)) recorded.Enqueue((Stopwatch.GetTimestamp(), text));
            };

            // Let the host settle (polling started, first scan done) so the run measures sending, not start-up.
            await Task.Delay(500);
            var writer = app.Services.GetRequiredService<NotificationWriter>();
            var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
            var start = Stopwatch.GetTimestamp();
            await writer.WriteAsync(reminders, CancellationToken.None);
            var written = Stopwatch.GetTimestamp();

            var deadline = start + (long)((count / cap * 3 + 30) * Stopwatch.Frequency);
            while (recorded.Count < count && Stopwatch.GetTimestamp() < deadline)
                await Task.Delay(20);
            var end = Stopwatch.GetTimestamp();
            try
            {
                await dispatcher.WaitIdleAsync(TimeSpan.FromSeconds(10));
            }
            catch (TimeoutException)
            {
            }

            await Task.Delay(1_000); // anything sent twice would show now
            var times = recorded.OrderBy(r => r.Ticks).ToList();
            var distinct = times.Select(t => t.Text).Distinct().Count();
            return new BroadcastResult(
                count,
                cap,
                distinct,
                times.Count - distinct,
                emulator.TooManyRequestsCount,
                emulator.RateLimitViolations,
                Seconds(start, written),
                times.Count > 0 ? Seconds(start, times[0].Ticks) : double.NaN,
                times.Count > 0 ? Seconds(start, times[^1].Ticks) : Seconds(start, end),
                times.Select(t => Seconds(start, t.Ticks)).ToList());
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static string Describe(BroadcastResult r)
    {
        var text = new StringBuilder();
        Line(text, $"  delivered {r.Delivered:N0}/{r.Messages:N0} · sent twice {r.Duplicates:N0} · 429s {r.TooManyRequests:N0} (rate-limit violations {r.Violations:N0})");
        Line(text, $"  written to the outbox in {r.WriteSeconds * 1000:N0} ms · first delivery at {r.FirstSeconds * 1000:N0} ms · last at {r.LastSeconds:0.00} s");
        Line(text, $"  achieved {r.Rate:0.00} msg/s = {r.Share:P1} of {r.Cap:0} msg/s ({r.IdealSpanSeconds:0} s at exactly the cap vs {r.LastSeconds:0.00} s from the writer's call to the last delivery; counted {r.Delivered:N0} / {r.LastSeconds:0.00} s = {r.RawRate:0.00} msg/s, where the first {r.Cap:0} going out at once lets even a perfect sender show {r.Messages / r.IdealSpanSeconds:0.00})");
        Line(text, $"  sending span (first → last delivery) {r.SpanSeconds:0.00} s vs {r.IdealSpanSeconds:0} s for the fastest sender a sliding 1 s window allows → {r.Efficiency:P1} of ideal");
        var perSecond = r.PerSecond();
        if (perSecond.Count > 2)
        {
            var full = perSecond.Skip(1).Take(perSecond.Count - 2).Order().ToList();
            Line(text, $"  per whole second after the first (excluding the last partial one): min {full[0]} · median {full[full.Count / 2]} · max {full[^1]} messages");
        }

        return text.ToString();
    }

    private static string Summary(BroadcastResult r) => Format(
        $"cores={Environment.ProcessorCount} · {RuntimeInformation.FrameworkDescription} · broadcast {r.Messages:N0}: {r.Rate:0.00} msg/s = {r.Share:P1} of {r.Cap:0}/s (goal ≥{GoalShare:P0}: {(r.Share >= GoalShare ? "met" : "NOT met")}) · 429s {r.TooManyRequests} (goal 0: {(r.TooManyRequests == 0 ? "met" : "NOT met")}) · total {r.LastSeconds:0.00} s · delivered {r.Delivered:N0}, twice {r.Duplicates}");

    private static double Seconds(long from, long to) => (to - from) / (double)Stopwatch.Frequency;

    private static int PositiveInt(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new FormatException($"{name} needs a positive whole number, not '{value}'");

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder text, FormattableString line) => text.AppendLine(Format(line));
}

/// <summary>One broadcast run; times in seconds from the writer's call.</summary>
internal sealed record BroadcastResult(
    int Messages,
    double Cap,
    int Delivered,
    int Duplicates,
    int TooManyRequests,
    int Violations,
    double WriteSeconds,
    double FirstSeconds,
    double LastSeconds,
    IReadOnlyList<double> DeliveredAt)
{
    /// <summary>Delivered messages per second over the whole run (writer's call → last delivery), as counted.</summary>
    public double RawRate => Delivered / LastSeconds;

    /// <summary>
    /// Share of the cap: the time a sender exactly at the cap needs for all messages (<see cref="IdealSpanSeconds"/>,
    /// the first Cap go out at once) over the time taken from the writer's call to the last delivery, scaled by the
    /// share delivered. 100 % is the cap itself; it cannot exceed 100 % without breaching the limit.
    /// </summary>
    public double Share => LastSeconds > 0 ? IdealSpanSeconds / LastSeconds * Delivered / Messages : double.NaN;

    /// <summary>The steady rate the share corresponds to (Cap × share).</summary>
    public double Rate => Cap * Share;

    public double SpanSeconds => LastSeconds - FirstSeconds;

    /// <summary>
    /// The shortest first → last span any sender could achieve under a sliding 1-second window of <see cref="Cap"/>:
    /// Cap messages at once, the next Cap one second later, … so message k goes at floor(k / Cap) seconds.
    /// </summary>
    public double IdealSpanSeconds => Math.Floor((Messages - 1) / Cap);

    public double Efficiency => SpanSeconds > 0 ? IdealSpanSeconds / SpanSeconds : double.NaN;

    /// <summary>Messages delivered in each whole second counted from the first delivery.</summary>
    public IReadOnlyList<int> PerSecond()
    {
        if (DeliveredAt.Count == 0) return [];
        var buckets = new int[(int)Math.Floor(DeliveredAt[^1] - DeliveredAt[0]) + 1];
        foreach (var at in DeliveredAt)
            buckets[(int)Math.Floor(at - DeliveredAt[0])]++;
        return buckets;
    }
}
