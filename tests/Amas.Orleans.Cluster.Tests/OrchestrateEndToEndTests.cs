using Amas.Orleans.Agents;
using Amas.Orleans.Findings;
using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;
using Amas.Orleans.Testing;

namespace Amas.Orleans.Cluster.Tests;

[Collection(TwoSiloClusterCollection.Name)]
public sealed class OrchestrateEndToEndTests(TwoSiloCluster fixture)
{
    /// <summary>
    /// Every problem planted in the sample repository, written by hand from the fixture files (never from the
    /// analysers' output): (agent, rule, file, line, severity).
    /// </summary>
    private static readonly (string Agent, string Rule, string File, int Line, Severity Severity)[] Expected =
    [
        ("SecurityScanner", "secret/aws-access-key-id", SampleRepository.SettingsFile, 2, Severity.High),
        ("SecurityScanner", "secret/github-token", SampleRepository.SettingsFile, 3, Severity.High),
        ("CodeQualityInspector", "code-quality/cyclomatic-complexity", "src/Billing/InvoiceCalculator.cs", 6, Severity.Medium),
        ("CodeQualityInspector", "code-quality/todo-comment", "scripts/deploy.py", 5, Severity.Info),
        ("CodeQualityInspector", "code-quality/todo-comment", "src/Billing/InvoiceCalculator.cs", 5, Severity.Info),
    ];

    [Fact]
    public async Task An_orchestrate_task_runs_four_layers_over_both_silos_and_reports_exactly_the_planted_findings()
    {
        var task = fixture.Client.GetGrain<ITaskOrchestratorGrain>(Guid.NewGuid());

        await task.SubmitAsync(new TaskSpec
        {
            Kind = TaskKind.Orchestrate,
            Target = new RepositoryTarget { Path = SampleRepository.Create(fixture.Root) },
            Options = new TaskOptions { Mode = "intelligent", Components = ["code_quality", "security"], Priority = TaskPriority.Normal },
            Submitter = "tests",
        });
        var status = await task.WaitUntilEndedAsync();

        Assert.Equal(TaskLifecycle.Succeeded, status.Lifecycle);
        Assert.Equal([1, 2, 3, 4], status.Layers.Select(l => l.Layer));
        Assert.Equal(
            [LayerStatus.Completed, LayerStatus.Completed, LayerStatus.Skipped, LayerStatus.Completed],
            status.Layers.Select(l => l.Status));
        Assert.Equal(["CodeQualityInspector", "DependencyAuditor", "DockerMonitor", "SecurityScanner"], status.Layers[0].Agents.Select(a => a.Agent));
        Assert.Equal(["ConflictResolver", "ImprovementAdvisor", "PerformanceOptimizer"], status.Layers[1].Agents.Select(a => a.Agent));
        Assert.Equal(["Reporter"], status.Layers[3].Agents.Select(a => a.Agent));
        var agents = status.Layers.SelectMany(l => l.Agents).ToArray();
        Assert.All(agents, a => Assert.Equal(AgentRunStatus.Succeeded, a.Status));
        Assert.All(agents, a => Assert.True(a.DurationMs >= 0 && a.CompletedAt >= a.StartedAt));

        // The detection agents of this task ran on both silos of the cluster.
        var silos = status.Layers[0].Agents.Select(a => a.Silo).ToArray();
        Assert.All(silos, s => Assert.False(string.IsNullOrEmpty(s)));
        Assert.Equal(2, silos.Distinct().Count());
        Assert.Equal(2, fixture.Cluster.Silos.Count);

        var result = await task.GetResultAsync(0, 100);
        var findings = result!.Findings.Items;
        var actual = findings.Select(f => (f.Agent, f.Rule, f.File!, f.Line ?? 0, f.Severity)).OrderBy(f => f.ToString()).ToArray();
        Assert.Equal(Expected.OrderBy(f => f.ToString()).ToArray(), actual);

        Assert.Equal(findings.Count, findings.Select(f => f.Id).Distinct().Count());
        Assert.All(findings.Where(f => f.Category == "secrets"), f =>
        {
            Assert.DoesNotContain(SampleRepository.AwsAccessKeyId, f.Evidence);
            Assert.DoesNotContain(SampleRepository.GitHubToken, f.Evidence);
        });
        Assert.Equal(5, status.FindingCount);
        Assert.Equal(5, result.Summary.Total);
        Assert.Equal(2, result.Summary.BySeverity["high"]);
        Assert.Equal(1, result.Summary.BySeverity["medium"]);
        Assert.Equal(2, result.Summary.BySeverity["info"]);
        Assert.Equal(3, result.Summary.ByAgent["CodeQualityInspector"]);
        Assert.Equal(2, result.Summary.ByAgent["SecurityScanner"]);

        // What layer 1 found went through the ConflictResolver, and the binary file was skipped and counted.
        Assert.Equal(5, result.Metrics["ConflictResolver.findings_in"]);
        Assert.Equal(5, result.Metrics["ConflictResolver.findings_out"]);
        Assert.Equal(1, result.Metrics["SecurityScanner.files_skipped_binary"]);
        Assert.Equal(1, result.Metrics["CodeQualityInspector.files_skipped_binary"]);

        // Layer 2's advice: the leaked credentials first (security), then code quality; no provider, so rules wrote it.
        var plan = result.ImprovementPlan!;
        Assert.Equal(TextPath.RuleBased, plan.WrittenBy.Path);
        Assert.Equal("no AI provider configured", plan.WrittenBy.Reason);
        Assert.Equal(["security", "code_quality"], plan.Areas.Select(a => a.Area));
        Assert.Equal(
            ["secret/aws-access-key-id", "secret/github-token", "code-quality/cyclomatic-complexity", "code-quality/todo-comment"],
            plan.Areas.SelectMany(a => a.Items).OrderBy(i => i.Rank).Select(i => i.Rule));
        var complexity = Assert.Single(result.PerformanceRecommendations);
        Assert.Equal("code-quality/cyclomatic-complexity", complexity.Rule);
        Assert.Equal(["src/Billing/InvoiceCalculator.cs:6"], complexity.Locations);
    }
}
