namespace Amas.Orleans.Repositories;

/// <summary>
/// A repository as present on this silo's disk: the files analysers may read, and what was left out and why.
/// </summary>
public sealed record RepositoryCheckout(
    string Root,
    string? Commit,
    IReadOnlyList<RepositoryFile> Files,
    int SkippedBinary,
    int SkippedOversized);
