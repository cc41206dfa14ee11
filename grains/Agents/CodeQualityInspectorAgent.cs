using Amas.Orleans.Analysis;
using Amas.Orleans.Analysis.CodeQuality;
using Amas.Orleans.Findings;
using Amas.Orleans.Repositories;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Agents;

/// <summary>
/// Layer 1: measures every readable file of the checkout (size, complexity, nesting, maintainability index, TODOs)
/// and reports functions past the configured thresholds, then finds code copied within and across files. Files are
/// independent, so they are analysed in parallel, one per core; each leaves only a few fingerprints for the copy
/// detection, whose single final pass pairs them and reads again just the files that share some.
/// </summary>
public sealed class CodeQualityInspectorAgent(IOptions<CodeQualityOptions> options) : IAgent
{
    public AgentDescriptor Descriptor { get; } = new()
    {
        Name = CodeQualityRules.AgentName,
        Layer = 1,
        Description = "Measures size, cyclomatic complexity, nesting depth, maintainability index and TODO comments "
            + "per function, finds duplicated code across files, and reports code past the configured thresholds.",
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
            if (await ReadAsync(file.FullPath, token) is { } text)
            {
                reports[index] = analyzer.Analyze(new SourceFile(file.RelativePath, text), token);
            }
        });

        var read = reports.OfType<CodeQualityReport>().ToList();
        var fullPaths = repository.Files.ToDictionary(f => f.RelativePath, f => f.FullPath, StringComparer.Ordinal);
        var duplication = await analyzer.FindDuplicatesAsync(
            read.Select(r => r.Clones).OfType<CloneFingerprints>().ToList(),
            (path, token) => fullPaths.TryGetValue(path, out var full) ? ReadAsync(full, token) : ValueTask.FromResult<string?>(null),
            cancellationToken);

        return CodeQualitySummary.Of(read, reports.Count(r => r is null), duplication, options.Value);
    }

    /// <summary>A file deleted or locked since the checkout was listed is skipped, not a failed run.</summary>
    private static async ValueTask<string?> ReadAsync(string fullPath, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(fullPath, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
