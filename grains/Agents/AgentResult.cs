using Amas.Orleans.Findings;

namespace Amas.Orleans.Agents;

/// <summary>What an agent run produced. Metrics are named in snake_case (files_scanned, functions, …).</summary>
public sealed record AgentResult(
    IReadOnlyList<Finding> Findings,
    IReadOnlyDictionary<string, double> Metrics,
    string? Summary = null)
{
    public static AgentResult Empty(string summary) => new([], new Dictionary<string, double>(), summary);
}
