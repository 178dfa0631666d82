using Ikm.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Ikm.Bench;

/// <summary>
/// The naive ceiling the group commit has to beat: durable single-document upserts through the store's own commit
/// path (WAL, synchronous=FULL, one transaction and one fsync each) into a fresh file, and the same 100 per
/// transaction.
/// </summary>
internal static class SqliteWriteRate
{
    public const int BatchSize = 100;

    /// <summary>
    /// Median of <paramref name="rounds"/> rounds, each on a fresh file: on a shared VM disk one round can be several
    /// times slower than the next, and the range is printed with the median.
    /// </summary>
    public static async Task<SqliteRates> MeasureAsync(int singleWritesPerRound, int rounds = 3)
    {
        var directory = Directory.CreateTempSubdirectory("ikm-bench-sqlite-").FullName;
        try
        {
            var single = new List<double>();
            var batched = new List<double>();
            var batchedWrites = singleWritesPerRound * 10;
            for (var round = 0; round < rounds; round++)
            {
                single.Add(await SqliteBotStore.MeasureDurableSingleWritesPerSecondAsync(
                    Path.Combine(directory, $"single-{round}.db"), singleWritesPerRound));
                batched.Add(await SqliteBotStore.MeasureDurableWritesPerSecondAsync(
                    Path.Combine(directory, $"batched-{round}.db"), batchedWrites, BatchSize));
            }

            return new SqliteRates(
                Spread.Of(single), singleWritesPerRound, Spread.Of(batched), batchedWrites, BatchSize, rounds,
                AverageDocumentBytes(Path.Combine(directory, "single-0.db")));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Left in the temp folder; nothing reads it again.
            }
        }
    }

    private static double AverageDocumentBytes(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT AVG(LENGTH(CAST(doc AS BLOB))) FROM conversations";
        return command.ExecuteScalar() is double average ? average : double.NaN;
    }
}
