namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>One package at one version, as a manifest or lock file declares it.</summary>
/// <param name="File">Relative path of the manifest, forward slashes.</param>
/// <param name="Line">1-based line of the declaration.</param>
/// <param name="Direct">
/// True when the project itself asks for the package; false for what a lock file resolved transitively or cannot
/// tell apart (poetry.lock, Cargo.lock).
/// </param>
public sealed record Dependency(Ecosystem Ecosystem, string Name, string Version, string File, int Line, bool Direct)
{
    public PackageKey Package => new(Ecosystem, Name);

    /// <summary>The anchor findings hash into their id: stable when the declaration moves to another line.</summary>
    public string Coordinates => $"{Ecosystem.ToOsv()}:{Name}@{Version}";
}
