using Amas.Orleans.Learning;
using Amas.Orleans.Orchestration;

namespace Amas.Orleans.Analysis.Tests.Learning;

public sealed class LearnedAgentSkipsTests
{
    private static readonly ExecutionPlan Plan = new([
        new PlannedLayer(1, "detection_analysis", ["CodeQualityInspector", "DockerMonitor", "SecurityScanner"]),
        new PlannedLayer(2, "intelligence_decision", ["ConflictResolver"]),
        new PlannedLayer(4, "orchestration_management", ["Reporter"]),
    ]);

    private static AgentTally Tally(string agent, string kind, long succeeded, long withFindings)
        => new() { Agent = agent, RepositoryKind = kind, Runs = succeeded, Succeeded = succeeded, RunsWithFindings = withFindings, Findings = withFindings * 3 };

    [Fact]
    public void A_detection_agent_without_findings_in_enough_runs_on_the_kind_is_skipped_with_its_reason()
    {
        var plan = LearnedAgentSkips.Skip(Plan, [Tally("DockerMonitor", "go", 10, 0), Tally("SecurityScanner", "go", 10, 1)], "go", "surface", 10);

        var detection = plan.Layers[0];
        Assert.Equal(["CodeQualityInspector", "SecurityScanner"], detection.Agents);
        var reason = Assert.Single(detection.Skipped);
        Assert.Equal("DockerMonitor", reason.Key);
        Assert.Equal("Skipped at surface depth: DockerMonitor found nothing in 10 successful runs on go repositories (the LearningSystem's history; threshold 10 runs).", reason.Value);
        Assert.Equal(Plan.Layers.Skip(1), plan.Layers.Skip(1));
    }

    [Fact]
    public void Fewer_runs_than_the_threshold_another_kind_or_one_finding_keep_the_agent()
    {
        Assert.Same(Plan, LearnedAgentSkips.Skip(Plan, [Tally("DockerMonitor", "go", 9, 0)], "go", "surface", 10));
        Assert.Same(Plan, LearnedAgentSkips.Skip(Plan, [Tally("DockerMonitor", "node", 50, 0)], "go", "surface", 10));
        Assert.Same(Plan, LearnedAgentSkips.Skip(Plan, [Tally("DockerMonitor", "go", 50, 1)], "go", "surface", 10));
    }

    [Fact]
    public async Task Full_analysis_runs_every_agent_without_asking_the_history()
    {
        // No grain factory: reading the history would throw, so the plan coming back unchanged shows it was never read.
        var skips = new LearnedAgentSkips(null!, Microsoft.Extensions.Options.Options.Create(new LearningOptions()));
        var spec = new Amas.Orleans.Tasks.TaskSpec
        {
            Kind = Amas.Orleans.Tasks.TaskKind.Orchestrate,
            Options = new Amas.Orleans.Tasks.TaskOptions { Mode = LearnedAgentSkips.FullAnalysis, Depth = "surface" },
            Submitter = "test",
        };

        var plan = await skips.ApplyAsync(Plan, spec, new Amas.Orleans.Repositories.ResolvedRepository { LocalPath = "/srv/repo" });

        Assert.Same(Plan, plan);
    }

    [Fact]
    public void Only_detection_agents_are_skipped()
    {
        var plan = LearnedAgentSkips.Skip(Plan, [Tally("ConflictResolver", "go", 20, 0), Tally("Reporter", "go", 20, 0)], "go", "surface", 10);

        Assert.Equal(["ConflictResolver"], plan.Layers[1].Agents);
        Assert.Equal(["Reporter"], plan.Layers[2].Agents);
        Assert.Empty(plan.Layers[0].Skipped);
    }
}
