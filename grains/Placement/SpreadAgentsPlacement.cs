using Orleans.Placement;

namespace Amas.Orleans.Placement;

/// <summary>
/// Places the agents of one task round-robin over the compatible silos, starting at a silo chosen by the task id,
/// so the agents of a layer run on different silos instead of wherever random placement happens to put them.
/// </summary>
[GenerateSerializer, Immutable, Alias("amas.SpreadAgentsPlacement")]
public sealed class SpreadAgentsPlacement : PlacementStrategy
{
    public static readonly SpreadAgentsPlacement Instance = new();
}

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SpreadAgentsPlacementAttribute() : PlacementAttribute(SpreadAgentsPlacement.Instance);
