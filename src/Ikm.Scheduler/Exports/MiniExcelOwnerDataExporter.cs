using System.Globalization;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Flows.OwnerData;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Texts;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Ikm.Scheduler.Exports;

/// <summary>
/// /datasaya as a workbook in the owner's language, one sheet per kind of record: Profil (account, business, consent),
/// Diagnosis (one row per area score), Jawaban (every diagnosis answer), Program (memberships), Kunjungan (visits),
/// Evaluasi (mentors' monthly evaluations, one row per area), Penilaian diri (self-assessments, one row per area),
/// Belum selesai (unfinished answers). Numbers are number cells and times are date cells (UTC).
/// </summary>
public sealed class MiniExcelOwnerDataExporter(SentraLabels sentra) : IOwnerDataExporter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private const string TimeFormat = "yyyy-mm-dd hh:mm";

    public byte[] ToXlsx(OwnerDataSnapshot snapshot)
    {
        var lang = Languages.Normalize(snapshot.Member?.Language, Languages.Indonesian);
        string T(Text text) => text.In(lang);
        string YesNo(bool value) => T(value ? OwnerWorkbookTexts.Yes : OwnerWorkbookTexts.No);
        var business = snapshot.Business;
        var profile = new List<Dictionary<string, object?>>();
        void Row(Text field, object? value) => profile.Add(new() { [T(OwnerWorkbookTexts.Field)] = T(field), [T(OwnerWorkbookTexts.Value)] = value });
        Row(OwnerWorkbookTexts.Exported, Time(snapshot.ExportedAt));
        Row(OwnerWorkbookTexts.Role, snapshot.Member is { } member ? OwnerWorkbookTexts.Of(member.Role, lang) : null);
        Row(OwnerWorkbookTexts.Language, snapshot.Member?.Language);
        if (business is not null)
        {
            Row(OwnerWorkbookTexts.OwnerName, business.OwnerName);
            Row(OwnerWorkbookTexts.BusinessName, business.BusinessName);
            Row(OwnerWorkbookTexts.Products, business.Products);
            Row(OwnerWorkbookTexts.Commodity, sentra.Of(business.Commodity, lang));
            Row(new Text("Kecamatan", "Kecamatan"), business.Kecamatan);
            Row(new Text("Kelurahan", "Kelurahan"), business.Kelurahan);
            Row(OwnerWorkbookTexts.Location, business.Location is { } p ? string.Create(Invariant, $"{p.Latitude}, {p.Longitude}") : null);
            Row(OwnerWorkbookTexts.Phone, business.Phone);
            Row(OwnerWorkbookTexts.Workers, business.Workers);
            Row(OwnerWorkbookTexts.Turnover, business.MonthlyTurnover);
            Row(OwnerWorkbookTexts.Licences, string.Join(", ", business.Legality));
            Row(OwnerWorkbookTexts.Bookkeeping, YesNo(business.KeepsBooks));
            Row(OwnerWorkbookTexts.BankAccount, YesNo(business.HasBankAccount));
            Row(OwnerWorkbookTexts.BankCredit, business.HadBankCredit is { } credit ? YesNo(credit) : "-");
            Row(OwnerWorkbookTexts.ConsentVersion, business.Consent?.TextVersion);
            Row(OwnerWorkbookTexts.ConsentTime, business.Consent is { } consent ? Time(consent.AcceptedAt) : null);
            Row(OwnerWorkbookTexts.Registered, Time(business.RegisteredAt));
        }

        string diagnosisId = T(OwnerWorkbookTexts.DiagnosisSheet), started = T(OwnerWorkbookTexts.Started), status = T(OwnerWorkbookTexts.Status),
            area = T(OwnerWorkbookTexts.Area), score = T(OwnerWorkbookTexts.Score), questionnaire = T(OwnerWorkbookTexts.Questionnaire),
            question = T(OwnerWorkbookTexts.Question), answer = T(OwnerWorkbookTexts.Answer), source = T(OwnerWorkbookTexts.Source), cohort = T(OwnerWorkbookTexts.Cohort),
            requested = T(OwnerWorkbookTexts.Requested), decided = T(OwnerWorkbookTexts.Decided), ended = T(OwnerWorkbookTexts.Ended),
            hours = T(OwnerWorkbookTexts.Hours), mentor = T(OwnerWorkbookTexts.Mentor), problem = T(OwnerWorkbookTexts.Problem),
            mentored = T(OwnerWorkbookTexts.Mentored), result = T(OwnerWorkbookTexts.Result), nextStep = T(OwnerWorkbookTexts.NextStep),
            photos = T(OwnerWorkbookTexts.Photos), month = T(OwnerWorkbookTexts.Month), flow = T(OwnerWorkbookTexts.Flow), field = T(OwnerWorkbookTexts.Field);

        var scores = snapshot.Diagnoses.SelectMany(d => d.AreaScores.Select(a => new Dictionary<string, object?>
        {
            [diagnosisId] = d.Id.ToString(),
            [started] = Time(d.StartedAt),
            [status] = OwnerWorkbookTexts.Of(d.Status, lang),
            [area] = a.Key,
            [score] = a.Value,
        })).ToList();
        var answers = snapshot.Diagnoses.SelectMany(d => d.Answers.Select(a => new Dictionary<string, object?>
        {
            [diagnosisId] = d.Id.ToString(),
            [questionnaire] = $"{d.QuestionnaireId} {d.QuestionnaireVersion}",
            [question] = a.Key,
            [answer] = a.Value,
            [source] = T(d.FromProfile.Contains(a.Key) ? OwnerWorkbookTexts.FromProfile : OwnerWorkbookTexts.Answered),
        })).ToList();
        var memberships = snapshot.Memberships.Select(m => new Dictionary<string, object?>
        {
            [cohort] = m.Cohort,
            [status] = OwnerWorkbookTexts.Of(m.Status, lang),
            [requested] = Time(m.RequestedAt),
            [decided] = m.DecidedAt is { } at ? Time(at) : null,
        }).ToList();
        var visits = snapshot.Visits.Select(v => new Dictionary<string, object?>
        {
            [started] = Time(v.StartedAt),
            [ended] = v.EndedAt is { } at ? Time(at) : null,
            [hours] = v.Hours,
            [mentor] = v.Mentor,
            [status] = Digests.WorkbookTexts.Status(v.Status, lang),
            [problem] = v.Problem,
            [mentored] = v.Mentored,
            [result] = v.Result,
            [nextStep] = v.NextStep,
            [area] = string.Join(", ", v.Areas),
            [photos] = v.Photos,
        }).ToList();
        List<Dictionary<string, object?>> AreaRows(IReadOnlyList<OwnerEvaluation> evaluations, bool withAuthor) =>
            [.. evaluations.SelectMany(e => e.Areas.Select(a =>
            {
                var row = new Dictionary<string, object?> { [month] = e.Month };
                if (withAuthor) row[mentor] = e.Author;
                row[area] = a.AreaId;
                row[score] = a.Score;
                row[problem] = a.Problem;
                row[mentored] = a.Mentored;
                row[result] = a.Result;
                return row;
            }))];

        var sheets = new Dictionary<string, object>
        {
            [T(OwnerWorkbookTexts.ProfileSheet)] = profile,
            [T(OwnerWorkbookTexts.DiagnosisSheet)] = Sheet(scores, diagnosisId, started, status, area, score),
            [T(OwnerWorkbookTexts.AnswersSheet)] = Sheet(answers, diagnosisId, questionnaire, question, answer, source),
            [T(OwnerWorkbookTexts.ProgramSheet)] = Sheet(memberships, cohort, status, requested, decided),
            [T(OwnerWorkbookTexts.VisitSheet)] = Sheet(visits, started, ended, hours, mentor, status, problem, mentored, result, nextStep, area, photos),
            [T(OwnerWorkbookTexts.EvaluationSheet)] = Sheet(AreaRows(snapshot.Evaluations, withAuthor: true), month, mentor, area, score, problem, mentored, result),
            [T(OwnerWorkbookTexts.SelfAssessmentSheet)] = Sheet(AreaRows(snapshot.SelfAssessments, withAuthor: false), month, area, score, problem, mentored, result),
            [T(OwnerWorkbookTexts.InProgressSheet)] = Sheet(
                snapshot.AnswersInProgress?.Answers.Select(a => new Dictionary<string, object?>
                {
                    [flow] = snapshot.AnswersInProgress.Flow,
                    [field] = a.Key,
                    [answer] = a.Value,
                }).ToList() ?? [],
                flow, field, answer),
        };
        var configuration = new OpenXmlConfiguration
        {
            DynamicColumns = [.. new[] { started, ended, requested, decided }.Select(c => new DynamicExcelColumn(c) { Format = TimeFormat })],
            EnableAutoWidth = false,
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, configuration: configuration);
        return stream.ToArray();
    }

    /// <summary>The rows, or one empty row so an empty sheet still shows its column headers.</summary>
    private static List<Dictionary<string, object?>> Sheet(List<Dictionary<string, object?>> rows, params string[] columns) =>
        rows.Count > 0 ? rows : [columns.ToDictionary(c => c, _ => (object?)null)];

    /// <summary>A date cell: the instant in UTC (the workbook says so in its headers).</summary>
    private static DateTime Time(DateTimeOffset at) => at.UtcDateTime;
}
