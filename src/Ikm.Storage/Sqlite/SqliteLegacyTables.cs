using System.Text.Json;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Documents;
using Microsoft.Data.Sqlite;

namespace Ikm.Storage.Sqlite;

/// <summary>
/// Businesses and diagnosis responses once had tables of their own (<c>businesses</c>, <c>diagnoses</c>); now they are
/// documents like every other aggregate. On open, the rows of a file from before are copied into <c>documents</c> (at
/// their stored versions, with their index entries) and the old tables dropped, all in one transaction: a crash leaves
/// the old tables as they were, and a file without them has nothing to move. With <c>secure_delete</c> on, the dropped
/// pages are zeroed, and the WAL is truncated afterwards, so no copy of the old rows stays behind in the file.
/// </summary>
internal static class SqliteLegacyTables
{
    /// <summary>The old tables and the document type each row is.</summary>
    public static IReadOnlyList<(string Table, Type Document)> Tables { get; } =
    [
        ("businesses", typeof(Business)),
        ("diagnoses", typeof(DiagnosisResponse)),
    ];

    /// <summary>Returns how many rows were moved (0 when the file has no old tables).</summary>
    public static int MoveToDocuments(SqliteWriter writer)
    {
        var present = Tables.Where(t => Exists(writer.Connection, t.Table)).ToList();
        if (present.Count == 0)
            return 0;

        var moved = 0;
        using (var tx = writer.Begin())
        {
            foreach (var (table, type) in present)
            {
                foreach (var document in Rows(writer.Connection, tx, table, type))
                {
                    writer.InsertAsStored(document);
                    moved++;
                }
                using var drop = writer.Connection.CreateCommand();
                drop.Transaction = tx;
                drop.CommandText = $"DROP TABLE {table}";
                drop.ExecuteNonQuery();
            }
            tx.Commit();
        }
        writer.CheckpointAndTruncateWal();
        return moved;
    }

    private static List<IDocument> Rows(SqliteConnection connection, SqliteTransaction tx, string table, Type type)
    {
        using var select = connection.CreateCommand();
        select.Transaction = tx;
        // The version column is the truth, whatever the JSON says (as for every stored row).
        select.CommandText = $"SELECT doc, version FROM {table} ORDER BY id";
        using var reader = select.ExecuteReader();
        var documents = new List<IDocument>();
        while (reader.Read())
        {
            var document = (IDocument)(JsonSerializer.Deserialize(reader.GetString(0), SqliteWriter.DocumentJson(type))
                ?? throw new InvalidDataException($"A stored {type.Name} row of {table} is null."));
            document.Version = reader.GetInt64(1);
            documents.Add(document);
        }
        return documents;
    }

    private static bool Exists(SqliteConnection connection, string table)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @name";
        cmd.Parameters.AddWithValue("@name", table);
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }
}
