using System.Text.Json;
using System.Text.RegularExpressions;

namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>
/// package.json, exact versions only: "4.17.15" is what will be installed, "^4.17.15" is whatever the registry
/// holds at install time, which the lock file (package-lock.json) records. Aliases ("npm:lodash@4.17.15") are read
/// as the aliased package.
/// </summary>
public sealed partial class NpmPackageJsonReader : IManifestReader
{
    private static readonly string[] Sections = ["dependencies", "devDependencies", "optionalDependencies"];

    public Ecosystem Ecosystem => Ecosystem.Npm;

    public bool CanRead(string path) => ManifestNames.Is(path, "package.json");

    public IReadOnlyList<Dependency> Read(SourceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var document = JsonDocument.Parse(file.Text, JsonPropertyLines.DocumentOptions);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new ManifestFormatException("package.json holds an object.");
        }

        var lines = JsonPropertyLines.Index(file.Text);
        var dependencies = new List<Dependency>();
        foreach (var section in Sections)
        {
            foreach (var entry in JsonValues.Members(document.RootElement, section))
            {
                if (entry.Value.ValueKind != JsonValueKind.String)
                {
                    continue;
                }

                var (name, spec) = Unalias(entry.Name, entry.Value.GetString()!.Trim());
                var exact = ExactVersion().Match(spec);
                if (exact.Success)
                {
                    dependencies.Add(new Dependency(
                        Ecosystem.Npm, name, exact.Groups[1].Value, file.Path, lines.LineOf(section, entry.Name), Direct: true));
                }
            }
        }

        return dependencies;
    }

    private static (string Name, string Spec) Unalias(string name, string spec)
    {
        if (!spec.StartsWith("npm:", StringComparison.Ordinal))
        {
            return (name, spec);
        }

        // The name may be scoped (@types/node), so the version follows the last "@" after the first character.
        var target = spec[4..];
        var at = target.LastIndexOf('@');
        return at > 0 ? (target[..at], target[(at + 1)..]) : (target, "");
    }

    [GeneratedRegex(@"^(?:=|v)?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex ExactVersion();
}
