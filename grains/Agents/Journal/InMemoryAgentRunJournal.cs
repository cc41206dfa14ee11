using System.Collections.Concurrent;

namespace Amas.Orleans.Agents.Journal;

/// <summary>
/// The journal of the embedded default: per silo and lost with it, like the rest of in-memory state. Bounded, so a
/// long-running embedded system does not grow without limit: the oldest tasks' runs go first.
/// </summary>
public sealed class InMemoryAgentRunJournal : IAgentRunJournal
{
    public const int MaxTasks = 10_000;

    private readonly ConcurrentDictionary<Guid, List<AgentRunRecord>> _runs = new();
    private readonly ConcurrentQueue<Guid> _order = new();

    public Task RecordAsync(AgentRunRecord run, CancellationToken cancellationToken)
    {
        var runs = _runs.GetOrAdd(run.TaskId, id =>
        {
            _order.Enqueue(id);
            return [];
        });
        lock (runs)
        {
            runs.Add(run);
        }

        while (_runs.Count > MaxTasks && _order.TryDequeue(out var oldest))
        {
            _runs.TryRemove(oldest, out _);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AgentRunRecord>> RunsOfAsync(Guid taskId, CancellationToken cancellationToken)
    {
        if (!_runs.TryGetValue(taskId, out var runs))
        {
            return Task.FromResult<IReadOnlyList<AgentRunRecord>>([]);
        }

        lock (runs)
        {
            return Task.FromResult<IReadOnlyList<AgentRunRecord>>(runs.OrderBy(run => run.EndedAt).ToArray());
        }
    }

    public Task PurgeAsync(Guid taskId, CancellationToken cancellationToken)
    {
        _runs.TryRemove(taskId, out _);
        return Task.CompletedTask;
    }
}
