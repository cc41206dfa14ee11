using LibGit2Sharp;

namespace Amas.Orleans.Repositories;

/// <summary>
/// The commit a local work tree has checked out, read with libgit2 in this process: pinning a local target is then
/// a few file reads, not a git process per task (forking a silo's large process cost more than the read itself).
/// libgit2 runs nothing a repository configures (no hooks, no fsmonitor), and like git it refuses a repository
/// owned by another user.
/// </summary>
internal static class LocalHead
{
    /// <summary>
    /// The full commit id at HEAD of the work tree whose root is <paramref name="directory"/>; null for a plain
    /// directory, a folder inside some other work tree (that tree's commit is not this folder's), a bare repository
    /// or one without commits.
    /// </summary>
    /// <exception cref="LibGit2SharpException">The repository could not be read.</exception>
    public static string? Of(string directory)
    {
        if (Repository.Discover(directory) is not { } gitDirectory)
        {
            return null;
        }

        using var repository = new Repository(gitDirectory);
        if (repository.Info.IsBare || repository.Info.WorkingDirectory is not { } root
            || !string.Equals(RealPath.Resolve(Path.GetFullPath(root)), RealPath.Resolve(Path.GetFullPath(directory)), StringComparison.Ordinal))
        {
            return null;
        }

        return repository.Head.Tip?.Sha;
    }
}
