using Amas.Orleans.Analysis.Findings;

namespace Amas.Orleans.Agents;

/// <summary>Layer 2: one finding per problem out of everything layer 1 reported.</summary>
public sealed class ConflictResolverAgent : IAgent
{
    public const string AgentName = "ConflictResolver";

    public AgentDescriptor Descriptor { get; } = new()
    {
        Name = AgentName,
        Layer = 2,
        Description = "Merges duplicate and overlapping findings from several agents, keeps the highest severity and lists every source.",
        Capabilities = ["findings"],
        ReadsRepository = false,
    };

    public Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var detected = context.Inputs.SelectMany(r => r.Findings).ToArray();
        var result = FindingMerger.Merge(detected);
        var metrics = new Dictionary<string, double>
        {
            ["findings_in"] = detected.Length,
            ["findings_out"] = result.Findings.Count,
            ["merged"] = result.Merged,
            ["reports_read"] = context.Inputs.Count,
        };
        var summary = $"{detected.Length} findings from {context.Inputs.Count} reports resolved to {result.Findings.Count}.";
        return Task.FromResult(new AgentResult(result.Findings, metrics, summary));
    }
}
