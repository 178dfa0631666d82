namespace Ikm.Bench.Tests;

public sealed class SqliteWriteRateTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ikm-bench-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task MeasureDurableWrites_ReportsAPositiveRate()
    {
        var path = Path.Combine(_directory, "bench", "bench.db");

        var single = await SqliteWriteRate.DurableWritesPerSecondAsync(path, 20);
        var batched = await SqliteWriteRate.DurableWritesPerSecondAsync(path, 200, perTransaction: 100);

        Assert.True(single > 0);
        Assert.True(batched > 0);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }
}
