namespace Amas.Orleans.Placement;

/// <summary>
/// The agent's position in its task's plan, handed to placement through the request context of the call that
/// activates the agent. Consecutive slots go to consecutive silos, so a task's agents spread over the cluster.
/// </summary>
public static class AgentSlot
{
    public const string RequestContextKey = "amas.agent-slot";

    /// <summary>Sets the slot for the calls made next on this async flow (the caller's flow is left untouched).</summary>
    public static void Set(int slot) => RequestContext.Set(RequestContextKey, slot);

    public static bool TryRead(IReadOnlyDictionary<string, object>? data, out int slot)
    {
        if (data is not null && data.TryGetValue(RequestContextKey, out var value) && value is int found)
        {
            slot = found;
            return true;
        }

        slot = 0;
        return false;
    }
}
