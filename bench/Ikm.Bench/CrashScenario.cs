using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Ikm.TestKit;

namespace Ikm.Bench;

/// <summary>
/// A kill -9 soak: the real bot as a child process (SQLite in a fresh data directory, Telegram's default caps: 30 msg/s,
/// 1/s per chat) under a steady stream of updates from many chats, SIGKILLed at random intervals and restarted on the
/// same data directory; at the end the last process drains and each chat's replies are compared with what the script
/// produces without a crash.
/// <para>
/// The script makes a second handling visible. Each chat is an owner in the registration questionnaire, at its first
/// question (the owner's name), and sends in turn a new name ("Pemilik {chat} langkah {k}") and /kembali. Without a
/// crash the replies alternate: a name is answered with the second question (business name, nothing stored: no ✏️
/// line) and /kembali with the first question again showing the name just stored (✏️ line), so every /kembali reply
/// says which step it answers. A name handled twice answers the second question with it and asks the third; a
/// /kembali handled twice goes back from the first question (refused, or the consent screen): either way a reply the
/// crash-free script never produces ("unexpected"), and a stored business name. Lost updates are read from the store:
/// the ids of the updates each conversation processed (its dedupe window, <c>recentUpdateIds</c>).
/// </para>
/// </summary>
internal static class CrashScenario
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/Ikm.Bench -- crash [--seconds N] [--runs N] [--seed N] [--chats N] [--interval S]

          --seconds N   how long the stream of updates runs, with kills (default 30)
          --runs N      repeats, each with a fresh emulator and data directory (default 1)
          --seed N      seed of the random kill intervals, 3-7 s (default 1; run r uses seed + r)
          --chats N     chats sending at once (default 30)
          --interval S  seconds between two updates of one chat (default 1.5: 30 chats keep 20 replies/s of
                        Telegram's 30/s busy, and the backlog of a restart drains)
        """;

    private const long FirstChat = 9_300;
    private const string BackCommand = "/kembali";
    // questionnaires/registration.yaml: owner_name and business_name, as the owner sees them.
    private const string FirstQuestion = "Siapa nama lengkap Bapak/Ibu (pemilik usaha)?";
    private const string SecondQuestion = "Apa nama usaha atau merek Bapak/Ibu?";
    private const string StoredAnswer = "✏️ ";
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(180);

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var seconds = 30.0;
        var runs = 1;
        var seed = 1;
        var chats = 30;
        var interval = 1.5;
        try
        {
            for (var i = 0; i < args.Count; i++)
            {
                var name = args[i];
                string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{name} needs a value");
                switch (name)
                {
                    case "--seconds": seconds = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                    case "--runs": runs = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                    case "--seed": seed = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                    case "--chats": chats = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                    case "--interval": interval = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                    default: throw new FormatException($"unknown option '{name}'");
                }
            }

            if (seconds <= 0 || runs <= 0 || chats <= 0 || interval <= 0)
                throw new FormatException("--seconds, --runs, --chats and --interval must be positive");
            if (seconds / interval > 200)
                throw new FormatException("at most 200 updates per chat (--seconds / --interval): the store's dedupe window is 256 ids");
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            Console.Error.WriteLine(Usage);
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true; // let the finally blocks kill the child and delete the data directory
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        var results = new List<RunResult>();
        try
        {
            Console.WriteLine(FormattableString.Invariant(
                $"[crash] {runs} run(s) × {seconds:0.#} s: {chats} chats, one update each per {interval:0.##} s, kill -9 every 3-7 s (seed {seed})"));
            for (var run = 1; run <= runs; run++)
            {
                var result = await RunOnceAsync(run, seconds, seed + run - 1, chats, interval, cancel.Token);
                results.Add(result);
                Console.WriteLine(result.Line());
            }
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or OperationCanceledException or IOException)
        {
            // A harness failure: the type only (a message may carry a reply's text).
            Console.Error.WriteLine($"[crash] harness failure in run {results.Count + 1}: {ex.GetType().Name}");
            return 1;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }

        Console.WriteLine();
        Console.WriteLine(RunResult.Header);
        foreach (var result in results)
            Console.WriteLine(result.Row());
        if (results.Count > 1)
            Console.WriteLine(RunResult.Total(results).Row());
        Console.WriteLine();
        var total = RunResult.Total(results);
        Console.WriteLine(FormattableString.Invariant(
            $"summary: {runs} runs × {seconds:0.#} s, {total.Updates:N0} updates, {total.Kills} kills: {total.UpdatesLost} lost, {total.HandledTwice} handled twice, {total.RepliesLost} replies lost, {total.RepliesDoubled} replies doubled ({total.Unexpected} unexpected replies)"));
        return 0;
    }

    private static async Task<RunResult> RunOnceAsync(int run, double seconds, int seed, int chats, double interval, CancellationToken ct)
    {
        var random = new Random(seed);
        await using var telegram = await TelegramEmulator.StartAsync(); // Telegram's limits: 30/s, 1/s per chat
        var data = Directory.CreateTempSubdirectory("ikm-crash-").FullName;
        ChildBot? bot = null;
        using var stopSender = CancellationTokenSource.CreateLinkedTokenSource(ct);
        try
        {
            bot = ChildBot.Start(telegram, data);
            var users = Enumerable.Range(0, chats).Select(c => telegram.User(FirstChat + c, "Pemilik")).ToArray();
            await Task.WhenAll(users.Select(u => SetUpAsync(u, ct)));
            await WaitAsync(telegram, () => bot.HasExited || (telegram.PendingUpdateCount == 0 && bot.PendingOutbox() == 0), "the set-up", ct);
            if (bot.HasExited)
                throw new InvalidOperationException("the bot exited during the set-up");
            var baseline = users.ToDictionary(u => u.ChatId, u => telegram.SentTo(u.ChatId).Count);

            // The stream: chat c sends step s at (s + c / chats) × interval, whatever the bot's state (queued for polling).
            var sent = users.ToDictionary(u => u.ChatId, _ => new List<long>());
            var clock = Stopwatch.StartNew();
            var duration = TimeSpan.FromSeconds(seconds);
            var sender = Task.Run(async () =>
            {
                for (var tick = 0L; ; tick++)
                {
                    var step = (int)(tick / chats);
                    var user = users[tick % chats];
                    var due = TimeSpan.FromSeconds(interval * (step + (double)(tick % chats) / chats));
                    if (due >= duration)
                        return;
                    if (due > clock.Elapsed)
                        await Task.Delay(due - clock.Elapsed, stopSender.Token);
                    var id = await user.SendTextAsync(step % 2 == 0 ? Name(user.ChatId, step / 2) : BackCommand);
                    sent[user.ChatId].Add(id);
                }
            }, stopSender.Token);

            var kills = 0;
            var restartSeconds = new List<double>();
            while (true)
            {
                var wait = TimeSpan.FromSeconds(3 + 4 * random.NextDouble());
                if (clock.Elapsed + wait >= duration)
                    break;
                await Task.Delay(wait, ct);
                await Task.Run(bot.Kill, ct);
                kills++;
                await bot.DisposeAsync();
                var restart = Stopwatch.StartNew();
                bot = ChildBot.Start(telegram, data);
                var before = telegram.ConfirmedOffset;
                // Down until the new process confirms an update; the next interval starts from there, so every kill
                // lands in a process that is working, not one still starting.
                try
                {
                    await telegram.WaitUntilAsync(() => telegram.ConfirmedOffset > before || bot.HasExited, TimeSpan.FromSeconds(60)).WaitAsync(ct);
                    restartSeconds.Add(restart.Elapsed.TotalSeconds);
                }
                catch (TimeoutException)
                {
                    // Nothing to confirm (the stream ended): the drain below waits for it.
                }

                if (bot.HasExited)
                    throw new InvalidOperationException("a restarted bot process exited");
            }

            await sender;
            var last = bot;
            await WaitAsync(telegram, () => last.HasExited || (telegram.PendingUpdateCount == 0 && last.PendingOutbox() == 0), "the drain", ct);
            if (last.HasExited)
                throw new InvalidOperationException("the last bot process exited before draining");
            // Nothing left queued: a pause for the sends still on their way to be recorded.
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
            var conversations = last.Conversations();
            return Analyse(run, telegram, users, baseline, sent, conversations, kills, [.. restartSeconds]);
        }
        finally
        {
            await stopSender.CancelAsync();
            if (bot is not null)
                await bot.DisposeAsync();
            DeleteDirectory(data);
        }
    }

    /// <summary>/start → language → owner → business profile → consent: the first question of the registration.</summary>
    private static async Task SetUpAsync(TestUser user, CancellationToken ct)
    {
        await user.SendTextAsync("/start");
        await user.NextReplyAsync(StepTimeout);
        await user.PressAsync("🇮🇩 Bahasa Indonesia");
        await user.NextReplyAsync(StepTimeout);
        await user.PressAsync("🏭 Pemilik IKM");
        await user.NextReplyAsync(StepTimeout);
        await user.PressAsync("👤 Profil usaha");
        await user.NextReplyAsync(StepTimeout);
        await user.PressAsync("✅ Setuju");
        var first = await user.NextReplyAsync(StepTimeout);
        if (first.Text?.Contains(FirstQuestion, StringComparison.Ordinal) != true)
            throw new InvalidOperationException("the registration did not open at its first question");
        ct.ThrowIfCancellationRequested();
    }

    private static string Name(long chatId, int step) => FormattableString.Invariant($"Pemilik {chatId} langkah {step}");

    private static RunResult Analyse(
        int run, TelegramEmulator telegram, TestUser[] users, Dictionary<long, int> baseline, Dictionary<long, List<long>> sent,
        Dictionary<long, string> conversations, int kills, double[] restarts)
    {
        var result = new RunResult { Run = run.ToString(CultureInfo.InvariantCulture), Kills = kills, Restarts = restarts };
        foreach (var user in users)
        {
            var chat = user.ChatId;
            var ids = sent[chat];
            var n = ids.Count;
            result.Updates += n;
            var names = Enumerable.Range(0, (n + 1) / 2).ToDictionary(k => Name(chat, k), k => k);

            // Processed ids from the store; one remembered twice is an update handled twice.
            var processed = ProcessedIds(conversations.GetValueOrDefault(chat));
            var processedSet = processed.ToHashSet();
            result.HandledTwice += processed.Count - processedSet.Count;
            var lost = ids.Count(id => !processedSet.Contains(id));
            result.UpdatesLost += lost;

            // Replies mapped to the update they answer: update 2k (a name) → second question, 2k+1 (/kembali) → first
            // question showing name k. Second-question replies between two /kembali replies fill the name slots between.
            var counts = new int[n];
            var unexpected = 0;
            var pendingSecond = 0;
            var lastBack = -1; // k of the last /kembali reply seen
            void FlushSeconds(int untilK)
            {
                // The name slots 2(lastBack+1) … 2·untilK, in order; the rest are a doubled send of the last one.
                var slots = Enumerable.Range(lastBack + 1, Math.Max(0, untilK - lastBack)).Select(k => 2 * k).Where(i => i < n).ToList();
                for (var j = 0; j < pendingSecond; j++)
                {
                    if (j < slots.Count)
                        counts[slots[j]]++;
                    else if (slots.Count > 0)
                        counts[slots[^1]]++;
                    else
                        unexpected++;
                }

                pendingSecond = 0;
            }

            foreach (var message in telegram.SentTo(chat).Skip(baseline[chat]))
            {
                var text = message.Text ?? message.Caption ?? "";
                if (message.Method == "sendMessage" && text.Contains(SecondQuestion, StringComparison.Ordinal) && !text.Contains(StoredAnswer, StringComparison.Ordinal))
                {
                    pendingSecond++;
                }
                else if (message.Method == "sendMessage" && text.Contains(FirstQuestion, StringComparison.Ordinal)
                    && StoredName(text) is { } stored && names.TryGetValue(stored, out var k) && 2 * k + 1 < n)
                {
                    if (k > lastBack)
                    {
                        FlushSeconds(k);
                        lastBack = k;
                    }

                    counts[2 * k + 1]++;
                }
                else
                {
                    unexpected++;
                }
            }

            FlushSeconds(int.MaxValue / 4);
            var missing = counts.Count(c => c == 0);
            result.RepliesLost += Math.Max(0, missing - lost);
            result.RepliesDoubled += counts.Sum(c => Math.Max(0, c - 1));
            result.Unexpected += unexpected;
            // An unexpected reply after a lost update is its knock-on (a /kembali at the first question), not a second
            // handling; in a chat that lost nothing, it is one.
            if (lost == 0)
                result.HandledTwice += unexpected;
        }

        return result;
    }

    private static string? StoredName(string text)
    {
        var at = text.LastIndexOf(StoredAnswer, StringComparison.Ordinal);
        if (at < 0)
            return null;
        var rest = text[(at + StoredAnswer.Length)..];
        var end = rest.IndexOf('\n');
        return (end < 0 ? rest : rest[..end]).Trim();
    }

    private static List<long> ProcessedIds(string? document)
    {
        if (document is null)
            return [];
        using var json = JsonDocument.Parse(document);
        return json.RootElement.TryGetProperty("recentUpdateIds", out var ids) && ids.ValueKind == JsonValueKind.Array
            ? [.. ids.EnumerateArray().Select(e => e.GetInt64())]
            : [];
    }

    private static async Task WaitAsync(TelegramEmulator telegram, Func<bool> condition, string what, CancellationToken ct)
    {
        try
        {
            await telegram.WaitUntilAsync(condition, DrainTimeout).WaitAsync(ct);
        }
        catch (TimeoutException)
        {
            Console.Error.WriteLine(FormattableString.Invariant(
                $"[crash] waited {DrainTimeout.TotalSeconds:0} s for {what}: {telegram.Sent.Count} sent, {telegram.PendingUpdateCount} updates unconfirmed"));
            throw;
        }
    }

    private static void DeleteDirectory(string path)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                if (Directory.Exists(path))
                    Directory.Delete(path, recursive: true);
                return;
            }
            catch (IOException)
            {
                Thread.Sleep(200);
            }
        }
    }

    private sealed class RunResult
    {
        public const string Header = "  run   updates   kills   updates lost   handled twice   replies lost   replies doubled   unexpected   restart (s, median / max)";

        public string Run { get; init; } = "";
        public int Updates { get; set; }
        public int Kills { get; set; }
        public int UpdatesLost { get; set; }
        public int HandledTwice { get; set; }
        public int RepliesLost { get; set; }
        public int RepliesDoubled { get; set; }
        public int Unexpected { get; set; }
        public double[] Restarts { get; init; } = [];

        public static RunResult Total(IReadOnlyList<RunResult> results) => new()
        {
            Run = "all",
            Updates = results.Sum(r => r.Updates),
            Kills = results.Sum(r => r.Kills),
            UpdatesLost = results.Sum(r => r.UpdatesLost),
            HandledTwice = results.Sum(r => r.HandledTwice),
            RepliesLost = results.Sum(r => r.RepliesLost),
            RepliesDoubled = results.Sum(r => r.RepliesDoubled),
            Unexpected = results.Sum(r => r.Unexpected),
            Restarts = [.. results.SelectMany(r => r.Restarts)],
        };

        public string Line() => FormattableString.Invariant(
            $"[crash] run {Run}: {Updates:N0} updates, {Kills} kills: {UpdatesLost} lost, {HandledTwice} handled twice, {RepliesLost} replies lost, {RepliesDoubled} replies doubled, {Unexpected} unexpected");

        public string Row()
        {
            var sorted = Restarts.Order().ToArray();
            var restart = sorted.Length == 0 ? "-" : FormattableString.Invariant($"{sorted[sorted.Length / 2]:0.0} / {sorted[^1]:0.0}");
            return FormattableString.Invariant(
                $"  {Run,3}   {Updates,7:N0}   {Kills,5}   {UpdatesLost,12}   {HandledTwice,13}   {RepliesLost,12}   {RepliesDoubled,15}   {Unexpected,10}   {restart}");
        }
    }
}
