using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Providers.Tests.Agents;

internal static class AgentTasks
{
    /// <summary>Submits an orchestrate task (code quality and security) on <paramref name="repository"/> and waits for its result.</summary>
    public static async Task<(Guid Id, TaskResult Result)> OrchestrateAsync(IClusterClient client, string repository)
    {
        var id = Guid.NewGuid();
        var task = client.GetGrain<ITaskOrchestratorGrain>(id);
        await task.SubmitAsync(new TaskSpec
        {
            Kind = TaskKind.Orchestrate,
            Target = new RepositoryTarget { Path = repository },
            Options = new TaskOptions { Mode = "intelligent", Components = ["code_quality", "security"], Priority = TaskPriority.Normal },
            Submitter = "reporter-tests",
        });

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        TaskSnapshot? status;
        do
        {
            await Task.Delay(100);
            status = await task.GetStatusAsync();
        }
        while (status?.Lifecycle is not (TaskLifecycle.Succeeded or TaskLifecycle.Failed or TaskLifecycle.Cancelled) && DateTime.UtcNow < deadline);

        Assert.Equal(TaskLifecycle.Succeeded, status?.Lifecycle);
        return (id, (await task.GetResultAsync(0, 100))!);
    }
}
