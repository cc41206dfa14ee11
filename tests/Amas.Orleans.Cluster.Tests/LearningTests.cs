using Amas.Orleans.Agents;
using Amas.Orleans.Learning;
using Amas.Orleans.Monitoring;
using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace Amas.Orleans.Cluster.Tests;

/// <summary>
/// The LearningSystem and the WorkflowMonitor on two silos: each silo tallies its own agent runs, fix outcomes and
/// task ends and flushes them (every 200 ms here); the DecisionEngine reads the history back.
/// </summary>
[Collection(TwoSiloClusterCollection.Name)]
public sealed class LearningTests(TwoSiloCluster fixture)
{
    /// <summary>A Go repository (a kind no other test uses) where only the code quality rules find something.</summary>
    private string GoRepository()
    {
        var root = Path.Combine(fixture.Root, "go-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "go.mod"), "module example.invalid/hello\n\ngo 1.22\n");
        File.WriteAllText(Path.Combine(root, "main.go"), "package main\n\nimport \"fmt\"\n\nfunc main() {\n\t// TODO: read the name from the flags\n\tfmt.Println(\"hello\")\n}\n");
        return root;
    }

    private Task<TaskSnapshot> RunAsync(string repository, string? depth = null)
        => RunAsync(new RepositoryTarget { Path = repository }, depth);

    private async Task<TaskSnapshot> RunAsync(RepositoryTarget target, string? depth = null)
    {
        var task = fixture.Client.GetGrain<ITaskOrchestratorGrain>(Guid.NewGuid());
        await task.SubmitAsync(new TaskSpec
        {
            Kind = TaskKind.Orchestrate,
            Target = target,
            Options = new TaskOptions { Mode = "intelligent", Components = ["code_quality", "security"], Depth = depth },
            Submitter = "learning-tests",
        });
        var status = await task.WaitUntilEndedAsync();
        Assert.Equal(TaskLifecycle.Succeeded, status.Lifecycle);
        return status;
    }

    private static AgentSnapshot Agent(TaskSnapshot status, string name) => status.Layers.SelectMany(l => l.Agents).Single(a => a.Agent == name);

    private async Task<AgentTally> TallyAsync(string agent, string kind, Func<AgentTally, bool> until)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var history = (await fixture.Client.GetGrain<ILearningSystemGrain>(0).GetHistoryAsync())!;
            if (history.Agents.FirstOrDefault(t => t.Agent == agent && t.RepositoryKind == kind) is { } tally && until(tally))
            {
                return tally;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The LearningSystem did not get the expected tally of {agent} on {kind}.");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task An_agent_that_never_finds_anything_on_a_kind_of_repository_is_skipped_at_surface_depth_with_its_reason()
    {
        var repository = GoRepository();
        var first = await RunAsync(repository);
        await RunAsync(repository);
        Assert.Equal(AgentRunStatus.Succeeded, Agent(first, "DockerMonitor").Status);

        // Both runs reached the cluster-wide history (threshold 2 here), whichever silo ran them.
        var docker = await TallyAsync("DockerMonitor", "go", t => t.Succeeded >= 2);
        Assert.Equal(0, docker.RunsWithFindings);
        var quality = await TallyAsync("CodeQualityInspector", "go", t => t.Succeeded >= 2);
        Assert.Equal(quality.Succeeded, quality.RunsWithFindings);

        var surface = await RunAsync(repository, depth: "surface");

        var skipped = Agent(surface, "DockerMonitor");
        Assert.Equal(AgentRunStatus.Skipped, skipped.Status);
        Assert.Null(skipped.Silo);
        Assert.StartsWith("Skipped at surface depth: DockerMonitor found nothing in ", skipped.SkipReason);
        Assert.EndsWith("successful runs on go repositories (the LearningSystem's history; threshold 2 runs).", skipped.SkipReason);
        Assert.Equal(AgentRunStatus.Succeeded, Agent(surface, "CodeQualityInspector").Status);
        Assert.Null(Agent(surface, "CodeQualityInspector").SkipReason);
        Assert.Equal(1, surface.FindingCount);

        // A deeper analysis of the same repository still runs every agent.
        var deep = await RunAsync(repository, depth: "deep");
        Assert.Equal(AgentRunStatus.Succeeded, Agent(deep, "DockerMonitor").Status);
    }

    [Fact]
    public async Task A_git_repository_s_kind_is_learned_at_its_checkout_so_a_later_surface_task_skips_before_its_own()
    {
        // A Rust repository, a kind no other test uses, behind a file:// URL: its kind is unknown until a checkout.
        var root = Path.Combine(fixture.Root, "rust-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(root, "src"));
        File.WriteAllText(Path.Combine(root, "Cargo.toml"), "[package]\nname = \"hello\"\nversion = \"0.1.0\"\n");
        File.WriteAllText(Path.Combine(root, "src", "main.rs"), "fn main() {\n    // TODO: greet by name\n    println!(\"hello\");\n}\n");
        Testing.SampleRepository.CommitAll(root);
        var target = new RepositoryTarget { GitUrl = new Uri(root).AbsoluteUri, Ref = "main" };

        var first = await RunAsync(target, depth: "surface");
        Assert.Equal(AgentRunStatus.Succeeded, Agent(first, "DockerMonitor").Status);
        await RunAsync(target);
        await TallyAsync("DockerMonitor", "rust", t => t.Succeeded >= 2);
        var history = (await fixture.Client.GetGrain<ILearningSystemGrain>(0).GetHistoryAsync())!;
        Assert.Equal("rust", history.RepositoryKinds[target.GitUrl]);

        var surface = await RunAsync(target, depth: "surface");

        var skipped = Agent(surface, "DockerMonitor");
        Assert.Equal(AgentRunStatus.Skipped, skipped.Status);
        Assert.Contains("on rust repositories", skipped.SkipReason);
        Assert.Equal(AgentRunStatus.Succeeded, Agent(surface, "CodeQualityInspector").Status);
    }

    [Fact]
    public async Task The_agent_catalog_lists_each_agent_with_its_learned_stats_per_repository_kind()
    {
        var repository = GoRepository();
        await RunAsync(repository);
        await TallyAsync("SecurityScanner", "go", t => t.Runs >= 1);
        await TallyAsync("Reporter", "go", t => t.Runs >= 1);

        var listings = await fixture.Client.GetGrain<IAgentCatalogGrain>(0).GetListingsAsync();

        Assert.Equal((await fixture.Client.GetGrain<IAgentCatalogGrain>(0).GetAgentsAsync()).Select(a => a.Name), listings.Select(l => l.Name));
        var quality = listings.Single(l => l.Name == "CodeQualityInspector");
        Assert.Equal(1, quality.Layer);
        Assert.Contains("code_quality", quality.Capabilities);
        var onGo = quality.Stats.ByRepositoryKind["go"];
        Assert.True(onGo.Runs >= 1 && onGo.Succeeded >= 1 && onGo.Findings >= 1);
        Assert.NotNull(onGo.AverageDurationMs);
        Assert.True(quality.Stats.Runs >= onGo.Runs);
        var reporter = listings.Single(l => l.Name == "Reporter");
        Assert.True(reporter.Stats.ByRepositoryKind["go"].Runs >= 1);
    }

    [Fact]
    public async Task Fix_outcomes_recorded_on_each_silo_add_up_in_the_LearningSystem()
    {
        var kind = "fixes-" + Guid.NewGuid().ToString("N")[..6];
        var first = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<LearningLedger>();
        var second = fixture.Cluster.Silos[1].ServiceProvider.GetRequiredService<LearningLedger>();

        first.RecordFixOutcome("AutomatedFixer", kind, accepted: true);
        second.RecordFixOutcome("AutomatedFixer", kind, accepted: true);
        second.RecordFixOutcome("AutomatedFixer", kind, accepted: false);

        var fixes = await TallyAsync("AutomatedFixer", kind, t => t.FixesAccepted + t.FixesRejected >= 3);
        Assert.Equal((2, 1, 0), (fixes.FixesAccepted, fixes.FixesRejected, fixes.Runs));
    }

    [Fact]
    public async Task The_workflow_monitor_counts_tasks_that_ended_on_any_silo()
    {
        var monitor = fixture.Client.GetGrain<IWorkflowMonitorGrain>(0);
        var before = (await monitor.GetMetricsAsync(TimeSpan.FromHours(1)))!;

        await RunAsync(GoRepository());
        await RunAsync(GoRepository());

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        WorkflowMetrics after;
        while ((after = (await monitor.GetMetricsAsync(TimeSpan.FromHours(1)))!).Succeeded < before.Succeeded + 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "The monitor did not count the two tasks.");
            await Task.Delay(100);
        }

        Assert.Equal(3600, after.WindowSeconds);
        Assert.Equal(after.Succeeded + after.Failed + after.Cancelled, after.TasksEnded);
        Assert.Equal(Math.Round((double)after.Succeeded / after.TasksEnded, 4), after.SuccessRate);
        Assert.NotNull(after.AverageResponseSeconds);
        Assert.True(after.ThroughputPerMinute > 0);
        Assert.Equal(new WorkflowThresholds { MinSuccessRate = 0.95, MaxResponseSeconds = 300, MaxErrorRate = 0.05 }, after.Thresholds);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => monitor.GetMetricsAsync(TimeSpan.FromDays(2)));
    }
}
