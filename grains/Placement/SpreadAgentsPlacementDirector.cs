using System.IO.Hashing;
using Amas.Orleans.Agents.Registry;
using Orleans.Runtime.Placement;

namespace Amas.Orleans.Placement;

/// <summary>
/// Silo index = (hash of the task id + the agent's slot in the task's plan) mod silo count, over the silos in a
/// fixed order, so consecutive agents of a task land on different silos. The slot comes from the request context of
/// the orchestrator's start call; an activation made without one (a report read after a silo died) falls back to
/// the agent's ordinal in its layer.
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
        var slot = AgentSlot.TryRead(target.RequestContextData as IReadOnlyDictionary<string, object>, out var hinted) ? hinted : registry.OrdinalInLayer(agent);
        var index = (int)((start + (uint)slot) % (uint)ordered.Length);
        return Task.FromResult(ordered[index]);
    }
}
