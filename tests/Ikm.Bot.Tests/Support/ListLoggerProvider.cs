using Microsoft.Extensions.Logging;

namespace Ikm.Bot.Tests.Support;

/// <summary>Keeps every formatted log line of the host (warnings and above by the test host's level), to assert what was logged.</summary>
public sealed class ListLoggerProvider : ILoggerProvider
{
    private readonly List<(LogLevel Level, string Category, string Text)> _lines = [];

    public IReadOnlyList<(LogLevel Level, string Category, string Text)> Lines
    {
        get
        {
            lock (_lines)
                return [.. _lines];
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(LogLevel level, string category, string text)
    {
        lock (_lines)
            _lines.Add((level, category, text));
    }

    private sealed class Logger(ListLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add(logLevel, category, formatter(state, exception) + (exception is null ? "" : Environment.NewLine + exception));
    }
}
