namespace Amas.Orleans.Agents.Completions;

/// <summary>
/// How an agent asks for a completion (<see cref="AgentCompletions"/> in a silo). Never throws for a missing or
/// failing provider: the answer then says the agent must take its rule-based path, and why.
/// </summary>
public interface IAgentCompletions
{
    Task<AgentCompletion> AskAsync(AgentContext context, AgentCompletionRequest request, CancellationToken cancellationToken);
}
