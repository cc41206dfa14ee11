using Amas.Orleans.Agents;
using Amas.Orleans.Providers;

namespace Amas.Orleans.Testing.Agents;

/// <summary>
/// An execution-layer agent that asks the AI router one question about the earlier layers' reports, the way the
/// layer-3 agents will. Every task of a cluster that registers it runs it; it fails when no provider answers.
/// </summary>
public sealed class AdvisingAgent(IGrainFactory grains) : IAgent
{
    public const string Name = "AdvisingAgent";

    public AgentDescriptor Descriptor { get; } = new() { Name = Name, Layer = 3, Description = "Asks the AI router for advice.", ReadsRepository = false };

    public async Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var findings = context.Inputs.Sum(r => r.Findings.Count);
        var answer = await grains.GetGrain<IProviderRouterGrain>(0).GenerateAsync(
            new GenerateRequest { Prompt = $"Advise on {findings} findings of task {context.TaskId}." }, cancellationToken);
        if (!answer.Success)
        {
            throw new InvalidOperationException($"No provider answered: {answer.Error}");
        }

        return AgentResult.Empty($"{answer.Provider}: {answer.Content}");
    }
}
