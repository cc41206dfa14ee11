using Amas.Orleans.Analysis.Findings;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Tests.Findings;

/// <summary>
/// The merger's structure on hand-made findings (agents named A, B, C have no concept and no category authority);
/// merges of the real analysers' findings are in <see cref="MergeByMeaningTests"/>.
/// </summary>
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
    public void Two_agents_at_the_same_line_and_category_without_an_authority_become_one_with_the_higher_severity()
    {
        var low = At("A", "a/generic", Severity.Medium, category: "custom");
        var high = At("B", "b/specific", Severity.Critical, category: "custom");

        var result = FindingMerger.Merge([low, high]);

        var merged = Assert.Single(result.Findings);
        Assert.Equal(Severity.Critical, merged.Severity);
        Assert.Equal(["B", "A"], merged.Sources);
        Assert.Equal(high.Id, merged.Id);
        Assert.Equal(1, result.Merged);
        Assert.Equal(1, result.SeverityConflicts);
        Assert.Equal(SeverityRules.Highest, merged.Resolution?.SeverityRule);
        Assert.Null(merged.Resolution?.Concept);
        Assert.Equal([high.Id, low.Id], merged.Resolution?.From.Select(f => f.Id));
    }

    [Fact]
    public void Merged_by_place_in_a_category_with_an_owner_the_owning_agent_decides()
    {
        // Before the rule table this finding took the other scanner's critical; the SecurityScanner owns "security".
        var scanner = At("SecurityScanner", "code/python-eval", Severity.Medium);
        var other = At("ThirdPartyScanner", "eval-call", Severity.Critical);

        var merged = Assert.Single(FindingMerger.Merge([scanner, other]).Findings);

        Assert.Equal(Severity.Medium, merged.Severity);
        Assert.Equal(scanner.Id, merged.Id);
        Assert.Equal(["SecurityScanner", "ThirdPartyScanner"], merged.Sources);
        Assert.Equal(SeverityRules.AuthoritativeAgent, merged.Resolution?.SeverityRule);
        Assert.Equal("SecurityScanner is authoritative for the security category: medium", merged.Resolution?.Reason);
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
        Assert.Null(merged.Resolution);
    }

    [Fact]
    public void Two_findings_of_one_agent_at_the_same_place_stay_two()
    {
        var complexity = At("CodeQualityInspector", "code-quality/cyclomatic-complexity", Severity.Medium, category: "code_quality");
        var length = At("CodeQualityInspector", "code-quality/long-function", Severity.Low, category: "code_quality");

        var result = FindingMerger.Merge([complexity, length]);

        Assert.Equal(2, result.Findings.Count);
        Assert.Equal(0, result.Merged);
        Assert.All(result.Findings, f => Assert.Null(f.Resolution));
    }

    [Fact]
    public void Findings_on_different_lines_or_categories_are_not_merged()
    {
        var a = At("A", "x/generic", Severity.Medium, line: 10);
        var b = At("B", "x/generic", Severity.Medium, line: 11);
        var c = At("B", "style", Severity.Low, line: 10, category: "code_quality");

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

    [Fact]
    public void One_suppressed_report_of_a_problem_suppresses_the_merged_finding()
    {
        var suppression = new FindingSuppression { Kind = SuppressionKind.InSource, Reason = "fixture", File = "src/App.cs", Line = 10 };
        var ignored = At("A", "r1", Severity.High) with { Suppression = suppression };
        var other = At("B", "r2", Severity.High);

        var merged = Assert.Single(FindingMerger.Merge([ignored, other]).Findings);

        Assert.Equal(suppression, merged.Suppression);
    }

    [Fact]
    public void The_merged_id_does_not_depend_on_the_order_the_reports_arrive_in()
    {
        var a = At("A", "r1", Severity.Low);
        var b = At("B", "r2", Severity.High);
        var c = At("C", "r3", Severity.Medium);

        var one = Assert.Single(FindingMerger.Merge([a, b, c]).Findings);
        var other = Assert.Single(FindingMerger.Merge([c, a, b]).Findings);

        Assert.Equal(one, other with { Sources = one.Sources, Resolution = one.Resolution });
        Assert.Equal(one.Sources, other.Sources);
        Assert.Equal(one.Resolution!.From, other.Resolution!.From);
    }
}
