using System.IO.Hashing;
using Amas.Orleans.Agents.Registry;
using Orleans.Runtime.Placement;

namespace Amas.Orleans.Placement;

/// <summary>
/// Silo index = (hash of the task id + the agent's ordinal within its layer) mod silo count, over the silos in a
/// fixed order. Deterministic, so every silo places a given agent the same way, and a layer's agents land on
/// distinct silos while there are enough of them.
/// </summary>
public sealed class SpreadAgentsPlacementDirector(AgentRegistry registry) : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target);
        if (silos.Length == 0)
        {
            throw new OrleansException($"No compatible silo can host {target.GrainIdentity}.");
        }

        if (silos.Length == 1 || !target.GrainIdentity.TryGetGuidKey(out var taskId, out var agent) || agent is null)
        {
            return Task.FromResult(silos[Random.Shared.Next(silos.Length)]);
        }

        var ordered = silos.OrderBy(s => s.ToParsableString(), StringComparer.Ordinal).ToArray();
        var start = (int)(XxHash32.HashToUInt32(taskId.ToByteArray()) % (uint)ordered.Length);
        var index = (start + registry.OrdinalInLayer(agent)) % ordered.Length;
        return Task.FromResult(ordered[index]);
    }
}
