using System.Diagnostics;
using Ikm.TestKit;
using Microsoft.Data.Sqlite;

namespace Ikm.Bot.Tests.Support;

/// <summary>
/// The built bot (Ikm.Bot.dll, copied next to the tests) as a child process, `dotnet Ikm.Bot.dll`, configured by
/// environment variables as an operator would: polling the emulator, SQLite in <see cref="DataDirectory"/>, Telegram's
/// default caps. <see cref="Kill"/> is SIGKILL (kill -9): nothing runs after it, no shutdown, no flush. Disposing kills
/// the process if it still runs, so no test leaves one behind.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 200;

    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private BotProcess(Process process, string dataDirectory)
    {
        _process = process;
        DataDirectory = dataDirectory;
    }

    public string DataDirectory { get; }

    public bool HasExited => _process.HasExited;

    public int Id => _process.Id;

    /// <summary>The exit code once the process ended by itself; throws <see cref="TimeoutException"/> if it still runs.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The bot process still ran after {timeout.TotalSeconds:0} s.\n{Output}");
        }
        return _process.ExitCode;
    }

    public static BotProcess Start(TelegramEmulator emulator, string dataDirectory) => Start(emulator, dataDirectory, []);

    /// <summary>An operator command (<c>Ikm.Bot.dll backup file</c>) on the data directory, as a child process; wait for its exit.</summary>
    public static BotProcess Command(string dataDirectory, params string[] args) => Start(null, dataDirectory, args);

    private static BotProcess Start(TelegramEmulator? emulator, string dataDirectory, string[] args)
    {
        var bot = Path.Combine(AppContext.BaseDirectory, "Ikm.Bot.dll");
        if (!File.Exists(bot))
            throw new FileNotFoundException("The built bot is not next to the tests.", bot);
        var start = new ProcessStartInfo(DotnetHost(), [bot, .. args])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Telegram__BotToken"] = emulator?.Token;
        start.Environment["Telegram__ApiBaseUrl"] = emulator?.BaseUrl;
        start.Environment["Telegram__PollingTimeoutSeconds"] = "1";
        start.Environment["Storage__DataDirectory"] = dataDirectory;
        // Any free loopback port: tests run side by side.
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment.Remove("Storage__MongoUrl");

        var process = new Process { StartInfo = start };
        var child = new BotProcess(process, dataDirectory);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>SIGKILL, and waits until the process is gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    /// <summary>The last lines the process wrote, for a failure message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
                return string.Join('\n', _output);
        }
    }

    /// <summary>Outbox rows still pending in the process's SQLite file (read beside the running writer; WAL allows it).</summary>
    public long PendingOutbox()
    {
        var path = Path.Combine(DataDirectory, "ikm.db");
        if (!File.Exists(path))
            return -1;
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM outbox WHERE status = 0";
        try
        {
            return (long)command.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return -1; // not created yet
        }
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > KeptOutputLines)
                _output.Dequeue();
        }
    }

    /// <summary>The dotnet host running these tests (the SDK names it for child processes), else the one on PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
