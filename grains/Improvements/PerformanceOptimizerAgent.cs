using System.Globalization;
using Amas.Orleans.Agents;
using Amas.Orleans.Analysis.Findings;
using Amas.Orleans.Repositories;

namespace Amas.Orleans.Improvements;

/// <summary>
/// Layer 2: concrete performance recommendations from the PerformanceAnalyzer's findings and the
/// CodeQualityInspector's complexity findings and metrics (<see cref="PerformanceRecommender"/>); suppressed findings
/// are not recommended on.
/// </summary>
/// <param name="checkouts">Where the repository's suppression file is; optional so the agent also builds without DI.</param>
public sealed class PerformanceOptimizerAgent(IRepositoryCheckouts? checkouts = null) : IAgent
{
    public const string AgentName = "PerformanceOptimizer";

    public AgentDescriptor Descriptor { get; } = new()
    {
        Name = AgentName,
        Layer = 2,
        Description = "Concrete performance recommendations (what to change, where) from PerformanceAnalyzer findings and code metrics.",
        Capabilities = ["performance_recommendations"],
        ReadsRepository = false,
    };

    public async Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var detection = context.Inputs.Where(r => r.Layer == 1).ToArray();
        var (live, _) = await LiveFindings.SelectAsync(
            [.. detection.SelectMany(r => r.Findings)], await RepositoryDirectory.OfAsync(context, checkouts, cancellationToken), cancellationToken);
        var recommendations = PerformanceRecommender.Recommend(live);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["recommendations"] = recommendations.Count,
            ["findings_used"] = recommendations.Sum(r => r.FindingCount),
        };

        // The code metrics say how much there is to keep fast: carried so the recommendations can be read against them.
        if (detection.FirstOrDefault(r => r.Agent == "CodeQualityInspector") is { } quality)
        {
            foreach (var name in new[] { "functions", "max_cyclomatic_complexity", "lines_of_code" })
            {
                if (quality.Metrics.TryGetValue(name, out var value))
                {
                    metrics["code_" + name] = value;
                }
            }
        }

        var summary = recommendations.Count == 0
            ? "No performance recommendations: the analysis found no performance anti-pattern."
            : string.Create(CultureInfo.InvariantCulture, $"{recommendations.Count} performance recommendations; first: {recommendations[0].Title} ({recommendations[0].FindingCount} places).");
        return new AgentResult([], metrics, summary) { Recommendations = recommendations };
    }
}
