using System.Collections.Concurrent;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Orchestration.Index;

/// <summary>
/// The index of one process, for the embedded default and in-memory clusters, where state does not outlive a silo
/// anyway. A durable cluster uses the PostgreSQL index instead.
/// </summary>
public sealed class InMemoryTaskIndex : ITaskIndex
{
    private readonly ConcurrentDictionary<Guid, TaskIndexEntry> _entries = new();

    public Task RecordAsync(TaskIndexEntry entry, CancellationToken cancellationToken)
    {
        _entries[entry.TaskId] = entry;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Guid>> UnfinishedOnAsync(IReadOnlyCollection<string> silos, CancellationToken cancellationToken)
    {
        IReadOnlyList<Guid> found = _entries.Values
            .Where(e => e.Lifecycle is TaskLifecycle.Pending or TaskLifecycle.Running && e.Silo is not null && silos.Contains(e.Silo))
            .Select(e => e.TaskId)
            .ToArray();
        return Task.FromResult(found);
    }

    public Task<IReadOnlyList<TaskIndexEntry>> ListAsync(TaskListQuery query, CancellationToken cancellationToken)
    {
        IReadOnlyList<TaskIndexEntry> page = _entries.Values
            .Where(e => query.Submitter is null || e.Submitter == query.Submitter)
            .Where(e => query.Lifecycle is null || e.Lifecycle == query.Lifecycle)
            .Where(e => query.Kind is null || e.Kind == query.Kind)
            .Where(e => query.After is not { } after || e.CreatedAt < after.CreatedAt || (e.CreatedAt == after.CreatedAt && e.TaskId.CompareTo(after.TaskId) < 0))
            .OrderByDescending(e => e.CreatedAt)
            .ThenByDescending(e => e.TaskId)
            .Take(query.Limit)
            .ToArray();
        return Task.FromResult(page);
    }

    public Task<IReadOnlyList<Guid>> EndedBeforeAsync(DateTimeOffset endedBefore, int limit, CancellationToken cancellationToken)
    {
        IReadOnlyList<Guid> found = _entries.Values
            .Where(e => e.CompletedAt is { } completed && completed < endedBefore)
            .OrderBy(e => e.CompletedAt)
            .Take(limit)
            .Select(e => e.TaskId)
            .ToArray();
        return Task.FromResult(found);
    }

    public Task DeleteAsync(Guid taskId, CancellationToken cancellationToken)
    {
        _entries.TryRemove(taskId, out _);
        return Task.CompletedTask;
    }
}
