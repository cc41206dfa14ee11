using Amas.Orleans.Agents.Registry;
using Amas.Orleans.Orchestration;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Analysis.Tests.Orchestration;

public sealed class DecisionEngineTests
{
    private static readonly DecisionEngine Engine = new(new AgentRegistry([
        new DescribedAgent("SecurityScanner", 1, "security"),
        new DescribedAgent("CodeQualityInspector", 1, "code_quality"),
        new DescribedAgent("ConflictResolver", 2, "findings"),
        new DescribedAgent("Reporter", 4, "report"),
    ]));

    private static readonly DecisionEngine WithIntel = new(new AgentRegistry([
        new DescribedAgent("SecurityScanner", 1, "security"),
        new DescribedAgent("Osint", 1, "osint"),
        new DescribedAgent("Forensics", 1, "forensics"),
        new DescribedAgent("ConflictResolver", 2, "findings"),
        new DescribedAgent("Reporter", 4, "report"),
    ]));

    private static readonly DecisionEngine WithIssues = new(new AgentRegistry([
        new DescribedAgent("SecurityScanner", 1, "security"),
        new DescribedAgent("CodeQualityInspector", 1, "code_quality"),
        new DescribedAgent("ConflictResolver", 2, "findings"),
        new DescribedAgent("IssueResponder", 2, "issue"),
        new DescribedAgent("Reporter", 4, "report"),
    ]));

    private static TaskSpec IssueRespond(string title, bool withRepository) => new()
    {
        Kind = TaskKind.IssueRespond,
        Target = withRepository ? new Amas.Orleans.Repositories.RepositoryTarget { Path = "/srv/repo" } : null,
        Options = new TaskOptions { Issue = new IssueInput { Title = title } },
        Submitter = "test",
    };

    [Fact]
    public void The_issue_agent_never_runs_in_an_orchestrate_task()
    {
        var plan = WithIssues.Plan(Orchestrate(new TaskOptions()));

        Assert.Equal(["ConflictResolver"], Agents(plan, 2));
    }

    [Theory]
    [InlineData("Security vulnerability: SQL injection in the login form", true, new[] { "SecurityScanner" }, new[] { "ConflictResolver", "IssueResponder" })]
    [InlineData("The app crashes with an exception when saving", true, new[] { "CodeQualityInspector", "SecurityScanner" }, new[] { "ConflictResolver", "IssueResponder" })]
    [InlineData("Feature request: please add dark mode", true, new string[0], new[] { "IssueResponder" })]
    [InlineData("Security vulnerability: SQL injection in the login form", false, new string[0], new[] { "IssueResponder" })]
    public void An_issue_runs_the_detection_its_category_calls_for_only_with_a_repository(string title, bool withRepository, string[] detection, string[] layer2)
    {
        var plan = WithIssues.Plan(IssueRespond(title, withRepository));

        Assert.Equal(detection, Agents(plan, 1));
        Assert.Equal(layer2, Agents(plan, 2));
        Assert.Equal(["Reporter"], Agents(plan, 4));
    }

    private static TaskSpec Orchestrate(TaskOptions options) => new() { Kind = TaskKind.Orchestrate, Options = options, Submitter = "test" };

    private static string[] Agents(ExecutionPlan plan, int layer) => plan.Layers.Single(l => l.Layer == layer).Agents.ToArray();

    [Fact]
    public void All_components_run_every_detection_agent_then_every_later_layer_in_four_layers()
    {
        var plan = Engine.Plan(Orchestrate(new TaskOptions()));

        Assert.Equal([1, 2, 3, 4], plan.Layers.Select(l => l.Layer));
        Assert.Equal(["CodeQualityInspector", "SecurityScanner"], Agents(plan, 1));
        Assert.Equal(["ConflictResolver"], Agents(plan, 2));
        Assert.Empty(Agents(plan, 3));
        Assert.Equal(["Reporter"], Agents(plan, 4));
    }

    [Fact]
    public void Components_narrow_detection_to_the_agents_that_cover_them()
    {
        var plan = Engine.Plan(Orchestrate(new TaskOptions { Components = ["code_quality"] }));

        Assert.Equal(["CodeQualityInspector"], Agents(plan, 1));
    }

    [Fact]
    public void Security_audit_mode_runs_only_security_detection_whatever_the_components()
    {
        var plan = Engine.Plan(Orchestrate(new TaskOptions { Mode = "security_audit", Components = ["all"] }));

        Assert.Equal(["SecurityScanner"], Agents(plan, 1));
    }

    [Fact]
    public void Components_no_agent_covers_are_rejected_with_what_is_available()
    {
        var ex = Assert.Throws<TaskRejectedException>(() => Engine.Plan(Orchestrate(new TaskOptions { Components = ["performance"] })));

        var message = Assert.Single(ex.Errors["options.components"]);
        Assert.Contains("code_quality, security", message);
    }

    [Fact]
    public void A_kind_without_registered_agents_is_rejected_naming_the_kind()
    {
        var ex = Assert.Throws<TaskRejectedException>(() => Engine.Plan(new TaskSpec { Kind = TaskKind.Osint, Submitter = "test" }));

        Assert.Contains("'osint'", Assert.Single(ex.Errors["kind"]));
    }

    [Theory]
    [InlineData(TaskKind.Osint, "Osint")]
    [InlineData(TaskKind.Forensics, "Forensics")]
    public void Osint_and_forensics_run_their_own_agent_then_only_the_reporter(TaskKind kind, string agent)
    {
        var plan = WithIntel.Plan(new TaskSpec { Kind = kind, Submitter = "test" });

        Assert.Equal([1, 2, 3, 4], plan.Layers.Select(l => l.Layer));
        Assert.Equal([agent], Agents(plan, 1));
        Assert.Empty(Agents(plan, 2));
        Assert.Empty(Agents(plan, 3));
        Assert.Equal(["Reporter"], Agents(plan, 4));
    }

    [Fact]
    public void An_orchestrate_task_never_runs_the_osint_or_forensics_agents()
    {
        var plan = WithIntel.Plan(Orchestrate(new TaskOptions()));

        Assert.Equal(["SecurityScanner"], Agents(plan, 1));
        Assert.Equal(["ConflictResolver"], Agents(plan, 2));
    }

    [Fact]
    public void A_rejected_kind_lists_the_kinds_this_cluster_can_run()
    {
        var withOsintOnly = new DecisionEngine(new AgentRegistry([new DescribedAgent("Osint", 1, "osint"), new DescribedAgent("Reporter", 4, "report")]));

        var ex = Assert.Throws<TaskRejectedException>(() => withOsintOnly.Plan(new TaskSpec { Kind = TaskKind.Forensics, Submitter = "test" }));

        Assert.EndsWith("Available: orchestrate, osint.", Assert.Single(ex.Errors["kind"]), StringComparison.Ordinal);
    }
}
