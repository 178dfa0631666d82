using System.Diagnostics;
using Ikm.TestKit;
using Microsoft.Data.Sqlite;

namespace Ikm.Bench;

/// <summary>
/// The built bot (Ikm.Bot.dll, copied next to the bench) as a child process, `dotnet Ikm.Bot.dll`, configured by
/// environment variables as an operator would: polling the emulator, SQLite in <see cref="DataDirectory"/>, Telegram's
/// default caps (adapted from tests/Ikm.Bot.Tests/Support/BotProcess.cs: the bench does not reference the tests).
/// <see cref="Kill"/> is SIGKILL (kill -9): nothing runs after it, no shutdown, no flush. Disposing kills the process
/// if it still runs. The process's output is drained and dropped: it may carry message text.
/// </summary>
internal sealed class ChildBot : IAsyncDisposable
{
    private readonly Process _process;
    private int _disposed;

    private ChildBot(Process process, string dataDirectory)
    {
        _process = process;
        DataDirectory = dataDirectory;
    }

    public string DataDirectory { get; }

    public bool HasExited
    {
        get
        {
            try
            {
                return Volatile.Read(ref _disposed) != 0 || _process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }
    }

    /// <summary>The exit code, or null while it runs or once disposed.</summary>
    public int? ExitCode
    {
        get
        {
            try
            {
                return Volatile.Read(ref _disposed) == 0 && _process.HasExited ? _process.ExitCode : null;
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }
    }

    public static ChildBot Start(TelegramEmulator emulator, string dataDirectory)
    {
        var bot = Path.Combine(AppContext.BaseDirectory, "Ikm.Bot.dll");
        if (!File.Exists(bot))
            throw new FileNotFoundException("The built bot is not next to the bench.", bot);
        var start = new ProcessStartInfo(DotnetHost(), [bot])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Telegram__BotToken"] = emulator.Token;
        start.Environment["Telegram__ApiBaseUrl"] = emulator.BaseUrl;
        start.Environment["Telegram__PollingTimeoutSeconds"] = "1";
        start.Environment["Storage__DataDirectory"] = dataDirectory;
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment.Remove("Storage__MongoUrl");

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildBot(process, dataDirectory);
    }

    /// <summary>SIGKILL, and waits until the process is gone; a no-op once it exited or was disposed.</summary>
    public void Kill()
    {
        if (Volatile.Read(ref _disposed) != 0)
            return;
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Exited (or disposed) between the check and the kill.
        }
    }

    /// <summary>Outbox rows still pending in the process's SQLite file (read beside the running writer; WAL allows it).</summary>
    public long PendingOutbox() =>
        Query(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM outbox WHERE status = 0";
            return (long)command.ExecuteScalar()!;
        }, -1);

    /// <summary>Each chat's stored conversation document (JSON), by chat id.</summary>
    public Dictionary<long, string> Conversations() =>
        Query(connection =>
        {
            var result = new Dictionary<long, string>();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, doc FROM conversations";
            using var reader = command.ExecuteReader();
            while (reader.Read())
                result[reader.GetInt64(0)] = reader.GetString(1);
            return result;
        }, []);

    private T Query<T>(Func<SqliteConnection, T> query, T missing)
    {
        var path = Path.Combine(DataDirectory, "ikm.db");
        if (!File.Exists(path))
            return missing;
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            return query(connection);
        }
        catch (SqliteException)
        {
            return missing; // not created yet
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
            _process.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The dotnet host running the bench (the SDK names it for child processes), else the one on PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
}
