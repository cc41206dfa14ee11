using Amas.Orleans.Analysis.Findings;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Agents;

/// <summary>
/// Layer 4, the last step: the task's report. Its findings are the ConflictResolver's when it ran (they already
/// stand for every detection report), plus what later layers added; otherwise every input's, one per fingerprint.
/// Every input's metrics and facts are carried over under the agent's name.
/// </summary>
public sealed class ReporterAgent : IAgent
{
    public const string AgentName = "Reporter";

    public AgentDescriptor Descriptor { get; } = new()
    {
        Name = AgentName,
        Layer = 4,
        Description = "Writes the task's report: summary counts by severity, category and agent, and the findings.",
        Capabilities = ["report"],
        ReadsRepository = false,
    };

    public Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var resolver = context.Inputs.FirstOrDefault(r => r.Agent == ConflictResolverAgent.AgentName);
        IEnumerable<AgentReport> sources = resolver is null
            ? context.Inputs
            : context.Inputs.Where(r => r == resolver || r.Layer > 1);

        var findings = sources
            .SelectMany(r => r.Findings)
            .DistinctBy(f => f.Id, StringComparer.Ordinal)
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.File, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ThenBy(f => f.Rule, StringComparer.Ordinal)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToArray();

        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        var facts = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var report in context.Inputs)
        {
            foreach (var (name, value) in report.Metrics)
            {
                metrics[$"{report.Agent}.{name}"] = value;
            }

            foreach (var (name, values) in report.Facts)
            {
                facts[$"{report.Agent}.{name}"] = values;
            }
        }

        var counts = FindingTally.Count(findings);
        var bySeverity = Enum.GetValues<Severity>().Reverse()
            .Select(s => (Name: s.ToString().ToLowerInvariant(), Count: counts.BySeverity.GetValueOrDefault(s.ToString().ToLowerInvariant())))
            .Where(s => s.Count > 0)
            .Select(s => $"{s.Count} {s.Name}");
        var summary = findings.Length == 0
            ? $"No findings from {context.Inputs.Count} agent reports."
            : $"{findings.Length} findings ({string.Join(", ", bySeverity)}) from {context.Inputs.Count} agent reports.";
        return Task.FromResult(new AgentResult(findings, metrics, summary, facts));
    }
}
