namespace Amas.Orleans.Repositories;

/// <summary>
/// A repository as present on this silo's disk: the files analysers may read, and what was left out and why.
/// </summary>
public sealed record RepositoryCheckout(
    string Root,
    string? Commit,
    IReadOnlyList<RepositoryFile> Files,
    int SkippedBinary,
    int SkippedOversized)
{
    /// <summary>
    /// Files and directories left out because .gitignore or .git/info/exclude ignores them; an ignored directory
    /// counts once, whatever it holds.
    /// </summary>
    public int SkippedIgnored { get; init; }
}
