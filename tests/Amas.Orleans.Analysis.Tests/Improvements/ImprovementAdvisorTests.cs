using Amas.Orleans.Agents;
using Amas.Orleans.Findings;
using Amas.Orleans.Improvements;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Analysis.Tests.Improvements;

public sealed class ImprovementAdvisorTests
{
    private static Finding Found(string agent, string rule, string category, Severity severity, string file, int line, string? fix = null) => new()
    {
        Id = $"{rule}:{file}:{line}",
        Agent = agent,
        Rule = rule,
        Category = category,
        Severity = severity,
        File = file,
        Line = line,
        Message = $"{rule} at line {line}",
        Fix = fix,
    };

    private static AgentReport Report(string agent, params Finding[] findings)
        => new() { TaskId = Guid.Empty, Agent = agent, Status = AgentRunStatus.Succeeded, Layer = 1, Findings = findings };

    private static readonly Finding[] Findings =
    [
        Found("CodeQualityInspector", "code-quality/todo-comment", "code_quality", Severity.Info, "a.py", 3),
        Found("CodeQualityInspector", "code-quality/cyclomatic-complexity", "code_quality", Severity.Medium, "Calc.cs", 6),
        Found("SecurityScanner", "secret/github-token", "secrets", Severity.High, "settings.py", 3, "Read it from the environment."),
        Found("DependencyAuditor", "dependency/GHSA-1", "dependencies", Severity.Critical, "package.json", 12),
        Found("PerformanceAnalyzer", "perf/sync-over-async", "performance", Severity.Medium, "Svc.cs", 40),
        Found("PerformanceAnalyzer", "perf/sync-over-async", "performance", Severity.Low, "Svc.cs", 10),
    ];

    [Fact]
    public void Items_are_ranked_by_severity_times_impact_times_ease_and_grouped_by_area()
    {
        var items = ImprovementPlanner.Items(Findings);

        // critical dependency 5×4×4 = 80, high secret 4×5×5 = 100, medium perf 3×3×4 = 36, medium complexity 3×3×3 = 27, info todo 1×1×5 = 5
        Assert.Equal(["secret/github-token", "dependency/GHSA-1", "perf/sync-over-async", "code-quality/cyclomatic-complexity", "code-quality/todo-comment"], items.Select(i => i.Rule));
        Assert.Equal([100, 80, 36, 27, 5], items.Select(i => i.Score));
        Assert.Equal([1, 2, 3, 4, 5], items.Select(i => i.Rank));
        var perf = items[2];
        Assert.Equal((2, Severity.Medium, "performance"), (perf.FindingCount, perf.Severity, perf.Area));
        Assert.Contains("Read it from the environment.", items[0].Rationale);

        var areas = ImprovementPlanner.Group(items);
        Assert.Equal(["security", "dependencies", "performance", "code_quality"], areas.Select(a => a.Area));
        Assert.Equal([4, 5], areas[3].Items.Select(i => i.Rank));
    }

    [Fact]
    public async Task Without_a_provider_the_plan_is_rule_based_and_says_why()
    {
        var advisor = new ImprovementAdvisorAgent(new NoAiCompletions(), Options.Create(new ImprovementOptions()));
        var context = AgentRuns.Context(ImprovementAdvisorAgent.AgentName, null) with { Inputs = [Report("Layer1", Findings)] };

        var result = await advisor.RunAsync(context, CancellationToken.None);

        var plan = result.Plan!;
        Assert.Equal(TextPath.RuleBased, plan.WrittenBy.Path);
        Assert.Equal("no AI provider configured", plan.WrittenBy.Reason);
        Assert.Equal(5, plan.ItemCount);
        Assert.All(plan.Areas.SelectMany(a => a.Items), i => Assert.Equal(TextPath.RuleBased, i.RationaleBy));
        Assert.Empty(result.Findings);
        Assert.Equal(0, result.Metrics["ai_rationales"]);
        Assert.StartsWith("5 improvements in 4 areas; first: secret/github-token", result.Summary);
    }

    [Fact]
    public void Performance_recommendations_are_concrete_and_say_where()
    {
        var recommendations = PerformanceRecommender.Recommend(Findings);

        Assert.Equal(["perf/sync-over-async", "code-quality/cyclomatic-complexity"], recommendations.Select(r => r.Rule));
        var sync = recommendations[0];
        Assert.Equal("Stop blocking on async work", sync.Title);
        Assert.StartsWith("Replace .Result, .Wait() and GetAwaiter().GetResult() with await", sync.Recommendation);
        Assert.Equal(["Svc.cs:40", "Svc.cs:10"], sync.Locations);
        Assert.Equal((2, Severity.Medium, "PerformanceAnalyzer"), (sync.FindingCount, sync.Severity, sync.Source));
        Assert.Equal(["Calc.cs:6"], recommendations[1].Locations);
    }

    [Fact]
    public async Task The_optimizer_carries_code_metrics_with_its_recommendations()
    {
        var quality = Report("CodeQualityInspector") with { Metrics = new Dictionary<string, double> { ["functions"] = 12, ["max_cyclomatic_complexity"] = 14 } };
        var context = AgentRuns.Context(PerformanceOptimizerAgent.AgentName, null) with { Inputs = [quality, Report("PerformanceAnalyzer", Findings[4], Findings[5])] };

        var result = await new PerformanceOptimizerAgent().RunAsync(context, CancellationToken.None);

        Assert.Equal("perf/sync-over-async", Assert.Single(result.Recommendations).Rule);
        Assert.Equal(1, result.Metrics["recommendations"]);
        Assert.Equal(2, result.Metrics["findings_used"]);
        Assert.Equal(14, result.Metrics["code_max_cyclomatic_complexity"]);
        Assert.Equal("1 performance recommendations; first: Stop blocking on async work (2 places).", result.Summary);
    }
}
