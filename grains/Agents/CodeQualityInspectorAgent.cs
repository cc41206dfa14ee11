using Amas.Orleans.Analysis;
using Amas.Orleans.Analysis.CodeQuality;
using Amas.Orleans.Findings;
using Amas.Orleans.Repositories;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Agents;

/// <summary>
/// Layer 1: measures every readable file of the checkout (size, complexity, nesting, TODOs) and reports functions
/// past the configured thresholds. Files are independent, so they are analysed in parallel, one per core.
/// </summary>
public sealed class CodeQualityInspectorAgent(IOptions<CodeQualityOptions> options) : IAgent
{
    public AgentDescriptor Descriptor { get; } = new()
    {
        Name = CodeQualityRules.AgentName,
        Layer = 1,
        Description = "Measures size, cyclomatic complexity, nesting depth and TODO comments per function and "
            + "reports code that exceeds the configured thresholds.",
        Capabilities = ["code_quality"],
    };

    public async Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        if (context.Repository is not { } repository)
        {
            return AgentResult.Empty("no repository to analyse");
        }

        var analyzer = new CodeQualityAnalyzer(options.Value);
        var reports = new CodeQualityReport?[repository.Files.Count];
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };

        await Parallel.ForEachAsync(Enumerable.Range(0, reports.Length), parallel, async (index, token) =>
        {
            var file = repository.Files[index];
            if (await ReadAsync(file, token) is { } text)
            {
                reports[index] = analyzer.Analyze(new SourceFile(file.RelativePath, text), token);
            }
        });

        return Summarise(reports.OfType<CodeQualityReport>().ToList(), reports.Count(r => r is null));
    }

    /// <summary>A file deleted or locked since the checkout was listed is skipped, not a failed run.</summary>
    private static async Task<string?> ReadAsync(RepositoryFile file, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(file.FullPath, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static AgentResult Summarise(List<CodeQualityReport> reports, int unreadable)
    {
        var findings = reports
            .SelectMany(r => r.Findings)
            .OrderBy(f => f.File, StringComparer.Ordinal)
            .ThenBy(f => f.Line ?? 0)
            .ThenBy(f => f.Rule, StringComparer.Ordinal)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToList();

        var complexities = reports.SelectMany(r => r.Metrics.Functions).Select(f => f.CyclomaticComplexity).ToList();
        var metrics = new Dictionary<string, double>
        {
            ["files_analyzed"] = reports.Count,
            ["files_unreadable"] = unreadable,
            ["lines_of_code"] = reports.Sum(r => r.Metrics.CodeLines),
            ["comment_lines"] = reports.Sum(r => r.Metrics.CommentLines),
            ["blank_lines"] = reports.Sum(r => r.Metrics.BlankLines),
            ["functions"] = complexities.Count,
            ["max_cyclomatic_complexity"] = complexities.Count == 0 ? 0 : complexities.Max(),
            ["average_cyclomatic_complexity"] = complexities.Count == 0 ? 0 : Math.Round(complexities.Average(), 2),
            ["todo_comments"] = reports.Sum(r => r.Metrics.TodoCount),
        };

        var overThreshold = findings.Count(f => f.Rule != CodeQualityRuleIds.TodoComment);
        var summary = $"Analysed {reports.Count} files ({metrics["lines_of_code"]} lines of code, {complexities.Count} "
            + $"functions): {overThreshold} threshold findings and {metrics["todo_comments"]} TODO comments.";
        return new AgentResult(findings, metrics, summary);
    }
}
