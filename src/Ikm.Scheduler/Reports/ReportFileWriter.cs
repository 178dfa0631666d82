using System.Globalization;
using Ikm.Scheduler.Digests;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Texts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ikm.Scheduler.Reports;

/// <summary>
/// Writes the files of reports and digests into the outbox's folder, where the outbox row references them by path.
/// Every file stays within <see cref="ReportOptions.MaxFileBytes"/>, so every report can be delivered: a workbook over it
/// goes out as one file per sheet, and a sheet over it alone in parts by rows — rows are in date order, so each part
/// is a period. Sizes are measured by writing, not guessed.
/// </summary>
public sealed class ReportFileWriter(IOutboxFiles files, IOptions<ReportOptions> options, ILogger<ReportFileWriter> log)
{
    /// <summary>Parts are aimed this far below the limit, so row sizes that vary along the sheet rarely need a second cut.</summary>
    private const double Margin = 0.9;

    public long MaxFileBytes => options.Value.MaxFileBytes;

    public ReportFile Write(OutgoingKind kind, string fileName, byte[] content, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = WriteFile(fileName, stream => stream.Write(content));
        return new ReportFile(kind, fileName, path, caption);
    }

    /// <summary>
    /// The workbook as <c>{stem}-csv.zip</c>: one <c>{sheet}.csv</c> per sheet (see <see cref="Workbook.WriteCsvTo"/>).
    /// Never split: CSV in a ZIP is a fraction of the workbook's size.
    /// </summary>
    public ReportFile WriteCsv(Workbook workbook, string stem)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        var name = stem + "-csv.zip";
        var path = WriteFile(name, stream =>
        {
            using var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true);
            foreach (var sheet in workbook.SheetNames)
            {
                using var entry = zip.CreateEntry(sheet + ".csv").Open();
                workbook.WriteCsvTo(entry, sheet);
            }
        });
        return new ReportFile(OutgoingKind.Document, name, path, null);
    }

    /// <summary>The workbook as <c>{stem}.xlsx</c>, or in parts <c>{stem}-{sheet}[-{n}].xlsx</c> each with a caption saying which.</summary>
    public IReadOnlyList<ReportFile> Write(Workbook workbook, string stem, string language)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        var max = options.Value.MaxFileBytes;
        var whole = WriteFile(stem + ".xlsx", workbook.WriteTo);
        var wholeBytes = new FileInfo(whole).Length;
        if (wholeBytes <= max)
            return [new ReportFile(OutgoingKind.Document, stem + ".xlsx", whole, null)];
        files.Delete(whole);

        // A first guess of each sheet's share from its rows, so the biggest sheet is not written whole once more.
        var totalRows = Math.Max(1, workbook.SheetNames.Sum(workbook.RowCount));
        var parts = new List<(string Sheet, int Start, int Count, string Path)>();
        foreach (var sheet in workbook.SheetNames)
        {
            var estimate = wholeBytes * (double)workbook.RowCount(sheet) / totalRows;
            parts.AddRange(SheetParts(workbook, sheet, max, (int)Math.Max(1, Math.Ceiling(estimate / (max * Margin)))));
        }
        log.LogInformation("Workbook {Stem} over {Max} bytes: sent in {Parts} parts", stem, max, parts.Count);

        return [.. parts.Select((p, i) =>
        {
            var perSheet = parts.Count(q => q.Sheet == p.Sheet);
            var name = perSheet == 1
                ? $"{stem}-{p.Sheet}.xlsx"
                : string.Create(CultureInfo.InvariantCulture, $"{stem}-{p.Sheet}-{parts.Where(q => q.Sheet == p.Sheet).ToList().IndexOf(p) + 1}.xlsx");
            var rows = workbook.RowCount(p.Sheet);
            var caption = DigestTexts.WorkbookPart.In(language, i + 1, parts.Count, p.Sheet,
                rows == 0 ? 0 : p.Start + 1, p.Start + p.Count, rows);
            return new ReportFile(OutgoingKind.Document, name, p.Path, caption);
        })];
    }

    /// <summary>The sheet in as few equal row ranges as fit; bounded: at worst one row per part (sent even if still over).</summary>
    private List<(string Sheet, int Start, int Count, string Path)> SheetParts(Workbook workbook, string sheet, long max, int firstGuess)
    {
        var rows = workbook.RowCount(sheet);
        var pieces = Math.Clamp(firstGuess, 1, Math.Max(rows, 1));
        while (true)
        {
            var written = new List<(string Sheet, int Start, int Count, string Path)>();
            long largest = 0;
            var size = (rows + pieces - 1) / Math.Max(pieces, 1);
            for (var start = 0; start < Math.Max(rows, 1); start += Math.Max(size, 1))
            {
                var count = Math.Min(size, rows - start);
                var path = WriteFile(sheet + ".xlsx", stream => workbook.WriteSheetTo(stream, sheet, start, count));
                largest = Math.Max(largest, new FileInfo(path).Length);
                written.Add((sheet, start, count, path));
            }

            if (largest <= max || pieces >= rows)
            {
                if (largest > max)
                    log.LogWarning("Sheet {Sheet}: one row is over {Max} bytes; sent as it is", sheet, max);
                return written;
            }

            foreach (var part in written)
                files.Delete(part.Path);
            pieces = (int)Math.Min(rows, Math.Max(pieces * 2L, (long)Math.Ceiling(pieces * (double)largest / (max * Margin))));
        }
    }

    private string WriteFile(string fileName, Action<Stream> write)
    {
        using var stream = files.Create(fileName, out var path);
        try
        {
            write(stream);
        }
        catch
        {
            stream.Dispose();
            files.Delete(path);
            throw;
        }

        return path;
    }
}
