using System.Text.Json;

namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>
/// Reads manifests, asks every advisory source about the dependencies found, and matches versions locally.
/// A failing source is reported, never mistaken for a clean result.
/// </summary>
public sealed class DependencyAuditor(IReadOnlyList<IAdvisorySource> sources, ManifestScanner? scanner = null)
{
    private readonly ManifestScanner _scanner = scanner ?? new ManifestScanner();

    public bool IsManifest(string path) => _scanner.IsManifest(path);

    public async Task<DependencyAuditReport> AuditAsync(IReadOnlyList<SourceFile> manifests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        var read = new List<ManifestReadResult>();
        foreach (var manifest in manifests)
        {
            cancellationToken.ThrowIfCancellationRequested();
            read.Add(_scanner.Read(manifest));
        }

        var dependencies = read.SelectMany(r => r.Dependencies).ToList();
        var index = AdvisoryIndex.Empty;
        var errors = new List<string>();
        // Without dependencies there is nothing to ask; an API source would otherwise be called for nothing.
        if (dependencies.Count > 0)
        {
            foreach (var source in sources)
            {
                try
                {
                    index = index.Merge(await source.LoadAsync(dependencies, cancellationToken));
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    errors.Add($"{source.Description}: timed out");
                }
                catch (Exception e) when (e is HttpRequestException or IOException or UnauthorizedAccessException
                    or JsonException or NotSupportedException)
                {
                    errors.Add($"{source.Description}: {e.Message}");
                }
            }
        }

        var vulnerabilities = VulnerabilityMatcher.Match(dependencies, index);
        return new DependencyAuditReport(
            read,
            dependencies,
            vulnerabilities,
            DependencyFindings.Create(vulnerabilities),
            sources.Count,
            index.Read,
            index.Unreadable,
            errors);
    }
}
