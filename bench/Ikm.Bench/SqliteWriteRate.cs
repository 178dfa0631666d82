using System.Diagnostics;
using Ikm.Storage.Sqlite;
using Ikm.Workflow.Conversations;
using Ikm.Workflow.Storage;
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
                single.Add(await DurableWritesPerSecondAsync(
                    Path.Combine(directory, $"single-{round}.db"), singleWritesPerRound));
                batched.Add(await DurableWritesPerSecondAsync(
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
        using var connection = ReadOnly(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT AVG(LENGTH(CAST(doc AS BLOB))) FROM conversations";
        return command.ExecuteScalar() is double average ? average : double.NaN;
    }

    /// <summary>
    /// Durable conversation inserts per second through <see cref="SqliteBotStore.CommitAsync"/>,
    /// <paramref name="perTransaction"/> per commit (1 = the naive one-fsync-per-update ceiling). Writes new chats into
    /// <paramref name="path"/> (created if missing); meant for a scratch file.
    /// </summary>
    public static async Task<double> DurableWritesPerSecondAsync(string path, int count, int perTransaction = 1, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perTransaction);
        await using var store = new SqliteBotStore(path);
        await store.InitializeAsync(ct);
        var firstChatId = LargestChatId(path) + 1;
        var now = DateTimeOffset.UtcNow;
        var stopwatch = Stopwatch.StartNew();
        for (var done = 0; done < count; done += perTransaction)
        {
            var batch = new List<ChangeSet>(perTransaction);
            for (var i = done; i < Math.Min(count, done + perTransaction); i++)
            {
                var conversation = Conversation.New(firstChatId + i, firstChatId + i, "id");
                conversation.Flow = "benchmark";
                conversation.State = "Asking";
                conversation.Data["q1"] = "jawaban";
                conversation.RememberUpdate(i);
                conversation.UpdatedAt = now;
                batch.Add(new ChangeSet { Conversation = conversation });
            }
            await store.CommitAsync(batch, ct);
        }
        return count / stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>Chats already in the file, so a second measurement into the same file inserts rather than updates.</summary>
    private static long LargestChatId(string path)
    {
        using var connection = ReadOnly(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(id), 0) FROM conversations";
        return Convert.ToInt64(command.ExecuteScalar());
    }

    private static SqliteConnection ReadOnly(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }
}
