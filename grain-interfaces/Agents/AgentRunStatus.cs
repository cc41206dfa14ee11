namespace Amas.Orleans.Agents;

[GenerateSerializer, Alias("amas.AgentRunStatus")]
public enum AgentRunStatus
{
    Pending = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,
    /// <summary>The agent overran its own deadline; the task went on without it.</summary>
    TimedOut = 4,
    Skipped = 5,
    Cancelled = 6,
}
