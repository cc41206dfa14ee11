using Amas.Orleans.Agents;
using Amas.Orleans.Analysis.Performance;
using Amas.Orleans.Findings;
using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Analysis.Tests.Performance;

public sealed class PerformanceAnalyzerAgentTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("amas-performance-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static AgentContext Context(RepositoryCheckout? repository) => new(
        new AgentWork
        {
            TaskId = Guid.NewGuid(),
            Agent = "PerformanceAnalyzer",
            Kind = TaskKind.Orchestrate,
            Options = new TaskOptions(),
            Deadline = DateTimeOffset.UtcNow.AddMinutes(5),
        },
        repository,
        []);

    private RepositoryFile Write(string relativePath, string text)
    {
        var fullPath = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        File.WriteAllText(fullPath, text);
        return new RepositoryFile(relativePath, fullPath, new FileInfo(fullPath).Length);
    }

    [Fact]
    public void The_descriptor_presents_a_layer_1_performance_agent()
    {
        var descriptor = new PerformanceAnalyzerAgent().Descriptor;

        Assert.Equal(("PerformanceAnalyzer", 1), (descriptor.Name, descriptor.Layer));
        Assert.Equal(["performance"], descriptor.Capabilities);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description));
    }

    [Fact]
    public async Task Without_a_repository_the_agent_reports_nothing_to_analyse()
    {
        var result = await new PerformanceAnalyzerAgent().RunAsync(Context(null), CancellationToken.None);

        Assert.Empty(result.Findings);
        Assert.Equal("no repository to analyse", result.Summary);
    }

    [Fact]
    public async Task The_agent_analyses_a_checkout_end_to_end_with_sorted_findings_and_totals()
    {
        RepositoryFile[] files =
        [
            Write(PerformanceCorpus.JavaScriptPath, PerformanceCorpus.JavaScript),
            Write(PerformanceCorpus.CSharpPath, PerformanceCorpus.CSharp),
            Write(PerformanceCorpus.PythonPath, PerformanceCorpus.Python),
            Write("README.md", "Do not JSON.parse(JSON.stringify(x)) in loops.\n"),
        ];
        var missing = new RepositoryFile("gone.py", Path.Combine(_root, "gone.py"), 10);
        var checkout = new RepositoryCheckout(_root, "abc123", [.. files, missing], 0, 0);

        var result = await new PerformanceAnalyzerAgent().RunAsync(Context(checkout), CancellationToken.None);

        var expected = PerformanceCorpus.Expected
            .OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ThenBy(e => e.Rule, StringComparer.Ordinal);
        Assert.Equal(expected, result.Findings.Select(f => (f.File!, f.Rule, f.Line!.Value)));
        Assert.All(result.Findings, f => Assert.Equal(("PerformanceAnalyzer", "performance"), (f.Agent, f.Category)));
        Assert.Equal(3, result.Metrics["files_analyzed"]);
        Assert.Equal(1, result.Metrics["files_unreadable"]);
        Assert.Equal(PerformanceCorpus.Expected.Count, result.Metrics["findings"]);
        Assert.Equal(Severity.High, result.Findings.Single(f => f.Line == 19 && f.File == PerformanceCorpus.CSharpPath).Severity);
        Assert.False(string.IsNullOrWhiteSpace(result.Summary));
    }

    [Fact]
    public async Task A_cancelled_run_stops_with_cancellation()
    {
        var file = Write("a.py", "for x in xs:\n    requests.get(x)\n");
        var checkout = new RepositoryCheckout(_root, null, [file], 0, 0);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new PerformanceAnalyzerAgent().RunAsync(Context(checkout), cancelled.Token));
    }
}
