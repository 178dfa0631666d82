using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Ikm.Bot.Tests.Support;

/// <summary>
/// A byte search over every file under a data directory, for the forms a stored string can take: UTF-8, UTF-16,
/// JSON-escaped (both encoders the code uses), XML-escaped, and base64 at every alignment (a file inside a JSON
/// document). A ZIP container (XLSX) is searched inside too, since its entries are compressed.
/// </summary>
public static class DataDirectorySearch
{
    public sealed record Hit(string File, string Term, string Form);

    public static IReadOnlyList<Hit> Find(string directory, IEnumerable<string> terms)
    {
        var forms = terms.SelectMany(t => FormsOf(t).Select(f => (Term: t, Form: f.Name, Bytes: f.Bytes))).ToList();
        var hits = new List<Hit>();
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetRelativePath(directory, file);
            // The running bot's exclusive lock refuses readers; the file holds nothing but its process id.
            if (name == Ikm.Storage.Files.DataDirectoryLock.FileName)
                continue;
            byte[] bytes;
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                bytes = new byte[stream.Length];
                stream.ReadExactly(bytes);
            }

            Search(name, bytes, forms, hits);
            foreach (var (entry, content) in ZipEntries(bytes))
                Search(name + "!" + entry, content, forms, hits);
        }

        return hits;
    }

    /// <summary>Outbox rows not yet delivered (the dispatcher is done when this is 0).</summary>
    public static long PendingOutbox(string directory)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, "ikm.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        }.ToString());
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM outbox WHERE status = 0";
        return (long)cmd.ExecuteScalar()!;
    }

    /// <summary>Waits (bounded) until the dispatcher has delivered and marked every outbox row, and deleted their files.</summary>
    public static async Task WaitForDeliveredAsync(string directory)
    {
        var files = Path.Combine(directory, Ikm.Storage.DiskOutboxFiles.FolderName);
        bool Done() => PendingOutbox(directory) == 0 && (!Directory.Exists(files) || Directory.GetFiles(files).Length == 0);
        for (var i = 0; i < 400 && !Done(); i++)
            await Task.Delay(50);
        Assert.Equal(0, PendingOutbox(directory));
        Assert.Empty(Directory.Exists(files) ? Directory.GetFiles(files) : []);
    }

    private static void Search(string file, byte[] bytes, List<(string Term, string Form, byte[] Bytes)> forms, List<Hit> hits)
    {
        foreach (var (term, form, pattern) in forms)
        {
            if (bytes.AsSpan().IndexOf(pattern) >= 0)
                hits.Add(new Hit(file, term, form));
        }
    }

    private static IEnumerable<(string Name, byte[] Bytes)> FormsOf(string term)
    {
        var utf8 = Encoding.UTF8.GetBytes(term);
        yield return ("utf-8", utf8);
        yield return ("utf-16", Encoding.Unicode.GetBytes(term));
        yield return ("json", Encoding.UTF8.GetBytes(JsonSerializer.Serialize(term)[1..^1]));
        yield return ("json-relaxed", Encoding.UTF8.GetBytes(JsonSerializer.Serialize(term, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping })[1..^1]));
        yield return ("xml", Encoding.UTF8.GetBytes(term.Replace("&", "&amp;").Replace("'", "&apos;").Replace("<", "&lt;")));
        yield return ("xml-numeric", Encoding.UTF8.GetBytes(term.Replace("&", "&amp;").Replace("'", "&#39;").Replace("<", "&lt;")));
        for (var shift = 0; shift < 3; shift++)
        {
            // Base64 of the term after `shift` unknown bytes: drop the characters that depend on its neighbours.
            var encoded = Convert.ToBase64String([.. new byte[shift], .. utf8]);
            var start = shift == 0 ? 0 : (shift * 8 + 5) / 6;
            var end = (shift + utf8.Length) / 3 * 4;
            if (end - start >= 8)
                yield return ($"base64+{shift}", Encoding.ASCII.GetBytes(encoded[start..end]));
        }
    }

    private static IEnumerable<(string Name, byte[] Bytes)> ZipEntries(byte[] bytes)
    {
        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K') return [];
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            var entries = new List<(string, byte[])>();
            foreach (var entry in zip.Entries)
            {
                using var content = entry.Open();
                using var buffer = new MemoryStream();
                content.CopyTo(buffer);
                entries.Add((entry.FullName, buffer.ToArray()));
            }

            return entries;
        }
        catch (InvalidDataException)
        {
            return [];
        }
    }
}
