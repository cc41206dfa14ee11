using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Amas.Orleans.Testing;

/// <summary>Keeps every log line at or above <paramref name="minimum"/> written through it, so a test can read what the silos said.</summary>
public sealed class CapturedLogs(LogLevel minimum = LogLevel.Information) : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message)> _lines = new();

    public IReadOnlyList<(string Category, LogLevel Level, string Message)> Lines => _lines.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, minimum, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, LogLevel minimum, ConcurrentQueue<(string, LogLevel, string)> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lines.Enqueue((category, logLevel, formatter(state, exception)));
            }
        }
    }
}
