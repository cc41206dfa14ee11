using Amas.Orleans.Orchestration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Agents;

/// <summary>
/// Bounds how many agent runs execute at once on this silo. Analysis is CPU-heavy; unbounded, it would delay the
/// silo's membership probes on a small machine and get the silo declared dead.
/// </summary>
public sealed class AgentRunSlots(IOptions<OrchestratorOptions> options, IHostApplicationLifetime lifetime) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentAgentRuns);

    /// <summary>Fires when this silo begins to stop: runs still going are handed over, not failed.</summary>
    public CancellationToken SiloStopping => lifetime.ApplicationStopping;

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Off the grain's scheduler: the activation stays free to answer status and cancel calls.
            return await Task.Run(() => work(cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
