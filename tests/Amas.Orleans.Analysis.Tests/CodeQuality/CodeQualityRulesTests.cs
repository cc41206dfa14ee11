using Amas.Orleans.Analysis.CodeQuality;
using Amas.Orleans.Findings;
using Microsoft.Extensions.Configuration;

namespace Amas.Orleans.Analysis.Tests.CodeQuality;

public sealed class CodeQualityRulesTests
{
    private static readonly CodeQualityOptions Defaults = new();

    private static FileMetrics FileWith(params FunctionMetrics[] functions) =>
        new("src/app.py", SourceLanguage.Python, 100, 0, 0, functions, []);

    private static FunctionMetrics Function(string name, int complexity = 1, int lines = 1, int depth = 0) =>
        new(name, 10, 10 + lines - 1, complexity, depth);

    [Theory]
    [InlineData(10, null)]
    [InlineData(11, Severity.Medium)]
    [InlineData(20, Severity.Medium)]
    [InlineData(21, Severity.High)]
    public void Complexity_is_flagged_only_above_the_maximum_and_High_above_twice_it(int complexity, Severity? expected)
    {
        var findings = new CodeQualityRules(Defaults).Evaluate(FileWith(Function("parse", complexity)));

        Assert.Equal(expected, findings.SingleOrDefault(f => f.Rule == CodeQualityRuleIds.CyclomaticComplexity)?.Severity);
    }

    [Theory]
    [InlineData(60, null)]
    [InlineData(61, Severity.Low)]
    [InlineData(90, Severity.Low)]
    [InlineData(91, Severity.Medium)]
    public void Length_is_flagged_only_above_the_maximum_and_Low_up_to_one_and_a_half_times_it(int lines, Severity? expected)
    {
        var findings = new CodeQualityRules(Defaults).Evaluate(FileWith(Function("parse", lines: lines)));

        Assert.Equal(expected, findings.SingleOrDefault(f => f.Rule == CodeQualityRuleIds.LongFunction)?.Severity);
    }

    [Theory]
    [InlineData(4, null)]
    [InlineData(5, Severity.Medium)]
    public void Nesting_is_flagged_only_above_the_maximum(int depth, Severity? expected)
    {
        var findings = new CodeQualityRules(Defaults).Evaluate(FileWith(Function("parse", depth: depth)));

        Assert.Equal(expected, findings.SingleOrDefault(f => f.Rule == CodeQualityRuleIds.DeepNesting)?.Severity);
    }

    [Fact]
    public void A_function_finding_names_the_function_and_the_number_and_carries_the_agent_fields()
    {
        var finding = Assert.Single(new CodeQualityRules(Defaults).Evaluate(FileWith(Function("Cart.add", complexity: 14))));

        Assert.Contains("'Cart.add'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("14", finding.Message, StringComparison.Ordinal);
        Assert.Equal("code_quality", finding.Category);
        Assert.Equal("CodeQualityInspector", finding.Agent);
        Assert.Equal(["CodeQualityInspector"], finding.Sources);
        Assert.Equal(("src/app.py", 10), (finding.File, finding.Line));
        Assert.Equal(FindingFingerprint.Create(CodeQualityRuleIds.CyclomaticComplexity, "src/app.py", "Cart.add"), finding.Id);
    }

    [Fact]
    public void Markers_become_Info_findings_unless_turned_off()
    {
        var metrics = FileWith() with { Markers = [new CommentMarker(3, "TODO", "TODO: cache this")] };

        var finding = Assert.Single(new CodeQualityRules(Defaults).Evaluate(metrics));
        Assert.Equal((CodeQualityRuleIds.TodoComment, Severity.Info, 3, "TODO: cache this"),
            (finding.Rule, finding.Severity, finding.Line, finding.Evidence));
        Assert.Empty(new CodeQualityRules(new CodeQualityOptions { ReportTodos = false }).Evaluate(metrics));
    }

    [Fact]
    public void A_Python_function_at_the_configured_complexity_passes_and_one_above_it_is_reported()
    {
        const string source = """
            def at_limit(a, b):
                if a:
                    return 1
                if b:
                    return 2
                return 3


            def over_limit(a, b, c):
                if a:
                    return 1
                if b:
                    return 2
                if c:
                    return 3
                return 4
            """;
        var analyzer = new CodeQualityAnalyzer(new CodeQualityOptions { MaxCyclomaticComplexity = 3 });

        var finding = Assert.Single(analyzer.Analyze(new SourceFile("limits.py", source)).Findings);

        Assert.Equal((CodeQualityRuleIds.CyclomaticComplexity, Severity.Medium, 9), (finding.Rule, finding.Severity, finding.Line));
        Assert.Contains("'over_limit' has cyclomatic complexity 4", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Finding_ids_stay_the_same_when_lines_are_inserted_above()
    {
        const string source = """
            // TODO: remove the legacy path
            function route(req) {
              if (req.a) { if (req.b) { if (req.c) { return 1; } } }
              return 0;
            }
            """;
        var analyzer = new CodeQualityAnalyzer(new CodeQualityOptions { MaxNestingDepth = 2 });

        var before = analyzer.Analyze(new SourceFile("app.js", source)).Findings;
        var after = analyzer.Analyze(new SourceFile("app.js", "import x from 'x';\n\n\n" + source)).Findings;

        Assert.Equal(2, before.Count);
        Assert.Equal(before.Select(f => f.Id), after.Select(f => f.Id));
        Assert.Equal(before.Select(f => f.Line + 3), after.Select(f => f.Line));
    }

    [Fact]
    public void Functions_sharing_a_name_in_one_file_get_distinct_ids()
    {
        var findings = new CodeQualityRules(Defaults).Evaluate(
            FileWith(Function("render", complexity: 12), Function("render", complexity: 12)));

        Assert.Equal(2, findings.Select(f => f.Id).Distinct().Count());
    }

    [Fact]
    public void Options_bind_from_configuration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Amas:CodeQuality:MaxCyclomaticComplexity"] = "15",
                ["Amas:CodeQuality:MaxFunctionLines"] = "80",
                ["Amas:CodeQuality:MaxNestingDepth"] = "3",
                ["Amas:CodeQuality:ReportTodos"] = "false",
            })
            .Build();

        var options = configuration.GetSection(CodeQualityOptions.SectionName).Get<CodeQualityOptions>()!;

        Assert.Equal((15, 80, 3, false),
            (options.MaxCyclomaticComplexity, options.MaxFunctionLines, options.MaxNestingDepth, options.ReportTodos));
    }
}
