namespace Amas.Orleans.Tasks;

/// <summary>Lists tasks from the task index. A stateless worker: any silo answers, from the index it shares.</summary>
[Alias("amas.ITaskDirectoryGrain")]
public interface ITaskDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("List")]
    Task<TaskList> ListAsync(TaskListQuery query);
}
