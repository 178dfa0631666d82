using Ikm.Storage.Files;
using System.Diagnostics;
using System.Globalization;
using Ikm.Scheduler.Digests;
using Ikm.Storage.Sqlite;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Members;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Questionnaires;
using Ikm.Workflow.Storage;

namespace Ikm.Bench;

/// <summary>
/// Issue 6's digest benchmark: a cohort of 10,000 IKMs with 500,000 visits written through the real
/// <see cref="SqliteBotStore"/> (batched commits), then (a) the store's raw scan of that data and (b) the monthly digest
/// built from it (text + chart + workbook; goal &lt; 2 s), each the median of a few runs after a warm-up.
/// </summary>
internal static class DigestScenario
{
    private const string Usage = """
        usage: dotnet run -c Release --project bench/Ikm.Bench -- digest [--ikms N] [--visits N] [--runs N] [--keep]
          --ikms N     IKMs in the cohort (default 10,000; one mentor per 5)
          --visits N   completed visits (default 500,000, spread weekly over the past year)
          --runs N     measured runs of the scan and of the digest after one warm-up (default 3; median reported)
          --chart PATH also write the chart PNG there (to look at it)
        """;

    private static readonly TimeSpan Wita = TimeSpan.FromHours(8);
    private static readonly string[] Areas = ["production", "quality", "marketing", "branding", "finance", "legality", "people", "equipment", "innovation", "capital"];
    private static readonly string[] Commodities = ["tenun ikat", "abon ikan", "kopi", "bawang goreng", "madu", "kripik pisang"];

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        int ikms = 10_000, visits = 500_000, runs = 3;
        string? chartPath = null;
        try
        {
            for (var i = 0; i < args.Count; i++)
            {
                string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--ikms": ikms = PositiveInt(Value()); break;
                    case "--visits": visits = PositiveInt(Value()); break;
                    case "--runs": runs = PositiveInt(Value()); break;
                    case "--chart": chartPath = Value(); break;
                    default: throw new FormatException($"unknown option '{args[i]}'");
                }
            }
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}\n\n{Usage}");
            return 2;
        }

        var questionnaire = LoadDiagnosis();
        var folder = Path.Combine(Path.GetTempPath(), "ikm-bench-digest-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            await using var store = new SqliteBotStore(Path.Combine(folder, "bot.db"));
            await store.InitializeAsync(CancellationToken.None);
            var now = new DateTimeOffset(2026, 11, 27, 10, 0, 0, Wita).ToUniversalTime();

            Console.WriteLine(Format($"[digest] writing {ikms:N0} IKMs and {visits:N0} visits through SqliteBotStore.CommitAsync…"));
            var write = Stopwatch.StartNew();
            var cohortId = await SeedAsync(store, ikms, visits, now);
            write.Stop();
            var fileMb = new FileInfo(store.FilePath).Length / 1024.0 / 1024.0;
            Console.WriteLine(Format($"[digest] written in {write.Elapsed.TotalSeconds:0.0} s ({visits / write.Elapsed.TotalSeconds:N0} visits/s); database {fileMb:N0} MB"));

            // (a) the raw scan: what any digest has to read first.
            var scans = new List<ScanTimes>();
            DigestData? data = null;
            for (var run = 0; run <= runs; run++)
            {
                var (times, loaded) = await ScanAsync(store, cohortId, now);
                if (run > 0)
                    scans.Add(times);
                data = loaded;
                Console.WriteLine(Format($"[digest] scan {(run == 0 ? "warm-up" : run.ToString(CultureInfo.InvariantCulture))}: {times}"));
            }

            // (b) the monthly digest: text + chart + workbook, and the parts apart.
            var builder = new DigestBuilder();
            var monthly = new List<double>();
            var weekly = new List<double>();
            var export = new List<double>();
            Digest? digest = null;
            for (var run = 0; run <= runs; run++)
            {
                var sw = Stopwatch.StartNew();
                digest = builder.Monthly(data!, questionnaire, "id");
                var monthlyXlsx = digest.Workbook?.ToBytes();
                var m = sw.Elapsed.TotalMilliseconds;
                sw.Restart();
                var w = builder.Weekly(data!, "id");
                var wk = sw.Elapsed.TotalMilliseconds;
                sw.Restart();
                var x = builder.Export(data!, questionnaire, "id").ToBytes();
                var ex = sw.Elapsed.TotalMilliseconds;
                if (run > 0)
                {
                    monthly.Add(m);
                    weekly.Add(wk);
                    export.Add(ex);
                }

                Console.WriteLine(Format($"[digest] build {(run == 0 ? "warm-up" : run.ToString(CultureInfo.InvariantCulture))}: monthly {m:N0} ms (text {digest.Text.Length:N0} chars, chart {digest.ChartPng?.Length / 1024.0:N0} KB, xlsx {monthlyXlsx?.Length / 1024.0 / 1024.0:N1} MB) · weekly {wk:N0} ms ({w.Text.Length:N0} chars) · /ekspor workbook {ex:N0} ms ({x.Length / 1024.0 / 1024.0:N1} MB)"));
            }

            if (chartPath is not null && digest?.ChartPng is { } png)
                await File.WriteAllBytesAsync(chartPath, png);

            var scan = Median(scans.Select(s => s.TotalMs));
            var build = Median(monthly);
            Console.WriteLine();
            Console.WriteLine(Format($"cores={Environment.ProcessorCount} · {ikms:N0} IKMs, {visits:N0} visits · raw store scan {scan:N0} ms (visits alone {Median(scans.Select(s => s.VisitsMs)):N0} ms) · monthly digest (text + chart + xlsx) {build:N0} ms · weekly {Median(weekly):N0} ms · /ekspor {Median(export):N0} ms"));
            Console.WriteLine(Format($"goal: monthly digest < 2 s: {(build < 2000 ? "met" : "NOT met")}"));
            return 0;
        }
        finally
        {
            SqliteConnectionCleanup();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by the pool: the temp folder is the OS's to clean.
            }
        }
    }

    private sealed record ScanTimes(double BusinessesMs, double DocumentsMs, double VisitsMs, double DiagnosesMs, int Visits, int Diagnoses)
    {
        public double TotalMs => BusinessesMs + DocumentsMs + VisitsMs + DiagnosesMs;

        public override string ToString() => Format(
            $"{TotalMs:N0} ms = businesses {BusinessesMs:N0} + cohort/memberships/assignments/staff/evaluations {DocumentsMs:N0} + visits {VisitsMs:N0} ({Visits:N0}) + diagnoses by owner {DiagnosesMs:N0} ({Diagnoses:N0})");
    }

    private static async Task<(ScanTimes, DigestData)> ScanAsync(SqliteBotStore store, string cohortId, DateTimeOffset now)
    {
        var ct = CancellationToken.None;
        var sw = Stopwatch.StartNew();
        var businesses = await store.GetBusinessesAsync(ct);
        var businessesMs = sw.Elapsed.TotalMilliseconds;

        sw.Restart();
        var cohort = (await store.GetAsync<Cohort>(cohortId, ct))!;
        var memberships = await store.FindAsync<CohortMembership>("cohort", cohortId, ct);
        var assignments = await store.FindAsync<Assignment>("cohort", cohortId, ct);
        var staff = await store.FindAsync<CohortStaff>("cohort", cohortId, ct);
        var evaluations = await store.AllAsync<Evaluation>(ct);
        var documentsMs = sw.Elapsed.TotalMilliseconds;

        sw.Restart();
        var visits = await store.AllAsync<Visit>(ct);
        var visitsMs = sw.Elapsed.TotalMilliseconds;

        // The store has no "all diagnoses" read: one indexed query per owner, as the bot's owner views do.
        sw.Restart();
        var diagnoses = new List<DiagnosisResponse>(businesses.Count);
        foreach (var business in businesses)
            diagnoses.AddRange(await store.GetDiagnosesByOwnerAsync(business.OwnerUserId, ct));
        var diagnosesMs = sw.Elapsed.TotalMilliseconds;

        var members = new HashSet<Guid>(memberships.Where(m => m.Status == MembershipStatus.Approved).Select(m => m.BusinessId));
        var data = new DigestData
        {
            Cohort = cohort,
            Businesses = [.. businesses.Where(b => members.Contains(b.Id))],
            Memberships = memberships,
            Assignments = assignments,
            Staff = staff,
            Visits = visits,
            Evaluations = evaluations,
            Diagnoses = diagnoses,
            UnreachableUserIds = [.. businesses.Where(b => b.OwnerUserId % 97 == 0).Select(b => b.OwnerUserId)],
            NewRegistrations = [.. businesses.Where(b => b.RegisteredAt >= now.AddDays(-7))],
            Now = now,
        };
        return (new ScanTimes(businessesMs, documentsMs, visitsMs, diagnosesMs, visits.Count, diagnoses.Count), data);
    }

    /// <summary>A year-old cohort: every IKM diagnosed, visited about weekly, evaluated monthly for the last three months.</summary>
    /// <summary>The cohort of the digest and export benchmarks: <paramref name="ikmCount"/> IKMs, <paramref name="visitCount"/> visits over the year before <paramref name="now"/>.</summary>
    internal static async Task<string> SeedAsync(SqliteBotStore store, int ikmCount, int visitCount, DateTimeOffset now)
    {
        var random = new Random(42);
        var start = now.AddDays(-364);
        var cohort = new Cohort
        {
            Id = "bench001",
            Name = "Kohort Bench Sulawesi Tengah",
            Region = "Sulawesi Tengah",
            TimeZoneId = "Asia/Makassar",
            StartDate = DateOnly.FromDateTime(start.UtcDateTime),
            DurationMonths = 12,
            Commodities = [.. Commodities],
            CreatedAt = start,
        };
        var mentorCount = Math.Max(1, (ikmCount + 4) / 5);
        var documents = new List<DocumentChange> { new(cohort) };
        documents.AddRange(Enumerable.Range(0, mentorCount).Select(m => new DocumentChange(new CohortStaff
        {
            Id = CohortStaff.IdFor(cohort.Id, 50_000 + m),
            CohortId = cohort.Id,
            UserId = 50_000 + m,
            Role = MemberRole.Mentor,
            DisplayName = Format($"Pendamping {m + 1}"),
            JoinedAt = start,
        })));
        await CommitAsync(store, documents);

        var ids = new Guid[ikmCount];
        for (var batch = 0; batch < ikmCount; batch += 2_000)
        {
            var businesses = new List<Business>();
            var diagnoses = new List<DiagnosisResponse>();
            documents = [];
            for (var i = batch; i < Math.Min(ikmCount, batch + 2_000); i++)
            {
                var id = ids[i] = new Guid(i + 1, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8);
                var owner = 100_000L + i;
                businesses.Add(new Business
                {
                    Id = id,
                    OwnerUserId = owner,
                    OwnerName = Format($"Pemilik {i + 1}"),
                    BusinessName = Format($"IKM {Commodities[i % Commodities.Length]} {i + 1}"),
                    Products = Commodities[i % Commodities.Length],
                    Commodity = Commodities[i % Commodities.Length],
                    Kecamatan = Format($"Kecamatan {i % 40}"),
                    Kelurahan = Format($"Kelurahan {i % 300}"),
                    Workers = 1 + (i % 12),
                    MonthlyTurnover = 500_000 + (i % 50) * 250_000,
                    Legality = i % 3 == 0 ? ["NIB", "PIRT"] : ["NIB"],
                    KeepsBooks = i % 2 == 0,
                    HasBankAccount = i % 3 != 2,
                    RegisteredAt = i % 500 == 0 ? now.AddDays(-2) : start.AddDays(-10),
                });
                diagnoses.Add(new DiagnosisResponse
                {
                    Id = new Guid(i + 1, 1, 0, 1, 2, 3, 4, 5, 6, 7, 8),
                    OwnerUserId = owner,
                    BusinessId = id,
                    QuestionnaireId = "diagnosis",
                    QuestionnaireVersion = "2025.1",
                    Status = DiagnosisStatus.Completed,
                    StartedAt = start.AddDays(-5),
                    LastAnsweredAt = start.AddDays(-5),
                    CompletedAt = start.AddDays(-5),
                    AreaScores = Areas.ToDictionary(a => a, _ => (double)random.Next(1, 4)),
                });
                documents.Add(new DocumentChange(new CohortMembership
                {
                    Id = Format($"{cohort.Id}:{id}"),
                    CohortId = cohort.Id,
                    BusinessId = id,
                    OwnerUserId = owner,
                    Status = MembershipStatus.Approved,
                    RequestedAt = start.AddDays(-8),
                    DecidedAt = start.AddDays(-7),
                }));
                documents.Add(new DocumentChange(new Assignment
                {
                    Id = Format($"{cohort.Id}:{id}:1"),
                    CohortId = cohort.Id,
                    BusinessId = id,
                    MentorUserId = 50_000 + i / 5,
                    AssignedAt = start,
                }));
                foreach (var monthsBack in new[] { 2, 1, 0 })
                {
                    var month = now.AddMonths(-monthsBack);
                    documents.Add(new DocumentChange(new Evaluation
                    {
                        Id = Format($"{cohort.Id}:{id}:{month:yyyy-MM}"),
                        CohortId = cohort.Id,
                        BusinessId = id,
                        AuthorUserId = 50_000 + i / 5,
                        Month = month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                        Areas = [.. Areas.Take(3).Select(a => new AreaEvaluation
                        {
                            AreaId = a,
                            Score = random.Next(2, 6),
                            Problem = "Pencatatan stok belum rutin",
                            Mentored = "Kartu stok harian",
                            Result = "Stok tercatat 4 dari 7 hari",
                        })],
                        CompletedAt = month.AddDays(-1),
                    }));
                }
            }

            await store.CommitAsync([new ChangeSet { Documents = [.. businesses.Select(d => new DocumentChange(d)), .. diagnoses.Select(d => new DocumentChange(d)), .. documents] }], CancellationToken.None);
        }

        // Visits round robin over the IKMs, one a week each, newest week first, some flagged as the field gives them.
        documents = [];
        for (var v = 0; v < visitCount; v++)
        {
            var ikm = v % ikmCount;
            var week = v / ikmCount;
            var started = now.AddDays(-7 * week - 1 - random.Next(0, 6)).AddHours(-random.Next(0, 4));
            var hours = random.NextDouble() < 0.1 ? 2.5 : 4 + random.NextDouble() * 2;
            var flags = (hours < 4 ? VisitFlags.Short : VisitFlags.None)
                | (random.NextDouble() < 0.03 ? VisitFlags.FarFromProductionHouse : VisitFlags.None)
                | (random.NextDouble() < 0.02 ? VisitFlags.Retro : VisitFlags.None);
            documents.Add(new DocumentChange(new Visit
            {
                Id = Format($"v{v:D7}"),
                CohortId = cohort.Id,
                BusinessId = ids[ikm],
                MentorUserId = 50_000 + ikm / 5,
                Status = VisitStatus.Completed,
                Flags = flags,
                StartedAt = started,
                EndedAt = started.AddHours(hours),
                DistanceMeters = flags.HasFlag(VisitFlags.FarFromProductionHouse) ? 600 + random.Next(0, 3000) : 40,
                DistanceReason = flags.HasFlag(VisitFlags.FarFromProductionHouse) ? "Bertemu di pasar" : null,
                Problem = "Kemasan belum berlabel",
                Mentored = "Desain label sederhana",
                Result = "Label dicetak",
                NextStep = "Daftar PIRT",
                Areas = ["branding"],
            }));
            if (documents.Count == 5_000)
            {
                await CommitAsync(store, documents);
                documents = [];
            }
        }

        if (documents.Count > 0)
            await CommitAsync(store, documents);
        return cohort.Id;
    }

    private static Task CommitAsync(SqliteBotStore store, List<DocumentChange> documents) =>
        store.CommitAsync([new ChangeSet { Documents = documents }], CancellationToken.None);

    private static Questionnaire LoadDiagnosis()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "questionnaires", "diagnosis.yaml");
            if (File.Exists(path))
                return QuestionnaireFiles.Load(path).Questionnaire ?? throw new InvalidOperationException($"{path} does not load.");
        }

        throw new FileNotFoundException("questionnaires/diagnosis.yaml not found above " + AppContext.BaseDirectory);
    }

    private static void SqliteConnectionCleanup() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
    }

    private static int PositiveInt(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new FormatException($"not a positive number: '{value}'");

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
