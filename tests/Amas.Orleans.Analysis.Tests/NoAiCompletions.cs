using Amas.Orleans.Agents;
using Amas.Orleans.Agents.Completions;

namespace Amas.Orleans.Analysis.Tests;

/// <summary>
/// What a silo without any AI provider answers an agent, for agent tests outside a cluster. The router path itself
/// is tested against the loopback fake provider in Amas.Orleans.Providers.Tests.
/// </summary>
internal sealed class NoAiCompletions : IAgentCompletions
{
    public Task<AgentCompletion> AskAsync(AgentContext context, AgentCompletionRequest request, CancellationToken cancellationToken)
        => Task.FromResult(AgentCompletion.RuleBased(AgentCompletions.NoProviderConfigured));
}
