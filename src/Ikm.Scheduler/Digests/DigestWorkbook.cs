using System.Globalization;
using Ikm.Workflow.Parsing;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Mentoring.Rules;
using Ikm.Workflow.Questionnaires;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Ikm.Scheduler.Digests;

/// <summary>
/// The coordinator workbook (MiniExcel): sheets IKM, Kunjungan, Evaluasi, Pendamping (and Audit in /ekspor) — sheet
/// names, headers and status words in the reader's language. Numbers are number cells (turnover in rupiah, hours,
/// scores) and dates are date cells, so a coordinator can sum, sort and filter them.
/// </summary>
internal static class DigestWorkbook
{
    private const string DateFormat = "yyyy-mm-dd";
    private const string DateTimeFormat = "yyyy-mm-dd hh:mm";
    private const string RupiahFormat = "#,##0";

    /// <param name="range">Visits started in it are listed.</param>
    /// <param name="month">Evaluations of this month only; every evaluation when null.</param>
    /// <param name="audit">The cohort's audit records for an Audit sheet; no such sheet when null.</param>
    public static Workbook Build(
        CohortIndex index,
        Questionnaire diagnosis,
        string lang,
        Func<string?, string> sentra,
        IReadOnlyList<RankedIkm> ranking,
        IReadOnlyList<MentorProgress> mentors,
        UtcRange range,
        string? month = null,
        IReadOnlyList<Workflow.Audit.AuditEntry>? audit = null)
    {
        var calendar = index.Calendar;
        var yes = DigestTexts.Yes.In(lang);
        var no = DigestTexts.No.In(lang);

        var ikms = ranking.Select(r =>
        {
            var p = r.Ikm;
            var b = index.BusinessById[p.BusinessId];
            return new IkmRow
            {
                Rank = r.Rank,
                Ikm = p.Name,
                Owner = b.OwnerName,
                Commodity = sentra(b.Commodity),
                Kecamatan = b.Kecamatan,
                Kelurahan = b.Kelurahan,
                Mentor = p.MentorName,
                Workers = b.Workers,
                MonthlyTurnover = b.MonthlyTurnover,
                Legality = string.Join(", ", b.Legality),
                KeepsBooks = b.KeepsBooks ? yes : no,
                BankAccount = b.HasBankAccount ? yes : no,
                DiagnosisCompleted = p.DiagnosisCompleted ? yes : no,
                ScoreAtDiagnosis = Round(p.DiagnosisAverage),
                ScoreNow = Round(p.CurrentAverage),
                ScoreChange = Round(p.ScoreChange),
                AreasEvaluated = p.AreasEvaluated,
                Visits = p.Visits,
                Hours = Math.Round(p.Hours, 1),
                LastVisit = p.LastVisitAt is { } last ? Date(calendar, last) : null,
                Registered = Date(calendar, b.RegisteredAt),
            };
        }).ToList();

        var visits = index.Visits
            .Where(v => range.Contains(v.StartedAt) && index.BusinessById.ContainsKey(v.BusinessId))
            .OrderBy(v => v.StartedAt)
            .ThenBy(v => v.Id, StringComparer.Ordinal)
            .Select(v =>
            {
                var start = calendar.ToLocal(v.StartedAt);
                return new VisitRow
                {
                    Date = start.Date,
                    Start = start.ToString("HH:mm", CultureInfo.InvariantCulture),
                    End = v.EndedAt is { } end ? calendar.ToLocal(end).DateTime : null,
                    Hours = Math.Round(DigestBuilder.Hours(v), 2),
                    Ikm = index.BusinessName(v.BusinessId),
                    Mentor = index.MentorName(v.MentorUserId),
                    Status = WorkbookTexts.Status(v.Status, lang),
                    Flags = v.Flags == VisitFlags.None ? null : WorkbookTexts.Flags(v.Flags, lang),
                    DistanceMeters = v.DistanceMeters is { } d ? Math.Round(d) : null,
                    DistanceReason = v.DistanceReason,
                    RetroReason = v.RetroReason,
                    Areas = string.Join(", ", v.Areas.Select(a => diagnosis.FindArea(a)?.Label.Get(lang) ?? a)),
                    Problem = v.Problem,
                    Mentored = v.Mentored,
                    Result = v.Result,
                    NextStep = v.NextStep,
                };
            })
            .ToList();

        var baselines = index.Baselines(index.Data.Now);
        var evaluations = index.Data.Evaluations
            .Where(e => e.CohortId == index.Cohort.Id && e.CompletedAt is not null && index.BusinessById.ContainsKey(e.BusinessId)
                && (month is null || e.Month == month))
            .OrderBy(e => e.Month, StringComparer.Ordinal)
            .ThenByBusinessName(e => index.BusinessName(e.BusinessId), e => e.BusinessId)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .SelectMany(e => e.Areas.Select(a => new EvaluationRow
            {
                Month = e.Month,
                Ikm = index.BusinessName(e.BusinessId),
                Author = e.SelfAssessment ? index.BusinessName(e.BusinessId) : index.MentorName(e.AuthorUserId),
                SelfAssessment = e.SelfAssessment ? yes : no,
                Area = diagnosis.FindArea(a.AreaId)?.Label.Get(lang) ?? a.AreaId,
                Score = a.Score,
                ScoreAtDiagnosis = baselines.TryGetValue(e.BusinessId, out var b) && b.AreaScores.TryGetValue(a.AreaId, out var s) ? Math.Round(s, 1) : null,
                ChangeFromDiagnosis = a.DeltaFromDiagnosis,
                ChangeFromPreviousMonth = a.DeltaFromPreviousMonth,
                Problem = a.Problem,
                Mentored = a.Mentored,
                Result = a.Result,
                Completed = e.CompletedAt is { } at ? Date(calendar, at) : null,
            }))
            .ToList();

        var mentorRows = mentors.Select(m => new MentorRow
        {
            Mentor = m.Name,
            IkmsAssigned = m.IkmsAssigned,
            Visits = m.Visits,
            Hours = Math.Round(m.Hours, 1),
            HoursPerVisit = m.Visits == 0 ? null : Math.Round(m.Hours / m.Visits, 1),
            ShortVisits = m.ShortVisits,
            AverageScoreChange = Round(m.AverageScoreChange),
        }).ToList();

        var sheets = new Dictionary<string, object>
        {
            [WorkbookTexts.IkmSheet.In(lang)] = ikms,
            [WorkbookTexts.VisitSheet.In(lang)] = visits,
            [WorkbookTexts.EvaluationSheet.In(lang)] = evaluations,
            [WorkbookTexts.MentorSheet.In(lang)] = mentorRows,
        };
        if (audit is not null)
            sheets[WorkbookTexts.AuditSheet.In(lang)] = AuditRows(calendar, lang, audit);
        var configuration = new OpenXmlConfiguration
        {
            DynamicColumns = [.. Headers(lang).Select(h => new DynamicExcelColumn(h.Key) { Name = h.Value, Format = Formats.GetValueOrDefault(h.Key) })],
            EnableAutoWidth = false,
        };
        return new Workbook(sheets, configuration);
    }

    /// <summary>Oldest first, as a trail is read; ids, codes and the field's old and new value only — what the record holds.</summary>
    private static List<AuditRow> AuditRows(ProgramCalendar calendar, string lang, IReadOnlyList<Workflow.Audit.AuditEntry> audit) =>
    [
        .. audit.OrderBy(e => e.Id, StringComparer.Ordinal).Select(e => new AuditRow
        {
            Time = calendar.ToLocal(e.At).DateTime,
            ActorId = e.ActorUserId,
            ActorRole = Workflow.Audit.AuditTexts.Role(e.ActorRole, lang),
            Action = Workflow.Audit.AuditTexts.Action(e.Action, lang),
            Targets = string.Join(", ", e.Targets),
            Field = e.Field,
            OldValue = e.OldValue,
            NewValue = e.NewValue,
        }),
    ];

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 2) : null;

    private static DateTime Date(ProgramCalendar calendar, DateTimeOffset instant) =>
        calendar.LocalDate(instant).ToDateTime(TimeOnly.MinValue);

    /// <summary>The cell format of the columns that are not plain numbers or text, by property name.</summary>
    private static readonly Dictionary<string, string> Formats = new(StringComparer.Ordinal)
    {
        [nameof(IkmRow.MonthlyTurnover)] = RupiahFormat,
        [nameof(IkmRow.LastVisit)] = DateFormat,
        [nameof(IkmRow.Registered)] = DateFormat,
        [nameof(VisitRow.Date)] = DateFormat,
        [nameof(VisitRow.End)] = DateTimeFormat,
        [nameof(EvaluationRow.Completed)] = DateFormat,
        [nameof(AuditRow.Time)] = DateTimeFormat,
    };

    /// <summary>Column headers by property name; a name shared by two sheets means the same thing in both.</summary>
    private static Dictionary<string, string> Headers(string lang)
    {
        var en = lang == Workflow.Texts.Languages.English;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [nameof(IkmRow.Rank)] = en ? "Rank" : "Peringkat",
            [nameof(IkmRow.Ikm)] = "IKM",
            [nameof(IkmRow.Owner)] = en ? "Owner" : "Pemilik",
            [nameof(IkmRow.Commodity)] = en ? "Commodity" : "Komoditas",
            [nameof(IkmRow.Kecamatan)] = "Kecamatan",
            [nameof(IkmRow.Kelurahan)] = "Kelurahan",
            [nameof(IkmRow.Mentor)] = en ? "Mentor" : "Pendamping",
            [nameof(IkmRow.Workers)] = en ? "Workers" : "Tenaga kerja",
            [nameof(IkmRow.MonthlyTurnover)] = en ? "Monthly turnover (Rp)" : "Omzet per bulan (Rp)",
            [nameof(IkmRow.Legality)] = en ? "Licences" : "Izin",
            [nameof(IkmRow.KeepsBooks)] = en ? "Keeps books" : "Pembukuan",
            [nameof(IkmRow.BankAccount)] = en ? "Bank account" : "Rekening bank",
            [nameof(IkmRow.DiagnosisCompleted)] = en ? "Diagnosis done" : "Diagnosis selesai",
            [nameof(IkmRow.ScoreAtDiagnosis)] = en ? "Score at diagnosis" : "Skor diagnosis",
            [nameof(IkmRow.ScoreNow)] = en ? "Score now" : "Skor sekarang",
            [nameof(IkmRow.ScoreChange)] = en ? "Score change" : "Perubahan skor",
            [nameof(IkmRow.AreasEvaluated)] = en ? "Areas evaluated" : "Bidang dievaluasi",
            [nameof(IkmRow.Visits)] = en ? "Visits" : "Kunjungan",
            [nameof(IkmRow.Hours)] = en ? "Hours" : "Jam",
            [nameof(IkmRow.LastVisit)] = en ? "Last visit" : "Kunjungan terakhir",
            [nameof(IkmRow.Registered)] = en ? "Registered" : "Terdaftar",
            [nameof(VisitRow.Date)] = en ? "Date" : "Tanggal",
            [nameof(VisitRow.Start)] = en ? "Start" : "Mulai",
            [nameof(VisitRow.End)] = en ? "End" : "Selesai",
            [nameof(VisitRow.Status)] = "Status",
            [nameof(VisitRow.Flags)] = en ? "Flags" : "Tanda",
            [nameof(VisitRow.DistanceMeters)] = en ? "Distance (m)" : "Jarak (m)",
            [nameof(VisitRow.DistanceReason)] = en ? "Distance reason" : "Alasan jarak",
            [nameof(VisitRow.RetroReason)] = en ? "Retro reason" : "Alasan susulan",
            [nameof(VisitRow.Areas)] = en ? "Areas" : "Bidang",
            [nameof(VisitRow.Problem)] = en ? "Problem" : "Masalah",
            [nameof(VisitRow.Mentored)] = en ? "Mentored" : "Yang didampingi",
            [nameof(VisitRow.Result)] = en ? "Result" : "Hasil",
            [nameof(VisitRow.NextStep)] = en ? "Next step" : "Langkah berikutnya",
            [nameof(EvaluationRow.Month)] = en ? "Month" : "Bulan",
            [nameof(EvaluationRow.Author)] = en ? "Evaluated by" : "Penilai",
            [nameof(EvaluationRow.SelfAssessment)] = en ? "Self-assessment" : "Penilaian diri",
            [nameof(EvaluationRow.Area)] = en ? "Area" : "Bidang",
            [nameof(EvaluationRow.Score)] = en ? "Score" : "Skor",
            [nameof(EvaluationRow.ChangeFromDiagnosis)] = en ? "Change from diagnosis" : "Perubahan dari diagnosis",
            [nameof(EvaluationRow.ChangeFromPreviousMonth)] = en ? "Change from last month" : "Perubahan dari bulan lalu",
            [nameof(EvaluationRow.Completed)] = en ? "Completed" : "Selesai diisi",
            [nameof(MentorRow.IkmsAssigned)] = en ? "IKMs assigned" : "IKM didampingi",
            [nameof(MentorRow.HoursPerVisit)] = en ? "Hours per visit" : "Jam per kunjungan",
            [nameof(MentorRow.ShortVisits)] = en ? "Short visits" : "Kunjungan singkat",
            [nameof(MentorRow.AverageScoreChange)] = en ? "Average score change" : "Rata-rata perubahan skor",
            [nameof(AuditRow.Time)] = en ? "Time" : "Waktu",
            [nameof(AuditRow.ActorId)] = en ? "Actor (user id)" : "Pelaku (id pengguna)",
            [nameof(AuditRow.ActorRole)] = en ? "Role" : "Peran",
            [nameof(AuditRow.Action)] = en ? "Action" : "Tindakan",
            [nameof(AuditRow.Targets)] = en ? "Targets" : "Sasaran",
            [nameof(AuditRow.Field)] = en ? "Field" : "Kolom",
            [nameof(AuditRow.OldValue)] = en ? "Old value" : "Nilai lama",
            [nameof(AuditRow.NewValue)] = en ? "New value" : "Nilai baru",
        };
    }

    internal sealed class IkmRow
    {
        public int Rank { get; init; }
        public string Ikm { get; init; } = "";
        public string? Owner { get; init; }
        public string? Commodity { get; init; }
        public string? Kecamatan { get; init; }
        public string? Kelurahan { get; init; }
        public string? Mentor { get; init; }
        public int Workers { get; init; }
        public decimal MonthlyTurnover { get; init; }
        public string? Legality { get; init; }
        public string KeepsBooks { get; init; } = "";
        public string BankAccount { get; init; } = "";
        public string DiagnosisCompleted { get; init; } = "";
        public double? ScoreAtDiagnosis { get; init; }
        public double? ScoreNow { get; init; }
        public double? ScoreChange { get; init; }
        public int AreasEvaluated { get; init; }
        public int Visits { get; init; }
        public double Hours { get; init; }
        public DateTime? LastVisit { get; init; }
        public DateTime? Registered { get; init; }
    }

    internal sealed class VisitRow
    {
        public DateTime Date { get; init; }
        public string Start { get; init; } = "";
        public DateTime? End { get; init; }
        public double Hours { get; init; }
        public string Ikm { get; init; } = "";
        public string Mentor { get; init; } = "";
        public string Status { get; init; } = "";
        public string? Flags { get; init; }
        public double? DistanceMeters { get; init; }
        public string? DistanceReason { get; init; }
        public string? RetroReason { get; init; }
        public string? Areas { get; init; }
        public string? Problem { get; init; }
        public string? Mentored { get; init; }
        public string? Result { get; init; }
        public string? NextStep { get; init; }
    }

    internal sealed class EvaluationRow
    {
        public string Month { get; init; } = "";
        public string Ikm { get; init; } = "";
        public string Author { get; init; } = "";
        public string SelfAssessment { get; init; } = "";
        public string Area { get; init; } = "";
        public int Score { get; init; }
        public double? ScoreAtDiagnosis { get; init; }
        public double? ChangeFromDiagnosis { get; init; }
        public double? ChangeFromPreviousMonth { get; init; }
        public string? Problem { get; init; }
        public string? Mentored { get; init; }
        public string? Result { get; init; }
        public DateTime? Completed { get; init; }
    }

    internal sealed class MentorRow
    {
        public string Mentor { get; init; } = "";
        public int IkmsAssigned { get; init; }
        public int Visits { get; init; }
        public double Hours { get; init; }
        public double? HoursPerVisit { get; init; }
        public int ShortVisits { get; init; }
        public double? AverageScoreChange { get; init; }
    }

    internal sealed class AuditRow
    {
        public DateTime Time { get; init; }
        public long ActorId { get; init; }
        public string ActorRole { get; init; } = "";
        public string Action { get; init; } = "";
        public string Targets { get; init; } = "";
        public string? Field { get; init; }
        public string? OldValue { get; init; }
        public string? NewValue { get; init; }
    }
}
