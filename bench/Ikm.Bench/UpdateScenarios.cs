using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;

namespace Ikm.Bench;

/// <summary>The two inbound scenarios, each against a freshly started emulator + bot host.</summary>
internal static class UpdateScenarios
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Closed loop: every chat keeps <see cref="BenchOptions.Depth"/> updates outstanding and sends the next one as
    /// soon as a reply comes, so the bot always has chats × depth updates waiting. Measures updates/s end to end.
    /// </summary>
    public static async Task<ScenarioResult> SaturateAsync(BenchOptions options)
    {
        await using var rig = await BotRig.StartAsync(options.Trace, options.WithoutOutboxMarks);
        var driver = new LoadDriver(rig.Emulator, options.Chats, WindowRule.ByReply);
        var again = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });
        var offering = 1;
        driver.ReplyMatched = chat => again.Writer.TryWrite(chat);
        var pump = Task.Run(async () =>
        {
            await foreach (var chat in again.Reader.ReadAllAsync())
            {
                if (Volatile.Read(ref offering) == 1)
                    driver.Offer(chat, Stopwatch.GetTimestamp());
            }
        });

        var (windowStart, windowEnd) = PlanWindow(options, Stopwatch.GetTimestamp());
        driver.SetWindow(windowStart, windowEnd);
        var now = Stopwatch.GetTimestamp();
        for (var round = 0; round < options.Depth; round++)
        {
            for (var chat = 0; chat < options.Chats; chat++)
                driver.Offer(chat, now);
        }

        await DelayUntilAsync(windowStart);
        var begin = Probe.Take(rig);
        var sampler = options.Trace ? new PoolSampler() : null;
        await DelayUntilAsync(windowEnd);
        var end = Probe.Take(rig);
        var pool = sampler?.Stop();
        Volatile.Write(ref offering, 0);
        again.Writer.TryComplete();
        await pump;

        var drained = await driver.WaitDrainedAsync(DrainTimeout);
        driver.Detach();
        var seconds = (windowEnd - windowStart) / (double)Stopwatch.Frequency;
        return new ScenarioResult(
            Named("saturate", options),
            string.Create(CultureInfo.InvariantCulture, $"{options.Chats:N0} chats × {options.Depth} outstanding (closed loop)"),
            seconds,
            driver.RepliesInWindow,
            double.NaN,
            Latency.From(driver.LatencyTicks()),
            driver.Offered,
            driver.Replied,
            driver.Unexpected,
            drained ? 0 : driver.Pending,
            WindowCounters.Between(begin, end) with { Pool = pool })
        {
            Extras = driver.DescribeExtras(rig.StartedAt),
        };
    }

    /// <summary>
    /// Open loop: updates are offered on a fixed schedule (round robin over the chats) whatever the bot does; the
    /// latency of each update counts from its scheduled time, so a stalled bot or generator cannot hide.
    /// </summary>
    public static async Task<ScenarioResult> PacedAsync(BenchOptions options)
    {
        await using var rig = await BotRig.StartAsync(options.Trace, options.WithoutOutboxMarks);
        var driver = new LoadDriver(rig.Emulator, options.Chats, WindowRule.ByOffer);
        var frequency = (double)Stopwatch.Frequency;
        var start = Stopwatch.GetTimestamp();
        var (windowStart, windowEnd) = PlanWindow(options, start);
        driver.SetWindow(windowStart, windowEnd);
        var total = (long)Math.Round((options.WarmupSeconds + options.Seconds) * options.Rate);

        var generator = Task.Run(async () =>
        {
            long next = 0;
            while (next < total)
            {
                var due = Math.Min(total, (long)((Stopwatch.GetTimestamp() - start) / frequency * options.Rate) + 1);
                for (; next < due; next++)
                    driver.Offer((int)(next % options.Chats), start + (long)(next * frequency / options.Rate));
                await Task.Delay(1);
            }
        });

        await DelayUntilAsync(windowStart);
        var begin = Probe.Take(rig);
        var sampler = options.Trace ? new PoolSampler() : null;
        await DelayUntilAsync(windowEnd);
        var end = Probe.Take(rig);
        var pool = sampler?.Stop();
        await generator;

        var drained = await driver.WaitDrainedAsync(DrainTimeout);
        driver.Detach();
        var seconds = (windowEnd - windowStart) / frequency;
        return new ScenarioResult(
            Named("paced", options),
            string.Create(CultureInfo.InvariantCulture, $"{options.Rate:N0} updates/s offered round robin over {options.Chats:N0} chats (open loop)"),
            seconds,
            driver.RepliesInWindow,
            options.Rate,
            Latency.From(driver.LatencyTicks()),
            driver.Offered,
            driver.Replied,
            driver.Unexpected,
            drained ? 0 : driver.Pending,
            WindowCounters.Between(begin, end) with { Pool = pool })
        {
            Extras = driver.DescribeExtras(rig.StartedAt),
        };
    }

    private static string Named(string scenario, BenchOptions options) =>
        options.WithoutOutboxMarks ? scenario + " [what-if: no outbox marks]" : scenario;

    private static (long Start, long End) PlanWindow(BenchOptions options, long from)
    {
        var start = from + (long)(options.WarmupSeconds * Stopwatch.Frequency);
        return (start, start + (long)(options.Seconds * Stopwatch.Frequency));
    }

    private static async Task DelayUntilAsync(long timestamp)
    {
        var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        if (remaining > TimeSpan.Zero)
            await Task.Delay(remaining);
    }
}
