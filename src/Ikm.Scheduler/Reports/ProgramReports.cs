using Ikm.Scheduler.Digests;
using Ikm.Workflow.Parsing;
using Ikm.Workflow.Audit;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Mentoring.Rules;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Texts;

namespace Ikm.Scheduler.Reports;

/// <summary>Loads a cohort's data once and hands it to the <see cref="DigestBuilder"/>.</summary>
public sealed class ProgramReports(
    IDocumentStore documents,
    IBotStore store,
    IQuestionnaireCatalog catalog,
    DigestBuilder builder,
    ReportFileWriter writer,
    TimeProvider time) : IProgramReports
{
    public async Task<ProgramReport> WeeklyAsync(string cohortId, string language, CancellationToken ct) =>
        await LoadAsync(cohortId, ct) is { } data ? From(builder.Weekly(data, language), language, "ringkasan", "summary") : new ProgramReport("-");

    public Task<ProgramReport> ExportAsync(string cohortId, string language, CancellationToken ct) =>
        ExportAsync(cohortId, language, (workbook, stem) => writer.Write(workbook, stem, language), ct);

    public Task<ProgramReport> ExportCsvAsync(string cohortId, string language, CancellationToken ct) =>
        ExportAsync(cohortId, language, (workbook, stem) => [writer.WriteCsv(workbook, stem)], ct);

    private async Task<ProgramReport> ExportAsync(string cohortId, string language, Func<Workbook, string, IReadOnlyList<ReportFile>> write, CancellationToken ct)
    {
        if (await LoadAsync(cohortId, ct) is not { } loaded) return new ProgramReport("-");
        var data = loaded with { Audit = await documents.FindAsync<AuditEntry>(DocumentIndex.Cohort(cohortId), ct) };
        var text = language == Languages.English
            ? $"Export of {data.Cohort.Name}: {data.Businesses.Count} IKMs, {data.Visits.Count} visits, {data.Evaluations.Count} evaluations."
            : $"Ekspor {data.Cohort.Name}: {data.Businesses.Count} IKM, {data.Visits.Count} kunjungan, {data.Evaluations.Count} evaluasi.";
        return new ProgramReport(text, write(builder.Export(data, catalog.Diagnosis, language), Stem(language, "ekspor", "export")));
    }

    public async Task<ProgramReport> RankingAsync(string cohortId, string language, CancellationToken ct) =>
        await LoadAsync(cohortId, ct) is { } data ? new ProgramReport(builder.Ranking(data, language)) : new ProgramReport("-");

    public async Task<ProgramReport> LateAsync(string cohortId, string language, CancellationToken ct)
    {
        if (await LoadAsync(cohortId, ct) is not { } data) return new ProgramReport("-");
        var report = ComplianceCalculator.Calculate(data.Cohort, data.Assignments, data.Visits, data.Now);
        var names = data.Businesses.ToDictionary(b => b.Id, b => b.BusinessName ?? "IKM");
        string Mentor(long id) => data.Staff.FirstOrDefault(s => s.UserId == id)?.DisplayName ?? id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var en = language == Languages.English;
        (string Heading, List<string> Items)[] sections =
        [
            (en ? "Not visited this week:" : "Belum dikunjungi minggu ini:",
                [.. report.NotVisitedThisWeek.Select(i => $"• {names.GetValueOrDefault(i.BusinessId, "IKM")} — {Mentor(i.MentorUserId)}")]),
            (en ? $"No visit for {report.NoVisitWeeks}+ weeks:" : $"Tanpa kunjungan {report.NoVisitWeeks}+ minggu:",
                [.. report.WithoutVisit.Select(i => $"• {names.GetValueOrDefault(i.BusinessId, "IKM")} — {Mentor(i.MentorUserId)}")]),
            (en ? "Mentors below the rules:" : "Pendamping di bawah aturan:",
                [.. report.Mentors.Where(m => m.ComplianceRate < 1 || m.OverCapacity)
                    .Select(m => $"• {Mentor(m.MentorUserId)}: {m.IkmsCompliant}/{m.IkmsAssigned}{(m.OverCapacity ? (en ? ", over capacity" : ", melebihi kapasitas") : "")}")]),
        ];
        var lines = new List<string> { en ? $"⏳ Behind the rules (week {IndonesianFormat.Week(report.Week.Monday, language)}):" : $"⏳ Yang tertinggal dari aturan (minggu {IndonesianFormat.Week(report.Week.Monday, language)}):" };
        // Only what is late is listed: a heading with nothing under it reads as if something were missing.
        foreach (var (heading, items) in sections.Where(s => s.Items.Count > 0))
            lines.AddRange([heading, .. items]);
        if (lines.Count == 1) lines.Add(DigestTexts.NothingLate.In(language));
        // Each IKM behind the rules offers its card: the owner's phone and the map link are one tap away.
        var cards = report.NotVisitedThisWeek.Select(i => i.BusinessId).Concat(report.WithoutVisit.Select(i => i.BusinessId)).Distinct()
            .Select(id => (IReadOnlyList<Workflow.Messaging.Button>)[Workflow.Mentoring.Cards.IkmCardActions.Button(
                Workflow.Mentoring.Cards.IkmCardTexts.Open.In(language, names.GetValueOrDefault(id, "IKM")), id)])
            .ToList();
        return new ProgramReport(string.Join("\n", lines)) { Buttons = cards.Count > 0 ? cards : null };
    }

    /// <summary>The weekly digest of the week before <paramref name="now"/> (Monday 08:00 job).</summary>
    public async Task<Digest?> PreviousWeekAsync(string cohortId, string language, CancellationToken ct) =>
        await LoadAsync(cohortId, ct) is { } data ? builder.Weekly(data, language, ProgramCalendar.For(data.Cohort).WeekOf(data.Now).Previous()) : null;

    /// <summary>The monthly digest of the month before <paramref name="now"/> (first-of-month job).</summary>
    public async Task<Digest?> PreviousMonthAsync(string cohortId, string language, CancellationToken ct) =>
        await LoadAsync(cohortId, ct) is { } data ? builder.Monthly(data, catalog.Diagnosis, language, ProgramCalendar.For(data.Cohort).MonthOf(data.Now).Previous()) : null;

    /// <summary>The digest with its chart and workbook written as files.</summary>
    public IReadOnlyList<ReportFile> Files(Digest digest, string language, string stem)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var files = new List<ReportFile>();
        if (digest.ChartPng is { } png)
            files.Add(writer.Write(Workflow.Messaging.OutgoingKind.Photo, $"grafik-{stem}.png", png));
        if (digest.Workbook is { } workbook)
            files.AddRange(writer.Write(workbook, stem, language));
        return files;
    }

    private ProgramReport From(Digest digest, string language, string indonesian, string english) =>
        new(digest.Text, Files(digest, language, Stem(language, indonesian, english)));

    /// <summary>"ekspor-20261202": the file name's stem, in the reader's language, dated today.</summary>
    private string Stem(string language, string indonesian, string english) =>
        $"{(language == Languages.English ? english : indonesian)}-{time.GetUtcNow().ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)}";

    private async Task<DigestData?> LoadAsync(string cohortId, CancellationToken ct)
    {
        var cohort = await documents.GetAsync<Cohort>(cohortId, ct);
        if (cohort is null) return null;
        var memberships = await documents.FindAsync<CohortMembership>(DocumentIndex.Cohort(cohortId), ct);
        var ids = memberships.Select(m => m.BusinessId).ToHashSet();
        var businesses = (await documents.GetBusinessesAsync(ct)).Where(b => ids.Contains(b.Id)).ToList();
        var diagnoses = new List<DiagnosisResponse>();
        foreach (var business in businesses.Where(b => b.OwnerUserId != 0))
            diagnoses.AddRange(await documents.GetDiagnosesByOwnerAsync(business.OwnerUserId, ct));
        var staff = await documents.FindAsync<CohortStaff>(DocumentIndex.Cohort(cohortId), ct);
        var people = staff.Select(s => s.UserId).Concat(businesses.Select(b => b.OwnerUserId)).Where(id => id != 0).Distinct().ToList();
        var members = await store.GetMembersAsync(people, ct);
        var now = time.GetUtcNow();
        var week = ProgramCalendar.For(cohort).WeekBoundsOf(now);
        return new DigestData
        {
            Cohort = cohort,
            Businesses = businesses,
            Memberships = memberships,
            Assignments = await documents.FindAsync<Assignment>(DocumentIndex.Cohort(cohortId), ct),
            Staff = staff,
            Visits = await documents.FindAsync<Visit>(DocumentIndex.Cohort(cohortId), ct),
            Evaluations = await documents.FindAsync<Evaluation>(DocumentIndex.Cohort(cohortId), ct),
            Diagnoses = diagnoses,
            UnreachableUserIds = [.. members.Values.Where(m => m.Unreachable).Select(m => m.UserId)],
            NewRegistrations = [.. businesses.Where(b => b.RegisteredAt >= week.Start.AddDays(-7) && b.RegisteredAt < now)],
            Now = now,
        };
    }
}
