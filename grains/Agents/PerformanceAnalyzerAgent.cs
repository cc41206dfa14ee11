using Amas.Orleans.Analysis;
using Amas.Orleans.Analysis.Performance;
using Amas.Orleans.Findings;
using Amas.Orleans.Repositories;

namespace Amas.Orleans.Agents;

/// <summary>
/// Layer 1: reports static performance anti-patterns (sync over async, async void, N+1 I/O in loops, string building
/// and LINQ counting in loops, HttpClient per call, unbounded static caches, and their Python and JavaScript kin).
/// Files are independent, so they are analysed in parallel, one per core.
/// </summary>
public sealed class PerformanceAnalyzerAgent : IAgent
{
    private readonly PerformanceAnalyzer _analyzer = new();

    public AgentDescriptor Descriptor { get; } = new()
    {
        Name = PerformanceFindings.AgentName,
        Layer = 1,
        Description = "Finds static performance anti-patterns in C# (Roslyn syntax trees), Python and "
            + "JavaScript/TypeScript: blocking on tasks, async void, I/O and string building in loops, HttpClient per "
            + "call, unbounded caches, sequential awaits and synchronous file access, each with why and a fix.",
        Capabilities = ["performance"],
    };

    public async Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        if (context.Repository is not { } repository)
        {
            return AgentResult.Empty("no repository to analyse");
        }

        var relevant = repository.Files
            .Where(f => PerformanceAnalyzer.Extensions.Contains(Path.GetExtension(f.RelativePath).ToLowerInvariant()))
            .ToList();
        var results = new IReadOnlyList<Finding>?[relevant.Count];
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };

        await Parallel.ForEachAsync(Enumerable.Range(0, relevant.Count), parallel, async (index, token) =>
        {
            var file = relevant[index];
            if (await ReadAsync(file, token) is { } text)
            {
                results[index] = _analyzer.Analyze(new SourceFile(file.RelativePath, text), token);
            }
        });

        return Summarise(results);
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

    private static AgentResult Summarise(IReadOnlyList<Finding>?[] results)
    {
        var findings = results
            .OfType<IReadOnlyList<Finding>>()
            .SelectMany(f => f)
            .OrderBy(f => f.File, StringComparer.Ordinal)
            .ThenBy(f => f.Line ?? 0)
            .ThenBy(f => f.Column ?? 0)
            .ThenBy(f => f.Rule, StringComparer.Ordinal)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToList();

        var analysed = results.Count(r => r is not null);
        var metrics = new Dictionary<string, double>
        {
            ["files_analyzed"] = analysed,
            ["files_unreadable"] = results.Length - analysed,
            ["findings"] = findings.Count,
        };

        var high = findings.Count(f => f.Severity >= Severity.High);
        var rules = findings.Select(f => f.Rule).Distinct(StringComparer.Ordinal).Count();
        var summary = $"Analysed {analysed} files: {findings.Count} performance findings ({high} high) across {rules} rules.";
        return new AgentResult(findings, metrics, summary);
    }
}
