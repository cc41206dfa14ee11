using Amas.Orleans.Analysis.CodeQuality;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Tests.CodeQuality;

public sealed class DuplicateCodeTests
{
    /// <summary>
    /// 44 tokens on 9 lines: function total ( items ) { · let sum = 0 ; · for ( const item of items ) { ·
    /// if ( item . price &gt; 0 ) { · sum += item . price * item . count ; · } · } · return sum ; · }
    /// </summary>
    private const string Total = """
        function total(items) {
          let sum = 0;
          for (const item of items) {
            if (item.price > 0) {
              sum += item.price * item.count;
            }
          }
          return sum;
        }
        """;

    /// <summary><see cref="Total"/> with every name and number changed.</summary>
    private const string SumUp = """
        function sumUp(rows) {
          let acc = 100;
          for (const row of rows) {
            if (row.cost > 5) {
              acc += row.cost * row.qty;
            }
          }
          return acc;
        }
        """;

    private static CodeQualityOptions Minimum(int tokens, int lines = 6) =>
        new() { DuplicateMinTokens = tokens, DuplicateMinLines = lines };

    [Theory]
    [InlineData(44, 9, true)]
    [InlineData(45, 9, false)] // one token short of the minimum
    [InlineData(44, 10, false)] // one line short of the minimum
    public async Task A_renamed_copy_is_found_at_the_token_and_line_minimum_and_not_one_short_of_either(int tokens, int lines, bool found)
    {
        var findings = await Duplicates.FindAsync(Minimum(tokens, lines), ("src/a.js", Total), ("src/b.js", SumUp));

        Assert.Equal(found ? 2 : 0, findings.Count);
    }

    [Fact]
    public async Task Each_copy_gets_one_finding_naming_the_other_place_with_its_lines()
    {
        var findings = await Duplicates.FindAsync(Minimum(40), ("src/a.js", Total), ("lib/b.js", "\n\n" + SumUp));

        var a = Assert.Single(findings, f => f.File == "src/a.js");
        var b = Assert.Single(findings, f => f.File == "lib/b.js");
        Assert.Equal((CodeQualityRuleIds.DuplicateCode, Severity.Low, 1, 9), (a.Rule, a.Severity, a.Line, a.EndLine));
        Assert.Equal((3, 11), (b.Line, b.EndLine));
        Assert.Equal("Lines 1-9 (44 tokens) repeat code found at lib/b.js:3-11.", a.Message);
        Assert.Equal("Lines 3-11 (44 tokens) repeat code found at src/a.js:1-9.", b.Message);
        Assert.Equal("44 tokens on 9 lines, 1 other place", a.Evidence);
        Assert.Equal(("CodeQualityInspector", "code_quality"), (a.Agent, a.Category));
    }

    [Fact]
    public async Task A_copy_within_one_file_names_its_twin_in_the_same_file()
    {
        var source = Total + "\n\nconsole.log('between');\n\n" + SumUp;

        var findings = await Duplicates.FindAsync(Minimum(40), ("src/a.js", source));

        Assert.Equal(
            ["Lines 1-9 (44 tokens) repeat code found at src/a.js:13-21.", "Lines 13-21 (44 tokens) repeat code found at src/a.js:1-9."],
            findings.Select(f => f.Message).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Three_copies_are_each_reported_and_the_first_names_both_others()
    {
        var findings = await Duplicates.FindAsync(Minimum(40), ("a.js", Total), ("b.js", SumUp), ("c.js", Total));

        Assert.Equal(["a.js", "b.js", "c.js"], findings.Select(f => f.File).Order(StringComparer.Ordinal));
        Assert.Equal("Lines 1-9 (44 tokens) repeat code found at b.js:1-9, c.js:1-9.", findings.Single(f => f.File == "a.js").Message);
    }

    [Fact]
    public async Task A_CSharp_copy_with_renamed_types_and_variables_is_found_with_the_default_minimum()
    {
        const string totals = """
            namespace Shop;

            public static class Totals
            {
                public static decimal Sum(IEnumerable<Line> lines, decimal discount)
                {
                    decimal total = 0;
                    foreach (var line in lines)
                    {
                        if (line.Quantity <= 0)
                        {
                            continue;
                        }

                        total += line.Price * line.Quantity;
                    }

                    if (discount > 0 && discount < 100)
                    {
                        total -= total * discount / 100;
                    }

                    return Math.Round(total, 2);
                }
            }
            """;
        var renamed = totals.Replace("Totals", "Billing").Replace("Sum(", "Amount(").Replace("Line>", "Row>")
            .Replace("discount", "off").Replace("total", "acc").Replace("line", "row").Replace("100", "50");

        var findings = await Duplicates.FindAsync(new CodeQualityOptions(), ("src/Totals.cs", totals), ("src/Billing.cs", "using System;\n" + renamed));

        // The namespace line and usings are not code to copy: both copies start at the class.
        Assert.Equal([("src/Billing.cs", 4, 26), ("src/Totals.cs", 3, 25)],
            findings.Select(f => (f.File!, f.Line!.Value, f.EndLine!.Value)).Order());
    }

    [Fact]
    public async Task A_copy_whose_middle_was_rewritten_is_two_pieces_each_under_the_minimum()
    {
        var rewritten = SumUp.Replace("acc += row.cost * row.qty;", "acc = Math.max(acc, row.cost);");

        var findings = await Duplicates.FindAsync(Minimum(30), ("a.js", Total), ("b.js", rewritten));

        Assert.Empty(findings);
    }

    [Fact]
    public async Task Sixty_similar_statements_are_repetition_not_a_copy()
    {
        var lines = string.Join('\n', Enumerable.Range(1, 60).Select(i => $"    lines.append(\"section {i}: \" + str(totals.get({i}, 0)))"));
        var source = $"def report(totals):\n    lines = []\n{lines}\n    return lines\n";

        var findings = await Duplicates.FindAsync(new CodeQualityOptions(), ("jobs/report.py", source), ("jobs/copy.py", source.Replace("report", "summary")));

        Assert.Empty(findings);
    }

    [Fact]
    public async Task Shared_import_lines_do_not_make_two_files_copies()
    {
        var imports = string.Join('\n', Enumerable.Range(1, 20).Select(i => $"from package{i}.module import name{i}, other{i}"));

        var findings = await Duplicates.FindAsync(Minimum(20),
            ("a.py", imports + "\n\ndef run():\n    return 1\n"),
            ("b.py", imports + "\n\nclass Job:\n    pass\n"));

        Assert.Empty(findings);
    }

    [Theory]
    [InlineData("web/vendor.min.js", "")]
    [InlineData("src/model.js", "/* <auto-generated/> */\n")]
    [InlineData("src/schema.js", "// Code generated by schemagen. DO NOT EDIT.\n")]
    [InlineData("src/table.js", "// This file was automatically generated from tables.csv\n")]
    public async Task Generated_and_minified_files_are_left_out(string path, string header)
    {
        var report = new CodeQualityAnalyzer(Minimum(40)).Analyze(new SourceFile(path, header + SumUp));

        var findings = await Duplicates.FindAsync(Minimum(40), ("src/a.js", Total), (path, header + SumUp));

        Assert.Empty(findings);
        Assert.True(report.GeneratedOrMinified);
        Assert.Null(report.Clones);
    }

    [Fact]
    public void A_one_line_bundle_is_minified_and_a_generator_marker_counts_only_near_the_top_and_as_a_marker()
    {
        var bundle = string.Concat(Enumerable.Repeat("var a=function(b){return b+1};", 40));
        var markerFarDown = Total + "\n\n\n\n// Totals generated by total() are rounded by the caller.\n";

        Assert.True(GeneratedCode.IsGeneratedOrMinified(new SourceFile("dist/app.js", bundle)));
        Assert.False(GeneratedCode.IsGeneratedOrMinified(new SourceFile("src/a.js", Total)));
        Assert.False(GeneratedCode.IsGeneratedOrMinified(new SourceFile("src/a.js", markerFarDown)));
        Assert.False(GeneratedCode.IsGeneratedOrMinified(new SourceFile("src/hot.js", "// Do not edit without careful benchmarking.\n" + Total)));
    }

    [Fact]
    public async Task The_finding_id_stays_when_lines_are_inserted_above_the_copy()
    {
        var before = await Duplicates.FindAsync(Minimum(40), ("a.js", Total), ("b.js", SumUp));
        var after = await Duplicates.FindAsync(Minimum(40), ("a.js", Total), ("b.js", "const x = require('x');\n\n\n" + SumUp));

        var moved = after.Single(f => f.File == "b.js");
        Assert.Equal(before.Single(f => f.File == "b.js").Id, moved.Id);
        Assert.Equal(4, moved.Line);
        Assert.Equal(before.Select(f => f.Id).Order(StringComparer.Ordinal), after.Select(f => f.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_final_pass_reads_again_only_the_files_that_share_fingerprints()
    {
        var read = new List<string>();
        var files = new[] { ("a.js", Total), ("b.js", SumUp), ("c.py", "def other(x):\n    return [y * 2 for y in x if y]\n") };

        var findings = await Duplicates.FindAsync(Minimum(40), files, path =>
        {
            read.Add(path);
            return files.Single(f => f.Item1 == path).Item2;
        });

        Assert.Equal(2, findings.Count);
        Assert.Equal(["a.js", "b.js"], read.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_file_changed_or_gone_between_the_passes_is_left_out_without_failing()
    {
        var changed = await Duplicates.FindAsync(Minimum(40), [("a.js", Total), ("b.js", SumUp)],
            path => path == "b.js" ? SumUp.Replace("acc += row.cost * row.qty;", "acc++;") : Total);
        var gone = await Duplicates.FindAsync(Minimum(40), [("a.js", Total), ("b.js", SumUp)], path => path == "b.js" ? null : Total);

        Assert.Empty(changed);
        Assert.Empty(gone);
    }

    [Fact]
    public void The_per_file_pass_keeps_a_few_percent_of_the_tokens()
    {
        var functions = string.Join("\n\n", Enumerable.Range(0, 200).Select(i => SumUp.Replace("sumUp", $"f{i}").Replace("100", $"{i}")
            .Replace("acc += row.cost * row.qty;", $"acc += row.cost * row.qty - {i} / (row.rate{i} || {i + 1});")));

        var clones = new CodeQualityAnalyzer(new CodeQualityOptions()).Analyze(new SourceFile("big.js", functions)).Clones!;

        Assert.True(clones.TokenCount > 10_000);
        // Winnowing over 36 runs keeps about 2 / 37 of them.
        Assert.InRange(clones.Marks.Length, 1, clones.TokenCount / 10);
    }

    [Fact]
    public void Copy_detection_can_be_turned_off()
    {
        var report = new CodeQualityAnalyzer(new CodeQualityOptions { ReportDuplicates = false }).Analyze(new SourceFile("a.js", Total));

        Assert.Null(report.Clones);
    }
}
