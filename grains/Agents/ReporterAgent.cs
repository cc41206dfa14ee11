using Amas.Orleans.Agents.Completions;
using Amas.Orleans.Reports.Executive;

namespace Amas.Orleans.Agents;

/// <summary>
/// Layer 4, the last step: the task's report. Its findings are the ConflictResolver's when it ran (they already
/// stand for every detection report), plus what later layers added; otherwise every input's, one per fingerprint.
/// Suppressed findings come last and are left out of the executive summary.
/// Every input's metrics and facts are carried over under the agent's name. Its summary is a short executive summary,
/// written by an AI provider through the router when one is configured and answers, by rules otherwise; the report
/// says which.
/// </summary>
public sealed class ReporterAgent(IAgentCompletions completions) : IAgent
{
    public const string AgentName = "Reporter";

    public AgentDescriptor Descriptor { get; } = new()
    {
        Name = AgentName,
        Layer = 4,
        Description = "Writes the task's report: an executive summary (AI-written when a provider is configured), summary counts by severity, category and agent, and the findings.",
        Capabilities = ["report", "ai_summary"],
        ReadsRepository = false,
    };

    public async Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var resolver = context.Inputs.FirstOrDefault(r => r.Agent == ConflictResolverAgent.AgentName);
        IEnumerable<AgentReport> sources = resolver is null
            ? context.Inputs
            : context.Inputs.Where(r => r == resolver || r.Layer > 1);

        var findings = sources
            .SelectMany(r => r.Findings)
            .DistinctBy(f => f.Id, StringComparer.Ordinal)
            .OrderBy(f => f.Suppression is not null)
            .ThenByDescending(f => f.Severity)
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

        // A suppressed finding is accepted by the repository's authors: the summary is about the others.
        var live = findings.Where(f => f.Suppression is null).ToArray();
        var completion = await completions.AskAsync(context, ExecutiveSummaryPrompt.For(live, context.Inputs.Count), cancellationToken);
        var summary = completion.ByAi ? completion.Content! : RuleBasedExecutiveSummary.Write(live, context.Inputs.Count);
        metrics[$"{AgentName}.ai_summary"] = completion.ByAi ? 1 : 0;
        // The layer 2 plans travel with the report, so a task's result carries them without reading more agents.
        return new AgentResult(findings, metrics, summary, facts, completion.Use)
        {
            Plan = context.Inputs.Select(r => r.Plan).FirstOrDefault(p => p is not null),
            Recommendations = [.. context.Inputs.SelectMany(r => r.Recommendations)],
        };
    }
}
