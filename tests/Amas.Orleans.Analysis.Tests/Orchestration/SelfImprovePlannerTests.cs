using Amas.Orleans.Agents.Registry;
using Amas.Orleans.Orchestration;
using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Analysis.Tests.Orchestration;

public sealed class SelfImprovePlannerTests
{
    private static readonly DecisionEngine Engine = new(new AgentRegistry([
        new DescribedAgent("CodeQualityInspector", 1, "code_quality"),
        new DescribedAgent("SecurityScanner", 1, "security"),
        new DescribedAgent("DockerMonitor", 1, "security", "docker"),
        new DescribedAgent("DependencyAuditor", 1, "security", "dependencies"),
        new DescribedAgent("PerformanceAnalyzer", 1, "performance"),
        new DescribedAgent("Osint", 1, "osint"),
        new DescribedAgent("ConflictResolver", 2, "findings"),
        new DescribedAgent("QualityValidator", 3, "fix"),
        new DescribedAgent("DeploymentManager", 3, "fix"),
        new DescribedAgent("AutomatedFixer", 3, "fix"),
        new DescribedAgent("Reporter", 4, "report"),
    ]));

    private static readonly RepositoryTarget Target = new() { Path = "/srv/repo" };

    private static TaskSpec SelfImprove(TaskOptions options) => new() { Kind = TaskKind.SelfImprove, Target = Target, Options = options, Submitter = "test" };

    private static string[] Agents(ExecutionPlan plan, int layer) => plan.Layers.Single(l => l.Layer == layer).Agents.ToArray();

    [Fact]
    public void All_areas_run_every_detection_agent_but_the_dedicated_ones_then_the_fix_chain_in_order()
    {
        var plan = Engine.Plan(SelfImprove(new TaskOptions()));

        Assert.Equal(["CodeQualityInspector", "DependencyAuditor", "DockerMonitor", "PerformanceAnalyzer", "SecurityScanner"], Agents(plan, 1));
        Assert.Equal(["ConflictResolver"], Agents(plan, 2));
        Assert.Equal(["AutomatedFixer", "QualityValidator", "DeploymentManager"], Agents(plan, 3));
        Assert.True(plan.Layers.Single(l => l.Layer == 3).InOrder);
        Assert.Equal(["Reporter"], Agents(plan, 4));
    }

    [Theory]
    [InlineData("dependencies", new[] { "DependencyAuditor" })]
    [InlineData("performance", new[] { "PerformanceAnalyzer" })]
    [InlineData("testing", new[] { "CodeQualityInspector" })]
    [InlineData("architecture", new[] { "CodeQualityInspector" })]
    [InlineData("security", new[] { "DependencyAuditor", "DockerMonitor", "SecurityScanner" })]
    public void Areas_choose_the_detection_agents(string area, string[] expected)
    {
        Assert.Equal(expected, Agents(Engine.Plan(SelfImprove(new TaskOptions { Areas = [area] })), 1));
    }

    [Theory]
    [InlineData("security_focused", new[] { "DependencyAuditor", "DockerMonitor", "SecurityScanner" })]
    [InlineData("performance_focused", new[] { "PerformanceAnalyzer" })]
    public void A_focused_mode_narrows_detection_to_its_area_whatever_the_areas_say(string mode, string[] expected)
    {
        Assert.Equal(expected, Agents(Engine.Plan(SelfImprove(new TaskOptions { Mode = mode, Areas = ["code_quality"] })), 1));
    }

    [Fact]
    public void An_area_no_agent_covers_is_rejected_with_the_capabilities_available()
    {
        var rejected = Assert.Throws<TaskRejectedException>(() => Engine.Plan(SelfImprove(new TaskOptions { Mode = "documentation_focused" })));

        Assert.Contains("documentation", rejected.Errors["options.areas"][0]);
    }

    [Fact]
    public void Self_improve_needs_a_target()
    {
        var rejected = Assert.Throws<TaskRejectedException>(() => Engine.Plan(SelfImprove(new TaskOptions()) with { Target = null }));

        Assert.True(rejected.Errors.ContainsKey("target"));
    }

    [Theory]
    [InlineData("surface", 200, 64 * 1024)]
    [InlineData("medium", 1000, 256 * 1024)]
    [InlineData(null, 1000, 256 * 1024)]
    [InlineData("deep", 5000, 1024 * 1024)]
    public void Depth_bounds_how_much_of_the_repository_is_read(string? depth, int files, long bytes)
    {
        var bounds = SelfImprovePlanner.BoundsFor(SelfImprove(new TaskOptions { Depth = depth }));

        Assert.Equal((files, bytes), (bounds!.MaxFiles, bounds.MaxFileBytes));
    }

    [Fact]
    public void Comprehensive_depth_and_other_kinds_read_everything()
    {
        Assert.Null(SelfImprovePlanner.BoundsFor(SelfImprove(new TaskOptions { Depth = "comprehensive" })));
        Assert.Null(SelfImprovePlanner.BoundsFor(new TaskSpec { Kind = TaskKind.Orchestrate, Target = Target, Options = new TaskOptions(), Submitter = "test" }));
    }

    [Fact]
    public void Orchestrate_plans_the_fix_chain_only_with_auto_apply_and_then_in_order()
    {
        TaskSpec Orchestrate(bool autoApply) => new() { Kind = TaskKind.Orchestrate, Target = Target, Options = new TaskOptions { AutoApply = autoApply }, Submitter = "test" };

        Assert.Empty(Agents(Engine.Plan(Orchestrate(autoApply: false)), 3));
        var applied = Engine.Plan(Orchestrate(autoApply: true));
        Assert.Equal(["AutomatedFixer", "QualityValidator", "DeploymentManager"], Agents(applied, 3));
        Assert.True(applied.Layers.Single(l => l.Layer == 3).InOrder);
    }
}
