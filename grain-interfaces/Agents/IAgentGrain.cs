using Amas.Orleans.Findings;

namespace Amas.Orleans.Agents;

/// <summary>
/// One activation per task and agent: the key is the task id with the agent name as key extension, so the agents
/// of one task can run on different silos. The work itself runs after <see cref="StartAsync"/> returns.
/// </summary>
[Alias("amas.IAgentGrain")]
public interface IAgentGrain : IGrainWithGuidCompoundKey
{
    /// <summary>
    /// Starts the work and returns at once. Idempotent per (task, agent), so the orchestrator may call it again at
    /// any time to make sure the work goes on: when it is running nothing changes; when it already ended, the receipt
    /// carries the outcome; when an activation was lost mid-run, the work starts again from the persisted state.
    /// </summary>
    [Alias("Start")]
    Task<AgentStartReceipt> StartAsync(AgentWork work);

    /// <summary>Stops the work if it runs; the agent then reports <see cref="AgentRunStatus.Cancelled"/> or its <paramref name="asStatus"/>.</summary>
    [Alias("Cancel")]
    Task CancelAsync(AgentRunStatus asStatus);

    /// <summary>The report without its findings (counts and metrics only); null until the agent ended.</summary>
    [Alias("GetSummary")]
    Task<AgentReport?> GetSummaryAsync();

    /// <summary>The full report, findings included; for later layers of the same task.</summary>
    [Alias("GetReport")]
    Task<AgentReport?> GetReportAsync();

    [Alias("GetFindings")]
    Task<FindingPage> GetFindingsAsync(int offset, int limit);

    /// <summary>Deletes this agent's state for the task (retention); a running agent is stopped first.</summary>
    [Alias("Purge")]
    Task PurgeAsync();
}
