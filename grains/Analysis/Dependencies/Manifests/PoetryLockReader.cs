namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>poetry.lock: every resolved package. The lock does not say which ones pyproject.toml asked for.</summary>
public sealed class PoetryLockReader : IManifestReader
{
    public Ecosystem Ecosystem => Ecosystem.PyPI;

    public bool CanRead(string path) => ManifestNames.Is(path, "poetry.lock");

    public IReadOnlyList<Dependency> Read(SourceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return TomlPackages.Read(file.Text, file.Path)
            .Where(p => p.ContainsKey("name") && p.ContainsKey("version"))
            .Select(p => new Dependency(Ecosystem.PyPI, p["name"].Value, p["version"].Value, file.Path, p["name"].Line, Direct: false))
            .ToList();
    }
}
