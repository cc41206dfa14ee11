using System.Text.Json;

namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>
/// A local directory of OSV records (*.json, searched recursively), for offline audits: an unpacked OSV export
/// (https://osv-vulnerabilities.storage.googleapis.com/&lt;ecosystem&gt;/all.zip) or a hand-curated set. Read on every
/// run, so an updated export is used without a restart; only advisories for the packages asked about are kept.
/// </summary>
public sealed class OsvDirectorySource(string directory) : IAdvisorySource
{
    public string Description => $"OSV directory {directory}";

    public async Task<AdvisoryIndex> LoadAsync(IReadOnlyCollection<Dependency> dependencies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dependencies);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The advisory directory '{directory}' does not exist.");
        }

        var wanted = dependencies.Select(d => d.Package).ToHashSet();
        var kept = new List<OsvAdvisory>();
        var read = 0;
        var unreadable = 0;
        var files = Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal);
        foreach (var path in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            OsvAdvisory advisory;
            try
            {
                advisory = OsvParser.Parse(await File.ReadAllTextAsync(path, cancellationToken));
            }
            catch (Exception e) when (e is JsonException or OsvFormatException or IOException or UnauthorizedAccessException)
            {
                // One broken record must not hide the others.
                unreadable++;
                continue;
            }

            read++;
            if (advisory.Affected.Any(a => a.Package is { } package && wanted.Contains(package)))
            {
                kept.Add(advisory);
            }
        }

        return new AdvisoryIndex(kept, unreadable) { Read = read };
    }
}
