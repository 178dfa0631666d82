using Microsoft.Extensions.Logging;

namespace Ikm.Storage.Tests.Support;

/// <summary>Keeps every formatted log line, to assert what a store said (and did not say).</summary>
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
            _lines.Add((logLevel, formatter(state, exception)));
    }
}
