namespace Amas.Orleans.Agents;

/// <summary>An agent grain's persisted state: the work order and, once ended, the full report.</summary>
[GenerateSerializer, Alias("amas.AgentState")]
public sealed class AgentState
{
    /// <summary>Shape version, so a later silo can read what an earlier one wrote during a rolling upgrade.</summary>
    [Id(0)] public int Version { get; set; } = 1;
    [Id(1)] public AgentWork? Work { get; set; }
    [Id(2)] public DateTimeOffset? StartedAt { get; set; }
    [Id(3)] public AgentReport? Report { get; set; }
    /// <summary>How many times the work was started; more than one only after a silo died mid-run.</summary>
    [Id(4)] public int Starts { get; set; }
}
