using Ikm.Storage.Files;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Members;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Questionnaires;
using Ikm.Scheduler.Digests;

namespace Ikm.Scheduler.Tests.Digests;

/// <summary>Builders for digest data: a WITA cohort with its IKMs, mentors, visits, evaluations and diagnoses.</summary>
internal static class DigestBuilders
{
    public const string CohortId = "c0ffee01";
    public static readonly TimeSpan Wita = TimeSpan.FromHours(8);

    public static Guid IkmId(int n) => new(n, 0, 0, new byte[8]);

    /// <summary>Local (WITA) wall-clock time as an instant.</summary>
    public static DateTimeOffset Local(int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(2026, month, day, hour, minute, 0, Wita).ToUniversalTime();

    public static Cohort Cohort() => new()
    {
        Id = CohortId,
        Name = "Sentra Palu 2026",
        Region = "Kota Palu",
        TimeZoneId = "Asia/Makassar",
        StartDate = new DateOnly(2026, 10, 1),
        DurationMonths = 6,
    };

    public static Business Business(int n, string name, string commodity, decimal turnover = 1_500_000, long? owner = null) => new()
    {
        Id = IkmId(n),
        OwnerUserId = owner ?? 1000 + n,
        OwnerName = "Pemilik " + n,
        BusinessName = name,
        Commodity = commodity,
        Kecamatan = "Palu Barat",
        Kelurahan = "Lere",
        Workers = 3,
        MonthlyTurnover = turnover,
        Legality = ["NIB", "PIRT"],
        KeepsBooks = n % 2 == 0,
        RegisteredAt = Local(9, 20, 9),
    };

    public static CohortStaff Mentor(long userId, string name) => new()
    {
        Id = CohortStaff.IdFor(CohortId, userId),
        CohortId = CohortId,
        UserId = userId,
        Role = MemberRole.Mentor,
        DisplayName = name,
        JoinedAt = Local(9, 25, 9),
    };

    public static Assignment Assign(int ikm, long mentor) => new()
    {
        Id = $"{CohortId}:{ikm}:{mentor}",
        CohortId = CohortId,
        BusinessId = IkmId(ikm),
        MentorUserId = mentor,
        AssignedBy = 1,
        AssignedAt = Local(10, 1, 9),
    };

    public static CohortMembership Member(int ikm) => new()
    {
        Id = $"{CohortId}:{ikm}",
        CohortId = CohortId,
        BusinessId = IkmId(ikm),
        OwnerUserId = 1000 + ikm,
        Status = MembershipStatus.Approved,
        RequestedAt = Local(9, 21, 9),
    };

    public static Visit Visit(int ikm, long mentor, DateTimeOffset start, double hours, VisitFlags flags = VisitFlags.None,
        double? distance = null, string? reason = null) => new()
    {
        Id = $"{ikm}:{start.UtcTicks}",
        CohortId = CohortId,
        BusinessId = IkmId(ikm),
        MentorUserId = mentor,
        Status = VisitStatus.Completed,
        Flags = flags,
        StartedAt = start,
        EndedAt = start.AddHours(hours),
        DistanceMeters = distance,
        DistanceReason = reason,
        Problem = "Pencatatan belum rapi",
        Mentored = "Buku kas harian",
        Result = "Mulai mencatat",
        NextStep = "Periksa catatan minggu depan",
        Areas = ["finance"],
    };

    public static DiagnosisResponse Diagnosis(int ikm, params (string Area, double Score)[] scores) => new()
    {
        Id = new Guid(ikm, 1, 0, new byte[8]),
        OwnerUserId = 1000 + ikm,
        BusinessId = IkmId(ikm),
        QuestionnaireId = "diagnosis",
        QuestionnaireVersion = "2025.1",
        Status = DiagnosisStatus.Completed,
        StartedAt = Local(9, 22, 9),
        LastAnsweredAt = Local(9, 22, 10),
        CompletedAt = Local(9, 22, 10),
        AreaScores = scores.ToDictionary(s => s.Area, s => s.Score),
    };

    public static Evaluation Evaluation(int ikm, long mentor, string month, params (string Area, int Score)[] scores) => new()
    {
        Id = $"{CohortId}:{ikm}:{month}",
        CohortId = CohortId,
        BusinessId = IkmId(ikm),
        AuthorUserId = mentor,
        Month = month,
        Areas = [.. scores.Select(s => new AreaEvaluation { AreaId = s.Area, Score = s.Score, Problem = "p", Mentored = "m", Result = "r" })],
        CompletedAt = Local(11, 25, 15),
    };

    public const long Budi = 101;
    public const long Sari = 102;

    /// <summary>
    /// Thursday 26 November 2026, 10:00 WITA (week 2026-W48). Budi mentors IKMs 1–4, Sari 5–8.
    /// This week: 7 completed visits (Budi 3: 5 h, 4.5 h, 2 h short; Sari 4 × 4 h, one far, one retro) = 27.5 hours;
    /// IKM 4 last visited 2 November. November: Budi 10 visits, 39.5 hours; Sari 7 visits, 28 hours.
    /// </summary>
    public static DigestData Scenario()
    {
        var businesses = new List<Business>
        {
            Business(1, "Abon Ikan Bu Ani", "abon ikan", 1_500_000),
            Business(2, "Tenun Donggala", "tenun ikat", 2_750_000),
            Business(3, "Kopi Lore", "kopi"),
            Business(4, "Bawang Goreng Palu", "bawang goreng"),
            Business(5, "Kripik Pisang Mama", "kripik"),
            Business(6, "Sambal Roa Ibu", "sambal"),
            Business(7, "Tenun Bomba", "tenun ikat"),
            Business(8, "Madu Hutan Sigi", "madu"),
        };
        var visits = new List<Visit>
        {
            // Budi, earlier weeks of November (4 h each)
            Visit(1, Budi, Local(11, 2, 8), 4), Visit(1, Budi, Local(11, 9, 8), 4), Visit(1, Budi, Local(11, 16, 8), 4),
            Visit(2, Budi, Local(11, 9, 13), 4), Visit(2, Budi, Local(11, 16, 13), 4),
            Visit(3, Budi, Local(11, 17, 8), 4),
            Visit(4, Budi, Local(11, 2, 13), 4),
            // Budi, this week
            Visit(1, Budi, Local(11, 23, 8), 5),
            Visit(2, Budi, Local(11, 24, 8), 4.5),
            Visit(3, Budi, Local(11, 25, 8), 2, VisitFlags.Short),
            // Sari: October, earlier November, this week
            Visit(5, Sari, Local(10, 26, 8), 4),
            Visit(5, Sari, Local(11, 2, 8), 4), Visit(5, Sari, Local(11, 9, 8), 4), Visit(5, Sari, Local(11, 16, 8), 4),
            Visit(5, Sari, Local(11, 23, 8), 4),
            Visit(6, Sari, Local(11, 24, 8), 4, VisitFlags.Retro),
            Visit(7, Sari, Local(11, 24, 13), 4),
            Visit(8, Sari, Local(11, 23, 13), 4, VisitFlags.FarFromProductionHouse, 1250, "jalan ditutup banjir"),
        };
        return new DigestData
        {
            Cohort = Cohort(),
            Businesses = businesses,
            Memberships = [.. Enumerable.Range(1, 8).Select(Member)],
            Assignments = [.. Enumerable.Range(1, 4).Select(i => Assign(i, Budi)), .. Enumerable.Range(5, 4).Select(i => Assign(i, Sari))],
            Staff = [Mentor(Budi, "Budi Santoso"), Mentor(Sari, "Sari Dewi")],
            Visits = visits,
            Diagnoses =
            [
                Diagnosis(1, ("production", 2), ("marketing", 2)),
                Diagnosis(2, ("production", 2), ("marketing", 1)),
                Diagnosis(3, ("production", 3)),
                Diagnosis(5, ("production", 3), ("marketing", 2)),
                Diagnosis(6, ("production", 3)),
                Diagnosis(7, ("production", 4)),
                Diagnosis(8, ("production", 2)),
            ],
            Evaluations =
            [
                Evaluation(1, Budi, "2026-11", ("production", 4), ("marketing", 3)),
                Evaluation(2, Budi, "2026-11", ("production", 3), ("marketing", 2)),
                Evaluation(5, Sari, "2026-11", ("production", 4), ("marketing", 3)),
                Evaluation(6, Sari, "2026-11", ("production", 3)),
            ],
            UnreachableUserIds = [1002, 999],
            NewRegistrations = [Business(9, "Kopi Kamang", "kopi")],
            Now = Local(11, 26, 10),
        };
    }

    public static Questionnaire DiagnosisQuestionnaire => field ??= Load();

    private static Questionnaire Load()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "questionnaires", "diagnosis.yaml");
            if (File.Exists(path))
            {
                var result = QuestionnaireFiles.Load(path);
                return result.Questionnaire ?? throw new InvalidOperationException(string.Join("\n", result.Errors));
            }
        }

        throw new FileNotFoundException("questionnaires/diagnosis.yaml not found above " + AppContext.BaseDirectory);
    }
}
