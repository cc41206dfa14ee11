namespace Amas.Orleans.Tasks;

/// <summary>
/// The cluster-wide limit on running tasks (design §2): one activation (key 0) admits tasks up to the limit and
/// queues the rest by priority, critical first, first come first served within a priority.
/// </summary>
[Alias("amas.ITaskAdmissionGrain")]
public interface ITaskAdmissionGrain : IGrainWithIntegerKey
{
    /// <summary>True: run now. False: queued; the orchestrator is told with <see cref="ITaskOrchestratorGrain.AdmitAsync"/> when its turn comes. Idempotent.</summary>
    [Alias("Request")]
    Task<bool> RequestAsync(AdmissionTicket ticket);

    /// <summary>The task ended (or gave up waiting): its slot or its place in the queue is freed.</summary>
    [Alias("Release")]
    Task ReleaseAsync(Guid taskId);

    [Alias("Get")]
    Task<AdmissionSnapshot> GetAsync();
}
