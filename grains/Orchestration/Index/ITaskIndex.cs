using Amas.Orleans.Tasks;

namespace Amas.Orleans.Orchestration.Index;

/// <summary>Where every silo records its tasks, so that any silo can find them again.</summary>
public interface ITaskIndex
{
    /// <summary>Inserts or replaces the entry of one task.</summary>
    Task RecordAsync(TaskIndexEntry entry, CancellationToken cancellationToken);

    /// <summary>Pending and running tasks whose orchestrator was last on one of <paramref name="silos"/>.</summary>
    Task<IReadOnlyList<Guid>> UnfinishedOnAsync(IReadOnlyCollection<string> silos, CancellationToken cancellationToken);

    /// <summary>One page of tasks, newest first, after the query's cursor.</summary>
    Task<IReadOnlyList<TaskIndexEntry>> ListAsync(TaskListQuery query, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> tasks that ended before <paramref name="endedBefore"/>, oldest first.</summary>
    Task<IReadOnlyList<Guid>> EndedBeforeAsync(DateTimeOffset endedBefore, int limit, CancellationToken cancellationToken);

    Task DeleteAsync(Guid taskId, CancellationToken cancellationToken);
}
