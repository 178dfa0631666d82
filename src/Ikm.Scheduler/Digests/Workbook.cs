using System.Collections;
using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Ikm.Scheduler.Digests;

/// <summary>
/// A coordinator workbook ready to be written: its sheets in order (each a <c>List&lt;TRow&gt;</c>) and the headers in
/// the reader's language. Written straight to a stream (a file), so a large export never sits in memory twice; a
/// sheet can be written alone, or a range of its rows, when the whole is too big to send in one file.
/// </summary>
public sealed class Workbook
{
    private readonly IReadOnlyDictionary<string, object> _sheets;
    private readonly OpenXmlConfiguration _configuration;

    internal Workbook(IReadOnlyDictionary<string, object> sheets, OpenXmlConfiguration configuration)
    {
        _sheets = sheets;
        _configuration = configuration;
    }

    public IReadOnlyList<string> SheetNames => [.. _sheets.Keys];

    public int RowCount(string sheet) => ((IList)_sheets[sheet]).Count;

    public void WriteTo(Stream stream) => Save(stream, _sheets);

    /// <summary>One sheet alone, rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> (all when null).</summary>
    public void WriteSheetTo(Stream stream, string sheet, int start = 0, int? count = null)
    {
        var rows = (IList)_sheets[sheet];
        var take = count ?? rows.Count - start;
        object part = rows;
        if (start != 0 || take != rows.Count)
        {
            // The same List<TRow> type, so the columns and their headers stay those of the sheet.
            var slice = (IList)Activator.CreateInstance(rows.GetType())!;
            for (var i = start; i < start + take; i++)
                slice.Add(rows[i]);
            part = slice;
        }

        Save(stream, new Dictionary<string, object> { [sheet] = part });
    }

    /// <summary>
    /// One sheet as CSV (RFC 4180, UTF-8 with a byte order mark so that Excel reads the letters right): the same headers,
    /// numbers with a decimal point and no grouping, dates as yyyy-MM-dd (with HH:mm when they have a time).
    /// </summary>
    public void WriteCsvTo(Stream stream, string sheet)
    {
        var rows = (IList)_sheets[sheet];
        var properties = rows.GetType().GetGenericArguments()[0].GetProperties();
        var headers = (_configuration.DynamicColumns ?? []).ToDictionary(c => c.Key, c => c.Name ?? c.Key, StringComparer.Ordinal);
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine(string.Join(',', properties.Select(p => Csv(headers.GetValueOrDefault(p.Name, p.Name)))));
        foreach (var row in rows)
            writer.WriteLine(string.Join(',', properties.Select(p => Csv(CsvValue(p.GetValue(row))))));
    }

    private static string CsvValue(object? value) => value switch
    {
        null => "",
        DateTime { TimeOfDay.Ticks: 0 } date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Csv(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        WriteTo(stream);
        return stream.ToArray();
    }

    private void Save(Stream stream, IReadOnlyDictionary<string, object> sheets) =>
        stream.SaveAs(sheets.ToDictionary(kv => kv.Key, kv => kv.Value), configuration: _configuration);
}
