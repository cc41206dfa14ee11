using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>
/// pom.xml dependencies and dependencyManagement entries with a literal version or one built from
/// <c>${property}</c> references to the POM's own properties (and project.version / project.parent.version).
/// Ranges ("[1.0,2.0)") and properties defined in a parent POM are not resolvable here and are skipped.
/// Package names are "groupId:artifactId", as OSV names Maven packages.
/// </summary>
public sealed partial class MavenPomReader : IManifestReader
{
    public Ecosystem Ecosystem => Ecosystem.Maven;

    public bool CanRead(string path) => ManifestNames.Is(path, "pom.xml");

    public IReadOnlyList<Dependency> Read(SourceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var project = XmlManifest.Load(file.Text).Root;
        if (project is null || project.Name.LocalName != "project")
        {
            throw new ManifestFormatException("A POM has a <project> root.");
        }

        var properties = Properties(project);
        var declarations = XmlManifest.Children(XmlManifest.Child(project, "dependencies"), "dependency")
            .Concat(XmlManifest.Children(
                XmlManifest.Child(XmlManifest.Child(project, "dependencyManagement"), "dependencies"), "dependency"));
        var dependencies = new List<Dependency>();
        foreach (var dependency in declarations)
        {
            var group = Resolve(Text(dependency, "groupId"), properties);
            var artifact = Resolve(Text(dependency, "artifactId"), properties);
            var version = Resolve(Text(dependency, "version"), properties);
            if (group is null || artifact is null || version is null || version.IndexOfAny(['[', '(', ',']) >= 0)
            {
                continue;
            }

            dependencies.Add(new Dependency(
                Ecosystem.Maven, $"{group}:{artifact}", version, file.Path, XmlManifest.Line(dependency), Direct: true));
        }

        return dependencies;
    }

    private static Dictionary<string, string> Properties(XElement project)
    {
        var properties = XmlManifest.Child(project, "properties")?.Elements()
            .GroupBy(e => e.Name.LocalName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Value.Trim(), StringComparer.Ordinal)
            ?? new Dictionary<string, string>(StringComparer.Ordinal);
        var parent = XmlManifest.Child(project, "parent");
        AddIfPresent(properties, "project.parent.version", Text(parent, "version"));
        AddIfPresent(properties, "project.version", Text(project, "version") ?? Text(parent, "version"));
        AddIfPresent(properties, "project.groupId", Text(project, "groupId") ?? Text(parent, "groupId"));
        return properties;
    }

    private static void AddIfPresent(Dictionary<string, string> properties, string name, string? value)
    {
        if (value is not null)
        {
            properties.TryAdd(name, value);
        }
    }

    /// <summary>Expands ${name} references; null when one stays unresolved (chains are followed, cycles are not).</summary>
    private static string? Resolve(string? text, IReadOnlyDictionary<string, string> properties)
    {
        if (text is null)
        {
            return null;
        }

        for (var depth = 0; depth < 10 && text.Contains("${", StringComparison.Ordinal); depth++)
        {
            text = Reference().Replace(text, m => properties.GetValueOrDefault(m.Groups[1].Value, m.Value));
        }

        return text.Contains("${", StringComparison.Ordinal) || text.Length == 0 ? null : text;
    }

    private static string? Text(XElement? parent, string name) =>
        XmlManifest.Child(parent, name)?.Value.Trim() is { Length: > 0 } value ? value : null;

    [GeneratedRegex(@"\$\{([^}]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
