using Amas.Orleans.Tasks;

namespace Amas.Orleans.Cluster.Tests;

internal static class TaskProgress
{
    /// <summary>Polls the status until the task ends; fails the test with the last status if it does not.</summary>
    public static async Task<TaskSnapshot> WaitUntilEndedAsync(this ITaskOrchestratorGrain task, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        TaskSnapshot? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await task.GetStatusAsync();
            if (last?.Lifecycle is TaskLifecycle.Succeeded or TaskLifecycle.Failed or TaskLifecycle.Cancelled)
            {
                return last;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The task did not end in time; last status: {last?.Lifecycle}, layer {last?.CurrentLayer}.");
    }
}
