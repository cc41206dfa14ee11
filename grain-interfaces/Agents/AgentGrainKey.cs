namespace Amas.Orleans.Agents;

/// <summary>How an agent grain is addressed: the task id, with the agent's name as the key extension.</summary>
public static class AgentGrainKey
{
    public static IAgentGrain GetAgent(this IGrainFactory grains, Guid taskId, string agent)
        => grains.GetGrain<IAgentGrain>(taskId, agent, grainClassNamePrefix: null);
}
