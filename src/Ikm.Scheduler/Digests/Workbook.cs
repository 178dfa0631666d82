using System.Collections;
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

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        WriteTo(stream);
        return stream.ToArray();
    }

    private void Save(Stream stream, IReadOnlyDictionary<string, object> sheets) =>
        stream.SaveAs(sheets.ToDictionary(kv => kv.Key, kv => kv.Value), configuration: _configuration);
}
