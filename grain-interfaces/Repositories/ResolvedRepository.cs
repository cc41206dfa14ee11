namespace Amas.Orleans.Repositories;

/// <summary>
/// A target pinned down so every silo analyses the same bytes: a validated local path, or a git URL with the
/// exact commit its ref pointed at when the task started.
/// </summary>
[GenerateSerializer, Immutable, Alias("amas.ResolvedRepository")]
public sealed record ResolvedRepository
{
    /// <summary>Full, symlink-resolved path of a local target; null for git targets.</summary>
    [Id(0)] public string? LocalPath { get; init; }
    [Id(1)] public string? GitUrl { get; init; }
    /// <summary>Full commit id for git targets (and for local paths that are git work trees, when known).</summary>
    [Id(2)] public string? Commit { get; init; }
}
