namespace Amas.Orleans.Repositories;

/// <summary>
/// What to analyse, as the caller named it: a local path under an allowed root, or a git URL with an optional ref.
/// Exactly one of <see cref="Path"/> and <see cref="GitUrl"/> is set.
/// </summary>
[GenerateSerializer, Immutable, Alias("amas.RepositoryTarget")]
public sealed record RepositoryTarget
{
    [Id(0)] public string? Path { get; init; }
    [Id(1)] public string? GitUrl { get; init; }
    [Id(2)] public string? Ref { get; init; }
}
