using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text.RegularExpressions;
using Hangfire;
using Ikm.TestKit;
using Ikm.Workflow.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace Ikm.Bench;

/// <summary>
/// Issue 9 item 10: does memory stay flat under long mixed traffic? The real host (polling, embedded SQLite) and the
/// emulator, with scripted people doing what a cohort does all day, at once: owners joining, registering, answering the
/// short diagnosis and asking for /datasaya (new owners all the time, so every per-chat structure sees new keys); mentors
/// checking in at their IKM, checking out and filling the logbook with a photo; the coordinator approving nobody and
/// asking for /ringkasan and /ekspor. The process's RSS (after a full, compacting GC), the managed heap and the GC's
/// committed memory are sampled at the start, every minute and at the end — each time with every script held between
/// two steps and nothing queued, sent or running, so a sample sees what the bot keeps, not a report it is building. The emulator forgets each chat once its script is done
/// (<see cref="TelegramEmulator.ForgetChat"/>): what is measured is the bot's memory, not the emulator's record.
/// </summary>
internal static partial class SoakScenario
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/Ikm.Bench -- soak [--minutes N] [--owners N] [--mentors N]

          --minutes N   how long the mixed traffic runs (default 10)
          --owners N    owners joining, registering and diagnosing at the same time (default 4)
          --mentors N   mentors checking in and logging visits at the same time (default 4)
        """;

    private const long CoordinatorId = 700;
    private const long FirstMentorId = 800;
    private const long FirstOwnerId = 1_000_000;
    private const string CohortName = "Pendampingan IKM Palu 2026";
    private const double HouseLat = -0.8917;
    private const double HouseLon = 119.8707;
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(20);

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var minutes = 10.0;
        var owners = 4;
        var mentors = 4;
        try
        {
            for (var i = 0; i < args.Count; i++)
            {
                var name = args[i];
                string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{name} needs a value");
                switch (name)
                {
                    case "--minutes": minutes = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                    case "--owners": owners = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                    case "--mentors": mentors = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                    default: throw new FormatException($"unknown option '{name}'");
                }
            }

            if (minutes <= 0 || owners < 0 || mentors < 0)
                throw new FormatException("--minutes must be positive, --owners and --mentors not negative");
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            Console.Error.WriteLine(Usage);
            return 2;
        }

        await using var rig = await BotRig.StartAsync(trace: false, settings: new Dictionary<string, string?>
        {
            ["Bot:Coordinators"] = CoordinatorId.ToString(CultureInfo.InvariantCulture),
            // Every report is a background job, kept in memory for Scheduler:JobHistoryMinutes (default 15) once done:
            // a window of its own that a 10-minute run would only see filling. One minute puts its plateau inside the run.
            ["Scheduler:JobHistoryMinutes"] = "1",
        });
        var emulator = rig.Emulator;
        Console.WriteLine(FormattableString.Invariant(
            $"[soak] setting up a cohort with {mentors} mentors, each with an assigned IKM…"));
        var mentorIds = await SetUpProgramAsync(emulator, mentors);

        var counters = new Counters();
        var quiet = new Quiet();
        var clock = Stopwatch.StartNew();
        var samples = new List<Sample> { Sample.Take("start", clock.Elapsed, counters, rig) };
        Console.WriteLine(FormattableString.Invariant(
            $"[soak] {minutes:0.#} min of mixed traffic: {owners} owners, {mentors} mentors and the coordinator at once"));
        Console.WriteLine(Sample.Header);
        Console.WriteLine(samples[0]);

        var duration = TimeSpan.FromMinutes(minutes);
        using var stop = new CancellationTokenSource(duration);
        var nextOwner = FirstOwnerId;
        var workers = new List<Task>();
        for (var i = 0; i < owners; i++)
            workers.Add(Task.Run(() => LoopAsync(quiet, counters, stop.Token, () => OwnerCycleAsync(emulator, Interlocked.Increment(ref nextOwner), counters))));
        foreach (var (mentorId, business) in mentorIds)
            workers.Add(Task.Run(() => LoopAsync(quiet, counters, stop.Token, () => MentorCycleAsync(emulator, mentorId, business, counters))));
        workers.Add(Task.Run(() => LoopAsync(quiet, counters, stop.Token, () => CoordinatorCycleAsync(emulator, quiet, counters, stop.Token))));

        for (var minute = 1; clock.Elapsed < duration; minute++)
        {
            var due = TimeSpan.FromMinutes(minute) - clock.Elapsed;
            try
            {
                await Task.Delay(due > duration - clock.Elapsed ? duration - clock.Elapsed : due, stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            // Between two scripts, with nothing queued, sent or running: what the bot keeps, not what it is working on.
            quiet.Begin();
            var sample = await QuietSampleAsync(FormattableString.Invariant($"{minute} min"), clock, counters, rig, () => quiet.Parked == workers.Count);
            quiet.End();
            samples.Add(sample);
            Console.WriteLine(sample);
        }

        await Task.WhenAll(workers);
        var end = await QuietSampleAsync("end", clock, counters, rig, () => true);
        samples.Add(end);
        Console.WriteLine(end);
        Console.WriteLine();
        Console.WriteLine(Summary(samples, counters));
        return counters.Errors == 0 ? 0 : 1;
    }

    private static string Summary(List<Sample> samples, Counters counters)
    {
        var start = samples[0];
        var warm = samples.Count > 2 ? samples[1] : start;
        var end = samples[^1];
        var peak = samples.Max(s => s.RssBytes);
        double Change(long from, long to) => 100.0 * (to - from) / from;
        var fromStart = Change(start.RssBytes, end.RssBytes);
        var fromWarm = Change(warm.RssBytes, end.RssBytes);
        return FormattableString.Invariant($"""
            summary: {counters.Owners:N0} owners registered and diagnosed, {counters.Visits:N0} visits logged, {counters.Reports:N0} reports, {counters.Errors} script errors, {end.Updates - start.Updates:N0} updates and {end.Sent - start.Sent:N0} messages in the run
            RSS start {Mb(start.RssBytes)} → end {Mb(end.RssBytes)} ({fromStart:+0.0;-0.0} %), after the first minute {Mb(warm.RssBytes)} → end ({fromWarm:+0.0;-0.0} %), peak {Mb(peak)}
            managed heap start {Mb(start.HeapBytes)} → end {Mb(end.HeapBytes)} ({Change(start.HeapBytes, end.HeapBytes):+0.0;-0.0} %), GC committed {Mb(start.CommittedBytes)} → {Mb(end.CommittedBytes)}, RSS anon {Mb(warm.AnonBytes)} → {Mb(end.AnonBytes)} and file {Mb(warm.FileBytes)} → {Mb(end.FileBytes)} after the first minute, SQLite heap {Mb(warm.SqliteBytes)} → {Mb(end.SqliteBytes)}
            goal: RSS flat within 10 % (first minute → end): {(Math.Abs(fromWarm) <= 10 ? "met" : "NOT met")}
            """);
    }

    private static async Task<Sample> QuietSampleAsync(string label, Stopwatch clock, Counters counters, BotRig rig, Func<bool> allParked)
    {
        var monitoring = rig.App.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var deadline = Stopwatch.GetTimestamp() + 120 * Stopwatch.Frequency;
        while (!allParked() && Stopwatch.GetTimestamp() < deadline)
            await Task.Delay(20);
        await rig.Dispatcher.WaitIdleAsync(TimeSpan.FromSeconds(60));
        while ((monitoring.ProcessingCount() > 0 || monitoring.EnqueuedCount("default") > 0) && Stopwatch.GetTimestamp() < deadline)
            await Task.Delay(20);
        await rig.Dispatcher.WaitIdleAsync(TimeSpan.FromSeconds(60));
        return Sample.Take(label, clock.Elapsed, counters, rig);
    }

    private static string Mb(long bytes) => FormattableString.Invariant($"{bytes / 1024.0 / 1024.0:0.0} MB");

    /// <summary>Runs one script after another until stopped; a script that goes wrong is counted and the next one starts.</summary>
    private static async Task LoopAsync(Quiet quiet, Counters counters, CancellationToken stop, Func<Task> cycle)
    {
        while (!stop.IsCancellationRequested)
        {
            await quiet.WaitWhileQuietAsync();
            try
            {
                await cycle();
            }
            catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
            {
                Interlocked.Increment(ref counters.Errors);
                Console.Error.WriteLine($"[soak] script error: {ex.GetType().Name}: {ex.Message.Split('\n')[0]}");
            }
        }
    }

    /// <summary>A new owner: join, register, the short diagnosis, /datasaya; then the emulator forgets the chat.</summary>
    private static async Task OwnerCycleAsync(TelegramEmulator emulator, long ownerId, Counters counters)
    {
        var owner = emulator.User(ownerId, "Pemilik");
        try
        {
            await JoinAsync(owner, "🏭 Pemilik IKM");
            await RegisterAsync(owner, $"Pemilik {ownerId}", $"Usaha {ownerId}");
            await Reply(owner, () => owner.PressAsync("🩺 Mulai diagnosis usaha"));
            await Reply(owner, () => owner.PressAsync("▶️ Mulai"));
            for (var i = 0; i < 10; i++)
                await Reply(owner, () => owner.PressAsync(i < 3 ? "Tidak" : "Ya"));
            await owner.SendTextAsync("/datasaya");
            await emulator.WaitUntilAsync(() => emulator.SentTo(ownerId).Count(m => m.FileName is not null) >= 2, TimeSpan.FromSeconds(60));
            Interlocked.Increment(ref counters.Owners);
        }
        finally
        {
            emulator.ForgetChat(ownerId);
        }
    }

    /// <summary>The mentor's day at one IKM: check-in at the house, check-out, the logbook with a photo.</summary>
    private static async Task MentorCycleAsync(TelegramEmulator emulator, long mentorId, string business, Counters counters)
    {
        var mentor = emulator.User(mentorId, "Pendamping");
        try
        {
            await Reply(mentor, () => mentor.SendTextAsync("/menu"));
            await Reply(mentor, () => mentor.PressAsync("📍 Check-in"));
            await Reply(mentor, () => mentor.PressAsync(business));
            await Reply(mentor, () => mentor.ShareLocationAsync(HouseLat, HouseLon));
            await Reply(mentor, () => mentor.PressAsync("✅ Check-out"));
            await mentor.NextReplyAsync(); // the first logbook question follows the duration
            foreach (var text in new[] { "Kemasan mudah sobek", "Membuat label", "20 kemasan berlabel", "Daftar PIRT" })
                await Reply(mentor, () => mentor.SendTextAsync(text));
            await Reply(mentor, () => mentor.PressAsync("Produksi"));
            await Reply(mentor, () => mentor.PressAsync("✅ Selesai memilih"));
            await Reply(mentor, () => mentor.SendPhotoAsync(PhotoId(mentorId)));
            var saved = await Reply(mentor, () => mentor.PressAsync("✅ Selesai"));
            if (saved.Text?.Contains("Logbook tersimpan", StringComparison.Ordinal) != true)
                throw new InvalidOperationException($"mentor {mentorId}: no logbook saved: {saved}");
            Interlocked.Increment(ref counters.Visits);
        }
        finally
        {
            emulator.ForgetChat(mentorId);
        }
    }

    /// <summary>Every <see cref="ReportEvery"/>: this week's digest and the workbook.</summary>
    private static async Task CoordinatorCycleAsync(TelegramEmulator emulator, Quiet quiet, Counters counters, CancellationToken stop)
    {
        try
        {
            await quiet.IdleAsync(ReportEvery, stop);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        // The coordinator's chat also collects every "waiting for approval" notice: forgotten before and after.
        emulator.ForgetChat(CoordinatorId);
        var coordinator = emulator.User(CoordinatorId, "Koordinator");
        try
        {
            // Other messages reach this chat meanwhile (approval notices): each report is recognised by what it is.
            foreach (var (command, arrived) in new (string, Func<SentMessage, bool>)[]
                     {
                         ("/ringkasan", m => m.Text?.Contains("Ringkasan mingguan", StringComparison.Ordinal) == true),
                         ("/ekspor", m => m.FileName?.EndsWith(".xlsx", StringComparison.Ordinal) == true),
                     })
            {
                var before = emulator.SentTo(CoordinatorId).Count(arrived);
                await coordinator.SendTextAsync(command);
                await emulator.WaitUntilAsync(() => emulator.SentTo(CoordinatorId).Count(arrived) > before, TimeSpan.FromSeconds(60));
                Interlocked.Increment(ref counters.Reports);
            }
        }
        finally
        {
            emulator.ForgetChat(CoordinatorId);
            emulator.ForgetCalls();
        }
    }

    /// <summary>The coordinator's cohort (short diagnosis), and per mentor an invited mentor with one approved, assigned IKM.</summary>
    private static async Task<List<(long MentorId, string Business)>> SetUpProgramAsync(TelegramEmulator emulator, int mentors)
    {
        var coordinator = emulator.User(CoordinatorId, "Koordinator");
        await JoinAsync(coordinator, "Koordinator");
        await CreateCohortAsync(coordinator);
        await Reply(coordinator, () => coordinator.SendTextAsync("/kuesioner diagnosis-singkat.yaml"));

        var assigned = new List<(long, string)>();
        for (var i = 0; i < mentors; i++)
        {
            var mentorId = FirstMentorId + i;
            var mentorName = $"Pendamping Nomor {i + 1}";
            var invite = await Reply(coordinator, () => coordinator.SendTextAsync($"/undang mentor {mentorName}"));
            var token = InviteToken().Match(invite.Text ?? "") is { Success: true } match
                ? match.Groups[1].Value
                : throw new InvalidOperationException($"no invite link: {invite}");
            var mentor = emulator.User(mentorId, "Pendamping");
            await Reply(mentor, () => mentor.SendTextAsync("/start " + token));
            emulator.AddFile(PhotoId(mentorId), [.. Enumerable.Range(0, 2048).Select(b => (byte)(b % 251))]);

            var ownerId = FirstOwnerId - 1 - i;
            var business = $"Usaha Binaan {i + 1}";
            var owner = emulator.User(ownerId, "Pemilik");
            await JoinAsync(owner, "🏭 Pemilik IKM");
            await RegisterAsync(owner, $"Pemilik Binaan {i + 1}", business);
            await emulator.WaitForMessageAsync(CoordinatorId, m => m.Text?.Contains(business, StringComparison.Ordinal) == true);
            coordinator.SkipReplies();
            await Reply(coordinator, () => coordinator.PressAsync("⏳ Persetujuan"));
            await Reply(coordinator, () => coordinator.PressAsync("✅ " + CohortName));
            await Reply(coordinator, () => coordinator.SendTextAsync("/tugaskan"));
            await Reply(coordinator, () => coordinator.PressAsync(business));
            await Reply(coordinator, () => coordinator.PressAsync(mentorName));
            await emulator.WaitForMessageAsync(mentorId, m => m.Text?.Contains("IKM baru", StringComparison.Ordinal) == true);
            emulator.ForgetChat(ownerId);
            emulator.ForgetChat(mentorId);
            assigned.Add((mentorId, business));
        }

        emulator.ForgetChat(CoordinatorId);
        return assigned;
    }

    private static async Task JoinAsync(TestUser user, string role)
    {
        await Reply(user, () => user.SendTextAsync("/start"));
        await Reply(user, () => user.PressAsync("🇮🇩 Bahasa Indonesia"));
        await Reply(user, () => user.PressAsync(role));
    }

    private static async Task CreateCohortAsync(TestUser coordinator)
    {
        await Reply(coordinator, () => coordinator.PressAsync("🗂 Buat kohort"));
        await Reply(coordinator, () => coordinator.SendTextAsync(CohortName));
        await Reply(coordinator, () => coordinator.SendTextAsync("Kota Palu"));
        await Reply(coordinator, () => coordinator.PressAsync("WITA (Makassar)"));
        await Reply(coordinator, () => coordinator.SendTextAsync("1 Desember 2026"));
        foreach (var answer in new[] { "6", "lewati", "lewati", "lewati", "abon ikan, bawang goreng" })
            await Reply(coordinator, () => coordinator.SendTextAsync(answer));
    }

    /// <summary>The registration with good answers, saved (as tests/Ikm.Bot.Tests/Support/OwnerScript.cs).</summary>
    private static async Task RegisterAsync(TestUser owner, string ownerName, string businessName)
    {
        await Reply(owner, () => owner.PressAsync("👤 Profil usaha"));
        await Reply(owner, () => owner.PressAsync("✅ Setuju"));
        foreach (var text in new[] { ownerName, businessName, "abon tuna, abon cakalang" })
            await Reply(owner, () => owner.SendTextAsync(text));
        await Reply(owner, () => owner.PressAsync("Abon ikan"));
        await Reply(owner, () => owner.SendTextAsync("Palu Barat"));
        await Reply(owner, () => owner.SendTextAsync("Lere"));
        await Reply(owner, () => owner.ShareLocationAsync(HouseLat, HouseLon));
        await Reply(owner, () => owner.SendContactAsync("+62 812 3456 7890"));
        await Reply(owner, () => owner.SendTextAsync("4"));
        await Reply(owner, () => owner.SendTextAsync("1,5 jt"));
        await Reply(owner, () => owner.PressAsync("NIB"));
        await Reply(owner, () => owner.PressAsync("✅ Selesai memilih"));
        await Reply(owner, () => owner.PressAsync("Ya"));
        await Reply(owner, () => owner.PressAsync("Ya"));
        await Reply(owner, () => owner.PressAsync("Tidak"));
        await Reply(owner, () => owner.PressAsync("💾 Simpan"));
    }

    /// <summary>Does one step and returns the bot's next reply to it.</summary>
    private static async Task<SentMessage> Reply(TestUser user, Func<Task<long>> step)
    {
        await step();
        return await user.NextReplyAsync(TimeSpan.FromSeconds(30));
    }

    private static string PhotoId(long mentorId) => FormattableString.Invariant($"soak-photo-{mentorId}");

    [GeneratedRegex(@"\?start=([A-Za-z0-9_-]{22})")]
    private static partial Regex InviteToken();

    /// <summary>Lets the sampler hold every script at its next step boundary (between two scripts) while it samples.</summary>
    private sealed class Quiet
    {
        private readonly Lock _gate = new();
        private TaskCompletionSource? _resume;
        private int _parked;

        /// <summary>Workers waiting at the gate, or idle in <see cref="IdleAsync"/>.</summary>
        public int Parked => Volatile.Read(ref _parked);

        public void Begin()
        {
            lock (_gate)
                _resume ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public void End()
        {
            TaskCompletionSource? resume;
            lock (_gate)
            {
                resume = _resume;
                _resume = null;
            }

            resume?.TrySetResult();
        }

        public async Task WaitWhileQuietAsync()
        {
            Task? resumed;
            lock (_gate)
                resumed = _resume?.Task;
            if (resumed is null)
                return;
            Interlocked.Increment(ref _parked);
            try
            {
                await resumed;
            }
            finally
            {
                Interlocked.Decrement(ref _parked);
            }
        }

        /// <summary>A pause in a script that counts as parked; the script goes on only once the sample is taken.</summary>
        public async Task IdleAsync(TimeSpan delay, CancellationToken ct)
        {
            Interlocked.Increment(ref _parked);
            try
            {
                await Task.Delay(delay, ct);
            }
            finally
            {
                Interlocked.Decrement(ref _parked);
            }

            await WaitWhileQuietAsync();
        }
    }

    private sealed class Counters
    {
        public int Owners;
        public int Visits;
        public int Reports;
        public int Errors;
    }

    private sealed record Sample(
        string Label, TimeSpan At, long RssBytes, long HeapBytes, long CommittedBytes, long FragmentedBytes, long AnonBytes, long FileBytes,
        long SqliteBytes, long Updates, long Sent, long JobsKept, int FloodChats, int Owners, int Visits, int Reports, int Errors)
    {
        public const string Header = "  when       elapsed   RSS (after full GC)   managed heap   GC committed   GC fragm.   RSS anon   RSS file   SQLite heap    offset   messages   jobs kept  flood chats   owners  visits  reports  errors";

        public static Sample Take(string label, TimeSpan at, Counters counters, BotRig rig)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            using var process = Process.GetCurrentProcess();
            var services = rig.App.Services;
            var monitoring = services.GetRequiredService<JobStorage>().GetMonitoringApi();
            var gc = GC.GetGCMemoryInfo(GCKind.FullBlocking);
            var (anon, file) = ResidentSplit();
            return new Sample(label, at, process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false), gc.TotalCommittedBytes, gc.FragmentedBytes,
                anon, file, SQLitePCL.raw.sqlite3_memory_used(), rig.Emulator.ConfirmedOffset, rig.Dispatcher.SentCount, monitoring.SucceededListCount() + monitoring.DeletedListCount(),
                services.GetRequiredService<ChatFloodGuard>().TrackedChats, counters.Owners, counters.Visits, counters.Reports, counters.Errors);
        }

        /// <summary>
        /// Resident memory split as Linux counts it: anonymous (GC heap, native allocations such as SQLite's page
        /// caches, JIT code) and file-backed (mapped assemblies and native libraries); zeros where /proc is absent.
        /// </summary>
        private static (long Anon, long File) ResidentSplit()
        {
            const string status = "/proc/self/status";
            if (!File.Exists(status))
                return (0, 0);
            long anon = 0, file = 0;
            foreach (var line in File.ReadLines(status))
            {
                if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
                    anon = Kilobytes(line) * 1024;
                else if (line.StartsWith("RssFile:", StringComparison.Ordinal))
                    file = Kilobytes(line) * 1024;
            }

            return (anon, file);
            static long Kilobytes(string line) =>
                long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }

        public override string ToString() => FormattableString.Invariant(
            $"  {Label,-9} {At.TotalSeconds,7:0} s   {Mb(RssBytes),19}   {Mb(HeapBytes),12}   {Mb(CommittedBytes),12}   {Mb(FragmentedBytes),9}   {Mb(AnonBytes),8}   {Mb(FileBytes),8}   {Mb(SqliteBytes),11}   {Updates,7:N0}   {Sent,8:N0}   {JobsKept,9:N0}  {FloodChats,11:N0}   {Owners,6:N0}  {Visits,6:N0}  {Reports,7:N0}  {Errors,6}");
    }
}
