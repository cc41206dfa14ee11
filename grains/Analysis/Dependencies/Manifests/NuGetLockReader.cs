using System.Text.Json;

namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>
/// packages.lock.json: per target framework, every resolved package with its type (Direct, Transitive,
/// CentralTransitive, Project). A package resolved alike for several frameworks is reported once.
/// </summary>
public sealed class NuGetLockReader : IManifestReader
{
    public Ecosystem Ecosystem => Ecosystem.NuGet;

    public bool CanRead(string path) => ManifestNames.Is(path, "packages.lock.json");

    public IReadOnlyList<Dependency> Read(SourceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var document = JsonDocument.Parse(file.Text, JsonPropertyLines.DocumentOptions);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("dependencies", out var frameworks)
            || frameworks.ValueKind != JsonValueKind.Object)
        {
            throw new ManifestFormatException("packages.lock.json has a \"dependencies\" object.");
        }

        var lines = JsonPropertyLines.Index(file.Text);
        var dependencies = new List<Dependency>();
        var seen = new HashSet<(string, string)>();
        foreach (var framework in frameworks.EnumerateObject())
        {
            if (framework.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var package in framework.Value.EnumerateObject())
            {
                var type = JsonValues.Text(package.Value, "type");
                var version = JsonValues.Text(package.Value, "resolved");
                if (version is null || type == "Project"
                    || !seen.Add((package.Name.ToLowerInvariant(), version)))
                {
                    continue;
                }

                var line = lines.LineOf("dependencies", framework.Name, package.Name);
                dependencies.Add(new Dependency(Ecosystem.NuGet, package.Name, version, file.Path, line, type == "Direct"));
            }
        }

        return dependencies;
    }
}
