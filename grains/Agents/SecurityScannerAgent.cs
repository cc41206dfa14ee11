using System.Collections.Concurrent;
using Amas.Orleans.Analysis;
using Amas.Orleans.Analysis.Security;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Agents;

/// <summary>Layer 1: reports credentials committed to the repository (keys, tokens, passwords in URLs and assignments).</summary>
/// <param name="scanner">Optional so the agent also builds without DI; the default scanner uses the built-in rules.</param>
public sealed class SecurityScannerAgent(SecretScanner? scanner = null) : IAgent
{
    private readonly SecretScanner _scanner = scanner ?? new SecretScanner();

    public AgentDescriptor Descriptor { get; } = new()
    {
        Name = SecretScanner.AgentName,
        Layer = 1,
        Description = "Finds credentials committed to the repository: cloud, VCS, payment and messaging keys, private "
            + "keys, JWTs, database URLs with passwords and secrets assigned in code or configuration.",
        Capabilities = ["security"],
    };

    public async Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Repository is null)
        {
            return AgentResult.Empty("no repository to analyse");
        }

        var findings = new ConcurrentBag<Finding>();
        var scanned = 0;
        var unreadable = 0;
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(context.Repository.Files, options, async (file, token) =>
        {
            string text;
            try
            {
                text = await File.ReadAllTextAsync(file.FullPath, token);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A file deleted or locked since checkout costs one file, not the whole run.
                Interlocked.Increment(ref unreadable);
                return;
            }

            foreach (var finding in _scanner.Scan(new SourceFile(file.RelativePath, text), token))
            {
                findings.Add(finding);
            }

            Interlocked.Increment(ref scanned);
        });

        var sorted = findings
            .OrderBy(f => f.File, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ThenBy(f => f.Column)
            .ThenBy(f => f.Rule, StringComparer.Ordinal)
            .ToList();
        var affectedFiles = sorted.Select(f => f.File).Distinct(StringComparer.Ordinal).Count();
        var metrics = new Dictionary<string, double>
        {
            ["files_scanned"] = scanned,
            ["secrets_found"] = sorted.Count,
            ["files_unreadable"] = unreadable,
        };
        var summary = sorted.Count == 0
            ? $"Scanned {scanned} files and found no committed secrets."
            : $"Scanned {scanned} files and found {sorted.Count} possible secrets in {affectedFiles} files.";
        return new AgentResult(sorted, metrics, summary);
    }
}
