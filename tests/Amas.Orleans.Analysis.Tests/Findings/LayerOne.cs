using Amas.Orleans.Agents;
using Amas.Orleans.Analysis.CodeQuality;
using Amas.Orleans.Analysis.Dependencies;
using Amas.Orleans.Findings;
using Amas.Orleans.Repositories;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Analysis.Tests.Findings;

/// <summary>
/// The five real Layer 1 agents over files written to a scratch folder, and the ConflictResolver over their reports,
/// as the agent grains would run them (advisories from the corpus' OSV records).
/// </summary>
internal sealed class LayerOne : IDisposable
{
    private static readonly string Advisories = Path.Combine(AppContext.BaseDirectory, "Corpus", "advisories");

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "amas-resolve-" + Guid.NewGuid().ToString("N")[..8]);

    public static IReadOnlyList<IAgent> Agents() =>
    [
        new CodeQualityInspectorAgent(Options.Create(new CodeQualityOptions())),
        new SecurityScannerAgent(),
        new DockerMonitorAgent(),
        new DependencyAuditorAgent(Options.Create(new DependencyAuditOptions { AdvisoryDirectory = Advisories })),
        new PerformanceAnalyzerAgent(),
    ];

    public RepositoryCheckout Checkout(params (string Path, string Text)[] files) => AgentRuns.Checkout(Root, files);

    /// <summary>Every agent's findings, as its report would hold them.</summary>
    public static async Task<IReadOnlyList<AgentReport>> DetectAsync(RepositoryCheckout checkout)
    {
        var reports = new List<AgentReport>();
        foreach (var agent in Agents())
        {
            var result = await agent.RunAsync(AgentRuns.Context(agent.Descriptor.Name, checkout), CancellationToken.None);
            reports.Add(new AgentReport
            {
                TaskId = Guid.Empty,
                Agent = agent.Descriptor.Name,
                Status = AgentRunStatus.Succeeded,
                Layer = 1,
                Findings = result.Findings,
            });
        }

        return reports;
    }

    /// <summary>The ConflictResolver's result over the five agents' reports on <paramref name="checkout"/>.</summary>
    public static async Task<AgentResult> ResolveAsync(RepositoryCheckout checkout)
    {
        var reports = await DetectAsync(checkout);
        var resolver = new ConflictResolverAgent();
        var context = AgentRuns.Context(resolver.Descriptor.Name, checkout) with { Inputs = reports };
        return await resolver.RunAsync(context, CancellationToken.None);
    }

    public static Finding At(IEnumerable<Finding> findings, string file, int line, string rule)
        => Assert.Single(findings, f => f.File == file && f.Line == line && (f.Rule == rule || f.Resolution?.From.Any(r => r.Rule == rule) == true));

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
