using System.Globalization;
using Ikm.Workflow.Flows.OwnerData;
using MiniExcelLibs;

namespace Ikm.Scheduler.Exports;

/// <summary>/datasaya as a workbook: sheets Profil, Diagnosis (one row per area score) and Jawaban (every answer).</summary>
public sealed class MiniExcelOwnerDataExporter : IOwnerDataExporter
{
    public byte[] ToXlsx(OwnerDataSnapshot snapshot)
    {
        var business = snapshot.Business;
        var profile = new List<Dictionary<string, object?>>();
        void Row(string field, object? value) => profile.Add(new() { ["Isian"] = field, ["Nilai"] = value });
        Row("Diekspor", snapshot.ExportedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
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
            Row("Lokasi", business.Location is { } p ? string.Create(CultureInfo.InvariantCulture, $"{p.Latitude}, {p.Longitude}") : null);
            Row("No. HP", business.Phone);
            Row("Tenaga kerja", business.Workers);
            Row("Omzet per bulan (Rp)", business.MonthlyTurnover);
            Row("Izin", string.Join(", ", business.Legality));
            Row("Pembukuan", business.KeepsBooks ? "Ya" : "Tidak");
            Row("Rekening bank", business.HasBankAccount ? "Ya" : "Tidak");
            Row("Kredit bank", business.HadBankCredit switch { true => "Ya", false => "Tidak", null => "-" });
            Row("Persetujuan (versi)", business.Consent?.TextVersion);
            Row("Persetujuan (waktu)", business.Consent?.AcceptedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
            Row("Terdaftar", business.RegisteredAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        var scores = snapshot.Diagnoses.SelectMany(d => d.AreaScores.Select(a => new Dictionary<string, object?>
        {
            ["Diagnosis"] = d.Id.ToString(),
            ["Mulai"] = d.StartedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
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

        var sheets = new Dictionary<string, object>
        {
            ["Profil"] = profile,
            ["Diagnosis"] = scores.Count > 0 ? scores : [new Dictionary<string, object?> { ["Diagnosis"] = null, ["Bidang"] = null, ["Skor"] = null }],
            ["Jawaban"] = answers.Count > 0 ? answers : [new Dictionary<string, object?> { ["Diagnosis"] = null, ["Pertanyaan"] = null, ["Jawaban"] = null }],
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }
}
