using Amas.Orleans.Analysis.Findings;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Tests.Findings;

public sealed class FindingMergerTests
{
    private static Finding At(string agent, string rule, Severity severity, string file = "src/App.cs", int line = 10, string category = "security", string? id = null) => new()
    {
        Id = id ?? $"{agent}:{rule}:{file}:{line}",
        Agent = agent,
        Rule = rule,
        Severity = severity,
        Category = category,
        File = file,
        Line = line,
        Message = $"{rule} found by {agent}",
        Sources = [agent],
    };

    [Fact]
    public void Overlapping_findings_of_two_agents_with_conflicting_severities_become_one_with_the_higher_severity_and_both_agents()
    {
        var low = At("SecurityScanner", "secret/generic", Severity.Medium);
        var high = At("DependencyAuditor", "secret/aws-access-key-id", Severity.Critical);

        var result = FindingMerger.Merge([low, high]);

        var merged = Assert.Single(result.Findings);
        Assert.Equal(Severity.Critical, merged.Severity);
        Assert.Equal(["DependencyAuditor", "SecurityScanner"], merged.Sources);
        Assert.Equal(high.Id, merged.Id);
        Assert.Equal(1, result.Merged);
    }

    [Fact]
    public void The_same_fingerprint_reported_twice_is_kept_once()
    {
        var first = At("SecurityScanner", "secret/generic", Severity.Medium, id: "abc");
        var again = first with { Severity = Severity.High };

        var result = FindingMerger.Merge([first, again]);

        var merged = Assert.Single(result.Findings);
        Assert.Equal("abc", merged.Id);
        Assert.Equal(Severity.High, merged.Severity);
    }

    [Fact]
    public void Two_findings_of_one_agent_at_the_same_place_stay_two()
    {
        var complexity = At("CodeQualityInspector", "code-quality/cyclomatic-complexity", Severity.Medium, category: "code_quality");
        var length = At("CodeQualityInspector", "code-quality/long-function", Severity.Low, category: "code_quality");

        var result = FindingMerger.Merge([complexity, length]);

        Assert.Equal(2, result.Findings.Count);
        Assert.Equal(0, result.Merged);
    }

    [Fact]
    public void Findings_on_different_lines_or_categories_are_not_merged()
    {
        var a = At("SecurityScanner", "secret/generic", Severity.Medium, line: 10);
        var b = At("OtherAgent", "secret/generic", Severity.Medium, line: 11);
        var c = At("OtherAgent", "style", Severity.Low, line: 10, category: "code_quality");

        Assert.Equal(3, FindingMerger.Merge([a, b, c]).Findings.Count);
    }

    [Fact]
    public void A_third_agent_joins_the_cluster_and_a_second_finding_of_an_agent_starts_a_new_one()
    {
        var a1 = At("A", "r1", Severity.High);
        var a2 = At("A", "r2", Severity.Low);
        var b = At("B", "r3", Severity.Medium);
        var c = At("C", "r4", Severity.Info);

        var result = FindingMerger.Merge([a1, a2, b, c]);

        Assert.Equal(2, result.Findings.Count);
        var lead = result.Findings[0];
        Assert.Equal("r1", lead.Rule);
        Assert.Equal(Severity.High, lead.Severity);
        Assert.Equal(["A", "B", "C"], lead.Sources);
        Assert.Equal(["A"], result.Findings[1].Sources);
    }

    [Fact]
    public void Merged_findings_come_out_most_severe_first()
    {
        var result = FindingMerger.Merge([
            At("A", "info", Severity.Info, line: 1),
            At("A", "crit", Severity.Critical, line: 2),
            At("A", "med", Severity.Medium, line: 3),
        ]);

        Assert.Equal(["crit", "med", "info"], result.Findings.Select(f => f.Rule));
    }
}
