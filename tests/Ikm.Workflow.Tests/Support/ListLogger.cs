using Microsoft.Extensions.Logging;

namespace Ikm.Workflow.Tests.Support;

/// <summary>Keeps every formatted log line with the exception passed to it, to assert what was said (and not said).</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    private readonly List<(LogLevel Level, string Text)> _lines = [];

    public IReadOnlyList<(LogLevel Level, string Text)> Lines
    {
        get
        {
            lock (_lines)
                return [.. _lines];
        }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        lock (_lines)
            _lines.Add((logLevel, formatter(state, exception) + (exception is null ? "" : Environment.NewLine + exception)));
    }
}
