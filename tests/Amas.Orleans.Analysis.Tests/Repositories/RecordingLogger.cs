using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Amas.Orleans.Analysis.Tests.Repositories;

/// <summary>Keeps every log event so tests can count what happened (how many clones, for one).</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<(EventId Id, string Message)> _events = new();

    public IReadOnlyList<(EventId Id, string Message)> Events => [.. _events];

    public int Count(string eventName) => _events.Count(e => e.Id.Name == eventName);

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _events.Enqueue((eventId, formatter(state, exception)));
}
