using System.Text.Json;

namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>
/// package-lock.json (and npm-shrinkwrap.json) of lockfile version 2 and 3: the flat "packages" map keyed by install
/// path ("node_modules/a/node_modules/b"). Version 1 files lack that map and are rejected as unsupported rather than
/// read as empty. A package is direct when it sits at the top of node_modules and the root package asks for it.
/// </summary>
public sealed class NpmLockReader : IManifestReader
{
    private const string Modules = "node_modules/";

    private static readonly string[] RootSections =
        ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"];

    public Ecosystem Ecosystem => Ecosystem.Npm;

    public bool CanRead(string path) =>
        ManifestNames.Is(path, "package-lock.json") || ManifestNames.Is(path, "npm-shrinkwrap.json");

    public IReadOnlyList<Dependency> Read(SourceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var document = JsonDocument.Parse(file.Text, JsonPropertyLines.DocumentOptions);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("packages", out var packages)
            || packages.ValueKind != JsonValueKind.Object)
        {
            throw new ManifestFormatException("Only lockfileVersion 2 and 3 (with a \"packages\" map) are supported.");
        }

        var declared = packages.TryGetProperty("", out var project)
            ? RootSections.SelectMany(s => JsonValues.Members(project, s)).Select(m => m.Name).ToHashSet(StringComparer.Ordinal)
            : [];
        var lines = JsonPropertyLines.Index(file.Text);
        var dependencies = new List<Dependency>();
        foreach (var entry in packages.EnumerateObject())
        {
            var at = entry.Name.LastIndexOf(Modules, StringComparison.Ordinal);
            var version = JsonValues.Text(entry.Value, "version");
            // Links point at workspace folders whose own entry carries the version; those are the project itself.
            if (at < 0 || version is null || JsonValues.Flag(entry.Value, "link"))
            {
                continue;
            }

            var installedAs = entry.Name[(at + Modules.Length)..];
            var name = JsonValues.Text(entry.Value, "name") ?? installedAs;
            var topLevel = at == 0 && entry.Name.IndexOf(Modules, Modules.Length, StringComparison.Ordinal) < 0;
            dependencies.Add(new Dependency(
                Ecosystem.Npm,
                name,
                version,
                file.Path,
                lines.LineOf("packages", entry.Name),
                Direct: topLevel && declared.Contains(installedAs)));
        }

        return dependencies;
    }
}
