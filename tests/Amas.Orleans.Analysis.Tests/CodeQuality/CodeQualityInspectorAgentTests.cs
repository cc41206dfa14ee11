using Amas.Orleans.Agents;
using Amas.Orleans.Analysis.CodeQuality;
using Amas.Orleans.Findings;
using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Analysis.Tests.CodeQuality;

public sealed class CodeQualityInspectorAgentTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("amas-codequality-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static CodeQualityInspectorAgent Agent(CodeQualityOptions? options = null) =>
        new(Options.Create(options ?? new CodeQualityOptions()));

    private static AgentContext Context(RepositoryCheckout? repository) => new(
        new AgentWork
        {
            TaskId = Guid.NewGuid(),
            Agent = "CodeQualityInspector",
            Kind = TaskKind.Orchestrate,
            Options = new TaskOptions(),
            Deadline = DateTimeOffset.UtcNow.AddMinutes(5),
        },
        repository,
        []);

    private RepositoryFile Write(string relativePath, string text, bool withBom = false)
    {
        var fullPath = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        File.WriteAllText(fullPath, text, new System.Text.UTF8Encoding(withBom));
        return new RepositoryFile(relativePath, fullPath, new FileInfo(fullPath).Length);
    }

    [Fact]
    public void The_descriptor_presents_a_layer_1_code_quality_agent()
    {
        var descriptor = Agent().Descriptor;

        Assert.Equal(("CodeQualityInspector", 1), (descriptor.Name, descriptor.Layer));
        Assert.Equal(["code_quality"], descriptor.Capabilities);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description));
    }

    [Fact]
    public async Task Without_a_repository_the_agent_reports_nothing_to_analyse()
    {
        var result = await Agent().RunAsync(Context(null), CancellationToken.None);

        Assert.Empty(result.Findings);
        Assert.Equal("no repository to analyse", result.Summary);
    }

    [Fact]
    public async Task The_agent_measures_a_checkout_end_to_end_with_sorted_findings_and_totals()
    {
        RepositoryFile[] files =
        [
            Write("src/Router.cs", """
                public sealed class Router
                {
                    // TODO: table-driven routing
                    public int Route(int a, int b)
                    {
                        if (a > 0 && b > 0) { return 1; }
                        return a > b ? 2 : 3;
                    }
                }
                """, withBom: true),
            Write("app/main.py", "def main(argv):\n    # FIXME: parse flags\n    return 0 if argv else 1\n"),
            Write("app/util.js", "\n// HACK: global\nconst twice = (x) => x * 2;\n"),
            Write("README.md", "# Title\n\nSome text.\n"),
        ];
        var missing = new RepositoryFile("gone.py", Path.Combine(_root, "gone.py"), 10);
        var checkout = new RepositoryCheckout(_root, "abc123", [.. files, missing], 0, 0);

        var result = await Agent(new CodeQualityOptions { MaxCyclomaticComplexity = 2 })
            .RunAsync(Context(checkout), CancellationToken.None);

        Assert.Equal(
            [
                ("app/main.py", 2, CodeQualityRuleIds.TodoComment, Severity.Info),
                ("app/util.js", 2, CodeQualityRuleIds.TodoComment, Severity.Info),
                ("src/Router.cs", 3, CodeQualityRuleIds.TodoComment, Severity.Info),
                ("src/Router.cs", 4, CodeQualityRuleIds.CyclomaticComplexity, Severity.Medium),
            ],
            result.Findings.Select(f => (f.File!, f.Line!.Value, f.Rule, f.Severity)));

        // Router.cs 8 code + 1 comment; main.py 2 + 1; util.js 1 + 1 + 1 blank; README.md 2 + 1 blank.
        Assert.Equal(4, result.Metrics["files_analyzed"]);
        Assert.Equal(1, result.Metrics["files_unreadable"]);
        Assert.Equal(13, result.Metrics["lines_of_code"]);
        Assert.Equal(3, result.Metrics["comment_lines"]);
        Assert.Equal(2, result.Metrics["blank_lines"]);
        // Route: if, &&, ?: → 4; main: conditional expression → 2; twice → 1.
        Assert.Equal(3, result.Metrics["functions"]);
        Assert.Equal(4, result.Metrics["max_cyclomatic_complexity"]);
        Assert.Equal(2.33, result.Metrics["average_cyclomatic_complexity"]);
        Assert.Equal(3, result.Metrics["todo_comments"]);
        Assert.False(string.IsNullOrWhiteSpace(result.Summary));
    }

    [Fact]
    public async Task A_cancelled_run_stops_with_cancellation()
    {
        var file = Write("a.py", "def f():\n    return 1\n");
        var checkout = new RepositoryCheckout(_root, null, [file], 0, 0);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Agent().RunAsync(Context(checkout), cancelled.Token));
    }

    [Fact]
    public async Task The_agent_finds_a_copy_across_files_of_the_checkout_and_leaves_out_minified_ones()
    {
        const string total = """
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
        var renamed = total.Replace("total", "sumUp").Replace("items", "rows").Replace("item", "row").Replace("sum", "acc");
        RepositoryFile[] files =
        [
            Write("src/a.js", total),
            Write("lib/b.js", renamed),
            Write("dist/b.min.js", renamed),
            Write("README.md", "# Notes\n"),
        ];
        var checkout = new RepositoryCheckout(_root, null, files, 0, 0);

        var result = await Agent(new CodeQualityOptions { DuplicateMinTokens = 40 }).RunAsync(Context(checkout), CancellationToken.None);

        Assert.Equal(
            [("lib/b.js", 1, "Lines 1-9 (44 tokens) repeat code found at src/a.js:1-9."),
                ("src/a.js", 1, "Lines 1-9 (44 tokens) repeat code found at lib/b.js:1-9.")],
            result.Findings.Select(f => (f.File!, f.Line!.Value, f.Message)));
        // 9 + 9 + 9 code lines in the scripts and 1 in README.md; the two copies hold 18 of them.
        Assert.Equal(2, result.Metrics["duplicate_regions"]);
        Assert.Equal(18, result.Metrics["duplicated_lines"]);
        Assert.Equal(64.29, result.Metrics["duplicated_lines_percent"]);
        Assert.Equal(1, result.Metrics["files_generated_or_minified"]);
        Assert.Equal(0, result.Metrics["low_maintainability_functions"]);
        Assert.InRange(result.Metrics["min_maintainability_index"], 50, 100);
        Assert.Contains("2 duplicated regions (18 lines)", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_functions_no_maintainability_index_is_claimed()
    {
        var checkout = new RepositoryCheckout(_root, null, [Write("README.md", "# Notes\n")], 0, 0);

        var result = await Agent().RunAsync(Context(checkout), CancellationToken.None);

        Assert.DoesNotContain("min_maintainability_index", result.Metrics.Keys);
        Assert.DoesNotContain("average_maintainability_index", result.Metrics.Keys);
        Assert.Equal(0, result.Metrics["low_maintainability_files"]);
    }
}
