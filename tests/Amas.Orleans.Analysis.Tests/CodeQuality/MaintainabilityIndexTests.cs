using Amas.Orleans.Analysis.CodeQuality;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Tests.CodeQuality;

public sealed class MaintainabilityIndexTests
{
    private static readonly CodeQualityOptions Defaults = new();

    /// <summary>Halstead volume 5,000 and complexity 20 leave the code lines to decide the index.</summary>
    private static FunctionMetrics Function(string name, int codeLines) =>
        new(name, 10, 10 + codeLines - 1, 20, 1) { HalsteadVolume = 5000, CodeLines = codeLines };

    private static FileMetrics FileWith(params FunctionMetrics[] functions) =>
        new("src/Legacy.java", SourceLanguage.Java, 1000, 0, 0, functions, []);

    [Theory]
    [InlineData(1000, 10, 50, 41)] // 171 - 5.2 ln 1000 - 0.23 * 10 - 16.2 ln 50 = 69.40; * 100 / 171 = 40.6
    [InlineData(0, 1, 0, 100)] // a logarithm of less than 1 counts as 0: 170.77 * 100 / 171 = 99.9
    [InlineData(1e9, 500, 1e6, 0)] // far below zero is held at 0
    public void The_index_is_Visual_Studios_formula_rounded(double volume, int complexity, int codeLines, int expected)
    {
        Assert.Equal(expected, Maintainability.Index(volume, complexity, codeLines));
    }

    [Fact]
    public void JavaScript_volume_counts_from_the_name_with_a_bracket_pair_as_one_operator()
    {
        var add = Measured.File("math.js", "function add(a, b) { return a + b; }\n").Function("add");

        // add ( a , b ) { return a + b ; }: operators ( , { return + ; (N1 6, n1 6), operands add a b a b (N2 5, n2 3).
        Assert.Equal(11 * Math.Log2(9), add.HalsteadVolume, 6);
        Assert.Equal(1, add.CodeLines);
    }

    [Fact]
    public void Python_volume_counts_from_the_name_past_def()
    {
        var add = Measured.File("math.py", "def add(a, b):\n    return a + b\n").Function("add");

        // add ( a , b ) : return a + b: operators ( , : return + (5 of 5), operands add a b a b (5, 3 distinct).
        Assert.Equal(10 * Math.Log2(8), add.HalsteadVolume, 6);
        Assert.Equal(2, add.CodeLines);
    }

    [Fact]
    public void CSharp_volume_counts_from_the_name_so_modifiers_and_return_type_are_left_out()
    {
        var add = Measured.File("Math.cs", "class M { public int Add(int a, int b) { return a + b; } }").Function("M.Add(int, int)");

        // Add ( int a , int b ) { return a + b ; }: operators ( int , int { return + ; (N1 8, n1 7), operands 5 (3).
        Assert.Equal(13 * Math.Log2(10), add.HalsteadVolume, 6);
        Assert.Equal(1, add.CodeLines);
    }

    [Fact]
    public void A_nested_function_is_left_out_of_its_parents_volume_and_code_lines()
    {
        const string source = """
            def outer():
                def inner(a):
                    return a
                return inner
            """;

        var outer = Measured.File("nest.py", source).Function("outer");

        // outer ( ) : return inner: operators ( : return, operands outer inner; lines 1 and 4.
        Assert.Equal(5 * Math.Log2(5), outer.HalsteadVolume, 6);
        Assert.Equal(2, outer.CodeLines);
    }

    [Fact]
    public void A_simple_function_rates_far_above_the_minimum_and_raises_nothing()
    {
        const string source = """
            package shop

            func discount(total int, member bool) int {
            	if member {
            		return total * 9 / 10
            	}
            	return total
            }
            """;

        var report = new CodeQualityAnalyzer(Defaults).Analyze(new SourceFile("shop/discount.go", source));

        Assert.True(report.Metrics.Function("discount").MaintainabilityIndex > 60);
        Assert.Empty(report.Findings);
    }

    [Fact]
    public void A_switch_of_a_hundred_and_thirty_cases_is_reported_in_the_red_band()
    {
        var cases = string.Join('\n', Enumerable.Range(1, 130).Select(i => $"            case {i}: return \"message {i}\";"));
        var source = $$"""
            final class Codes {
                static String describe(int code) {
                    switch (code) {
            {{cases}}
                        default: return "unknown";
                    }
                }
            }
            """;

        var findings = new CodeQualityAnalyzer(Defaults).Analyze(new SourceFile("Codes.java", source)).Findings;

        var finding = Assert.Single(findings, f => f.Rule == CodeQualityRuleIds.MaintainabilityIndex);
        Assert.Equal((Severity.Medium, 2), (finding.Severity, finding.Line));
        Assert.StartsWith("Function 'describe' has maintainability index ", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(227, null)] // 171 - 44.29 - 4.6 - 16.2 ln 227 = 34.23: index 20, the minimum itself passes
    [InlineData(240, Severity.Low)] // raw 33.32: index 19
    [InlineData(650, Severity.Low)] // raw 17.18: index 10, the bottom of the yellow band
    [InlineData(800, Severity.Medium)] // raw 13.82: index 8, red
    public void A_function_below_the_minimum_is_Low_and_in_the_red_band_Medium(int codeLines, Severity? expected)
    {
        var findings = new CodeQualityRules(Defaults).Evaluate(FileWith(Function("load", codeLines)));

        Assert.Equal(expected, findings.SingleOrDefault(f => f.Rule == CodeQualityRuleIds.MaintainabilityIndex)?.Severity);
    }

    [Fact]
    public void A_minimum_of_zero_turns_the_rule_off()
    {
        var options = new CodeQualityOptions { MinMaintainabilityIndex = 0 };

        Assert.DoesNotContain(
            new CodeQualityRules(options).Evaluate(FileWith(Function("load", 100_000))),
            f => f.Rule == CodeQualityRuleIds.MaintainabilityIndex);
    }

    [Fact]
    public void A_file_is_rated_on_its_functions_averages_and_reported_once_more_only_with_several_functions()
    {
        var two = FileWith(Function("load", 800), Function("save", 800));
        var one = FileWith(Function("load", 800));

        var findings = new CodeQualityRules(Defaults).Evaluate(two).Where(f => f.Rule == CodeQualityRuleIds.MaintainabilityIndex).ToList();

        Assert.Equal(8, two.MaintainabilityIndex);
        Assert.Equal(3, findings.Count);
        var file = Assert.Single(findings, f => f.Line is null);
        Assert.Equal(("src/Legacy.java", Severity.Medium), (file.File, file.Severity));
        Assert.Contains("2 functions have maintainability index 8", file.Message, StringComparison.Ordinal);
        Assert.Single(new CodeQualityRules(Defaults).Evaluate(one), f => f.Rule == CodeQualityRuleIds.MaintainabilityIndex);
        Assert.Null(FileWith().MaintainabilityIndex);
    }
}
