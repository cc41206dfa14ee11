namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>
/// Cargo.lock: every crate resolved from a registry. Entries without a "source" are the workspace's own crates;
/// git sources are not crates.io releases, whatever version they claim.
/// </summary>
public sealed class CargoLockReader : IManifestReader
{
    public Ecosystem Ecosystem => Ecosystem.CratesIo;

    public bool CanRead(string path) => ManifestNames.Is(path, "Cargo.lock");

    public IReadOnlyList<Dependency> Read(SourceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return TomlPackages.Read(file.Text, file.Path)
            .Where(p => p.ContainsKey("name") && p.ContainsKey("version") && FromRegistry(p))
            .Select(p => new Dependency(Ecosystem.CratesIo, p["name"].Value, p["version"].Value, file.Path, p["name"].Line, Direct: false))
            .ToList();
    }

    private static bool FromRegistry(IReadOnlyDictionary<string, (string Value, int Line)> package) =>
        package.TryGetValue("source", out var source)
        && (source.Value.StartsWith("registry+", StringComparison.Ordinal)
            || source.Value.StartsWith("sparse+", StringComparison.Ordinal));
}
