using Amas.Orleans.Agents;
using Amas.Orleans.Findings;
using Amas.Orleans.Reports;
using Amas.Orleans.Tasks;
using static Amas.Orleans.Analysis.Tests.Reports.ReportSamples;

namespace Amas.Orleans.Analysis.Tests.Reports;

public sealed class MarkdownEscapingTests
{
    private static string Render(Finding finding, IReadOnlyList<LayerSnapshot>? layers = null)
        => MarkdownReport.Write(Result(Snapshot(layers: layers), [finding]), [finding]);

    private static string LineStarting(string markdown, string prefix)
        => Assert.Single(markdown.Split('\n'), l => l.StartsWith(prefix, StringComparison.Ordinal));

    [Theory]
    [InlineData("plain", "`plain`")]
    [InlineData("run `rm -rf /` now", "``run `rm -rf /` now``")]
    [InlineData("a `` b", "```a `` b```")]
    [InlineData("`starts and ends`", "`` `starts and ends` ``")]
    [InlineData(" spaced ", "`  spaced  `")]
    [InlineData("key | value", "`key | value`")]
    [InlineData("first\n# second\r\n| third", "`first ↵ # second ↵ | third`")]
    [InlineData("bell\u0007 and \u001b[31mred", "`bell\uFFFD and \uFFFD[31mred`")]
    public void Evidence_stays_inside_one_code_span_whatever_backticks_breaks_or_control_characters_it_holds(string evidence, string expected)
    {
        var markdown = Render(Finding("r", Severity.Low, evidence: evidence));

        Assert.Equal("- Evidence: " + expected, LineStarting(markdown, "- Evidence: "));
    }

    [Fact]
    public void Markdown_syntax_in_a_message_is_escaped_so_it_shows_as_written()
    {
        var finding = Finding("r", Severity.Low, message: "*bold* _em_ <b>x</b> [link](y) a|b ~~s~~ &amp; $x$ back\\slash snake_case");

        var markdown = Render(finding);

        Assert.Equal(
            @"- Message: \*bold\* \_em\_ \<b\>x\</b\> \[link\](y) a\|b \~\~s\~\~ \&amp; \$x\$ back\\slash snake_case",
            LineStarting(markdown, "- Message: "));
    }

    [Fact]
    public void A_message_of_several_lines_keeps_its_lines_inside_the_list_item_and_cannot_open_a_block()
    {
        var finding = Finding("r", Severity.Low, message: "First line\n# not a heading\r\n\n- not a list\n1. nor this\n===");

        var markdown = Render(finding);

        Assert.Contains("- Message: First line\\\n  \\# not a heading\\\n  \\- not a list\\\n  1\\. nor this\\\n  \\===\n", markdown);
    }

    [Fact]
    public void Pipes_and_line_breaks_in_a_table_cell_cannot_split_the_row()
    {
        IReadOnlyList<LayerSnapshot> layers =
        [
            new LayerSnapshot
            {
                Layer = 1, Name = "detection", Status = LayerStatus.Completed,
                Agents = [new AgentSnapshot { Agent = "A|B", Status = AgentRunStatus.Failed, Silo = "s`1`", Error = new TaskError("x", "one | two\nthree\r\n| four") }],
            },
        ];

        var markdown = Render(Finding("r", Severity.Low), layers);

        Assert.Equal(@"| 1 detection (completed) | A\|B | failed | s\`1\` |  | 0 | x: one \| two three \| four |", LineStarting(markdown, "| 1 detection"));
    }

    [Fact]
    public void A_file_name_and_a_rule_with_backticks_stay_code_in_the_finding_heading()
    {
        var markdown = Render(Finding("odd`rule", Severity.Low, file: "src/we`ird.cs", line: 2));

        Assert.Equal("#### ``src/we`ird.cs:2`` · ``odd`rule``", LineStarting(markdown, "#### "));
    }

    [Fact]
    public void A_finding_without_a_file_or_line_is_placed_on_the_repository()
    {
        var markdown = Render(Finding("docker/missing-healthcheck", Severity.Info, file: null, line: null));

        Assert.Equal("#### repository · `docker/missing-healthcheck`", LineStarting(markdown, "#### "));
    }

    [Fact]
    public void A_fix_of_several_lines_is_a_fenced_block_longer_than_any_backtick_run_inside_it()
    {
        const string diff = "--- a/src/App.cs\n+++ b/src/App.cs\n@@ -1 +1 @@\n-var key = \"```\";\n+var key = Environment.GetEnvironmentVariable(\"KEY\");\n";

        var markdown = Render(Finding("r", Severity.Low, fix: diff));

        Assert.EndsWith(
            "- Fix:\n\n  ````diff\n  --- a/src/App.cs\n  +++ b/src/App.cs\n  @@ -1 +1 @@\n  -var key = \"```\";\n  +var key = Environment.GetEnvironmentVariable(\"KEY\");\n  ````\n",
            markdown);
    }

    [Fact]
    public void Findings_are_grouped_by_severity_most_severe_first_and_every_severity_group_is_counted()
    {
        IReadOnlyList<Finding> findings =
        [
            Finding("a", Severity.Info, line: 1), Finding("b", Severity.High, line: 2), Finding("c", Severity.Critical, line: 3),
            Finding("d", Severity.High, file: "a.cs", line: 9), Finding("e", Severity.Medium, line: 5),
        ];

        var markdown = MarkdownReport.Write(Result(Snapshot(), findings), findings);

        var headings = markdown.Split('\n').Where(l => l.StartsWith("### ", StringComparison.Ordinal) || l.StartsWith("#### ", StringComparison.Ordinal));
        Assert.Equal(
            [
                "### Critical (1)", "#### `src/App.cs:3` · `c`",
                "### High (2)", "#### `a.cs:9` · `d`", "#### `src/App.cs:2` · `b`",
                "### Medium (1)", "#### `src/App.cs:5` · `e`",
                "### Info (1)", "#### `src/App.cs:1` · `a`",
            ],
            headings);
    }
}
