using Amas.Orleans.Tasks;
using Orleans.Concurrency;

namespace Amas.Orleans.Orchestration.Index;

[StatelessWorker]
internal sealed class TaskDirectoryGrain(ITaskIndex index) : Grain, ITaskDirectoryGrain
{
    public const int MaxLimit = 200;

    public async Task<TaskList> ListAsync(TaskListQuery query)
    {
        var limit = Math.Clamp(query.Limit, 1, MaxLimit);
        // One more than asked tells whether a next page exists without a count query.
        var entries = await index.ListAsync(query with { Limit = limit + 1 }, CancellationToken.None);
        var page = entries.Take(limit).Select(e => new TaskSummary
        {
            TaskId = e.TaskId,
            Kind = e.Kind,
            Lifecycle = e.Lifecycle,
            Priority = e.Priority,
            Submitter = e.Submitter,
            CreatedAt = e.CreatedAt,
            UpdatedAt = e.UpdatedAt,
            CompletedAt = e.CompletedAt,
            CurrentLayer = e.CurrentLayer,
            Error = e.Error,
        }).ToArray();
        var next = entries.Count > limit ? new TaskListCursor(page[^1].CreatedAt, page[^1].TaskId) : null;
        return new TaskList { Items = page, Next = next };
    }
}
