using System.Xml.Linq;

namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>
/// SDK-style project files (PackageReference with a Version or VersionOverride) and central package management
/// (Directory.Packages.props: PackageVersion and GlobalPackageReference). A PackageReference without a version is
/// centrally managed, and its version is reported where it is written: in Directory.Packages.props.
/// </summary>
public sealed class NuGetProjectReader : IManifestReader
{
    private static readonly string[] ProjectExtensions = [".csproj", ".fsproj", ".vbproj"];

    public Ecosystem Ecosystem => Ecosystem.NuGet;

    public bool CanRead(string path) =>
        ManifestNames.Is(path, "Directory.Packages.props")
        || ProjectExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<Dependency> Read(SourceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var root = XmlManifest.Load(file.Text).Root;
        if (root is null || root.Name.LocalName != "Project")
        {
            throw new ManifestFormatException("An MSBuild file has a <Project> root.");
        }

        var properties = NuGetVersionText.Properties(root);
        var dependencies = new List<Dependency>();
        foreach (var item in XmlManifest.Children(root, "ItemGroup").SelectMany(group => group.Elements()))
        {
            if (item.Name.LocalName is not ("PackageReference" or "PackageVersion" or "GlobalPackageReference"))
            {
                continue;
            }

            // Update= changes an item defined elsewhere (often to pin a transitive package): still a declaration.
            var name = Attribute(item, "Include") ?? Attribute(item, "Update");
            var version = NuGetVersionText.Resolve(
                Attribute(item, "VersionOverride") ?? Attribute(item, "Version"), properties);
            if (name is null || version is null)
            {
                continue;
            }

            dependencies.Add(new Dependency(Ecosystem.NuGet, name, version, file.Path, XmlManifest.Line(item), Direct: true));
        }

        return dependencies;
    }

    /// <summary>An attribute, or the child element of the same name (&lt;Version&gt;1.0&lt;/Version&gt;).</summary>
    private static string? Attribute(XElement item, string name) =>
        (item.Attribute(name)?.Value ?? XmlManifest.Child(item, name)?.Value)?.Trim() is { Length: > 0 } value
            ? value
            : null;
}
