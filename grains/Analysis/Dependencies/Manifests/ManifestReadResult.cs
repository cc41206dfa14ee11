namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>What one manifest yielded; <see cref="Error"/> says why nothing was read from a malformed file.</summary>
public sealed record ManifestReadResult(string Path, IReadOnlyList<Dependency> Dependencies, string? Error);
