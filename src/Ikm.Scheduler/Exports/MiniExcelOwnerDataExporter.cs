using System.Globalization;
using Ikm.Workflow.Flows.OwnerData;
using Ikm.Workflow.Ports;
using MiniExcelLibs;

namespace Ikm.Scheduler.Exports;

/// <summary>
/// /datasaya as a workbook, one sheet per kind of record: Profil (account, business, consent), Diagnosis (one row per
/// area score), Jawaban (every diagnosis answer), Program (memberships), Kunjungan (visits), Evaluasi (mentors' monthly
/// evaluations, one row per area), Penilaian diri (self-assessments, one row per area), Belum selesai (unfinished answers).
/// </summary>
public sealed class MiniExcelOwnerDataExporter : IOwnerDataExporter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public byte[] ToXlsx(OwnerDataSnapshot snapshot)
    {
        var business = snapshot.Business;
        var profile = new List<Dictionary<string, object?>>();
        void Row(string field, object? value) => profile.Add(new() { ["Isian"] = field, ["Nilai"] = value });
        Row("Diekspor", Time(snapshot.ExportedAt));
        Row("Peran", snapshot.Member?.Role.ToString());
        Row("Bahasa", snapshot.Member?.Language);
        if (business is not null)
        {
            Row("Nama pemilik", business.OwnerName);
            Row("Nama usaha", business.BusinessName);
            Row("Produk", business.Products);
            Row("Komoditas", business.Commodity);
            Row("Kecamatan", business.Kecamatan);
            Row("Kelurahan", business.Kelurahan);
            Row("Lokasi", business.Location is { } p ? string.Create(Invariant, $"{p.Latitude}, {p.Longitude}") : null);
            Row("No. HP", business.Phone);
            Row("Tenaga kerja", business.Workers);
            Row("Omzet per bulan (Rp)", business.MonthlyTurnover);
            Row("Izin", string.Join(", ", business.Legality));
            Row("Pembukuan", business.KeepsBooks ? "Ya" : "Tidak");
            Row("Rekening bank", business.HasBankAccount ? "Ya" : "Tidak");
            Row("Kredit bank", business.HadBankCredit switch { true => "Ya", false => "Tidak", null => "-" });
            Row("Persetujuan (versi)", business.Consent?.TextVersion);
            Row("Persetujuan (waktu)", business.Consent is { } consent ? Time(consent.AcceptedAt) : null);
            Row("Terdaftar", business.RegisteredAt.ToString("yyyy-MM-dd", Invariant));
        }

        var scores = snapshot.Diagnoses.SelectMany(d => d.AreaScores.Select(a => new Dictionary<string, object?>
        {
            ["Diagnosis"] = d.Id.ToString(),
            ["Mulai"] = d.StartedAt.ToString("yyyy-MM-dd", Invariant),
            ["Status"] = d.Status.ToString(),
            ["Bidang"] = a.Key,
            ["Skor"] = a.Value,
        })).ToList();
        var answers = snapshot.Diagnoses.SelectMany(d => d.Answers.Select(a => new Dictionary<string, object?>
        {
            ["Diagnosis"] = d.Id.ToString(),
            ["Kuesioner"] = $"{d.QuestionnaireId} {d.QuestionnaireVersion}",
            ["Pertanyaan"] = a.Key,
            ["Jawaban"] = a.Value,
        })).ToList();
        var memberships = snapshot.Memberships.Select(m => new Dictionary<string, object?>
        {
            ["Kohort"] = m.Cohort,
            ["Status"] = m.Status.ToString(),
            ["Diajukan"] = Time(m.RequestedAt),
            ["Diputuskan"] = m.DecidedAt is { } decided ? Time(decided) : null,
        }).ToList();
        var visits = snapshot.Visits.Select(v => new Dictionary<string, object?>
        {
            ["Mulai"] = Time(v.StartedAt),
            ["Selesai"] = v.EndedAt is { } ended ? Time(ended) : null,
            ["Jam"] = v.Hours,
            ["Pendamping"] = v.Mentor,
            ["Status"] = v.Status.ToString(),
            ["Masalah"] = v.Problem,
            ["Didampingkan"] = v.Mentored,
            ["Hasil"] = v.Result,
            ["Langkah berikut"] = v.NextStep,
            ["Bidang"] = string.Join(", ", v.Areas),
            ["Foto"] = v.Photos,
        }).ToList();

        var sheets = new Dictionary<string, object>
        {
            ["Profil"] = profile,
            ["Diagnosis"] = Sheet(scores, "Diagnosis", "Mulai", "Status", "Bidang", "Skor"),
            ["Jawaban"] = Sheet(answers, "Diagnosis", "Kuesioner", "Pertanyaan", "Jawaban"),
            ["Program"] = Sheet(memberships, "Kohort", "Status", "Diajukan", "Diputuskan"),
            ["Kunjungan"] = Sheet(visits, "Mulai", "Selesai", "Jam", "Pendamping", "Status", "Masalah", "Didampingkan", "Hasil", "Langkah berikut", "Bidang", "Foto"),
            ["Evaluasi"] = Sheet(AreaRows(snapshot.Evaluations, withAuthor: true), "Bulan", "Pendamping", "Bidang", "Skor", "Masalah", "Didampingkan", "Hasil"),
            ["Penilaian diri"] = Sheet(AreaRows(snapshot.SelfAssessments, withAuthor: false), "Bulan", "Bidang", "Skor", "Masalah", "Didampingkan", "Hasil"),
            ["Belum selesai"] = Sheet(
                snapshot.AnswersInProgress?.Answers.Select(a => new Dictionary<string, object?>
                {
                    ["Alur"] = snapshot.AnswersInProgress.Flow,
                    ["Isian"] = a.Key,
                    ["Jawaban"] = a.Value,
                }).ToList() ?? [],
                "Alur", "Isian", "Jawaban"),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    private static List<Dictionary<string, object?>> AreaRows(IReadOnlyList<OwnerEvaluation> evaluations, bool withAuthor) =>
        [.. evaluations.SelectMany(e => e.Areas.Select(a =>
        {
            var row = new Dictionary<string, object?> { ["Bulan"] = e.Month };
            if (withAuthor) row["Pendamping"] = e.Author;
            row["Bidang"] = a.AreaId;
            row["Skor"] = a.Score;
            row["Masalah"] = a.Problem;
            row["Didampingkan"] = a.Mentored;
            row["Hasil"] = a.Result;
            return row;
        }))];

    /// <summary>The rows, or one empty row so an empty sheet still shows its column headers.</summary>
    private static List<Dictionary<string, object?>> Sheet(List<Dictionary<string, object?>> rows, params string[] columns) =>
        rows.Count > 0 ? rows : [columns.ToDictionary(c => c, _ => (object?)null)];

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant);
}
