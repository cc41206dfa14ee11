using Amas.Orleans.Repositories;

namespace Amas.Orleans.Fixes;

/// <summary>
/// Commits a patch to a new branch of a git repository without touching its working tree, index or HEAD: the commit
/// is made in a linked worktree in a scratch directory, which is removed afterwards; only the branch stays. Hooks
/// and signing are off for every command: the repository's own configuration must not run programs here.
/// </summary>
internal sealed class FixBranch(GitCli git)
{
    private static readonly string[] Isolated =
        ["-c", "core.hooksPath=/dev/null", "-c", "commit.gpgsign=false", "-c", "user.name=Amas", "-c", "user.email=amas@localhost"];

    public static string NameFor(Guid taskId) => $"amas/{taskId}";

    /// <summary>Creates <paramref name="branch"/> at <paramref name="commit"/> plus the patch; null on success, otherwise why not.</summary>
    public async Task<string?> CommitAsync(string repository, string commit, string branch, string patch, string message, CancellationToken cancellationToken)
    {
        if ((await RunAsync(repository, ["rev-parse", "--verify", "--quiet", $"refs/heads/{branch}"], cancellationToken)).ExitCode == 0)
        {
            // A run resumed after its activation was lost: the branch it made is the result.
            return null;
        }

        var top = await RunAsync(repository, ["rev-parse", "--show-prefix"], cancellationToken);
        if (top.ExitCode != 0)
        {
            return $"{repository} is not a git work tree: {top.StandardError.Trim()}";
        }

        var prefix = top.StandardOutput.Trim();
        var scratch = Directory.CreateTempSubdirectory("amas-branch-").FullName;
        var patchFile = scratch + ".patch";
        try
        {
            var added = await RunAsync(repository, ["worktree", "add", "--quiet", "-b", branch, scratch, commit], cancellationToken);
            if (added.ExitCode != 0)
            {
                return $"could not create the branch: {added.StandardError.Trim()}";
            }

            await File.WriteAllTextAsync(patchFile, patch, cancellationToken).ConfigureAwait(false);
            List<string> apply = ["apply", "--index", "--whitespace=nowarn"];
            if (prefix.Length > 0)
            {
                apply.Add($"--directory={prefix.TrimEnd('/')}");
            }

            apply.Add(patchFile);
            var applied = await RunAsync(scratch, apply, cancellationToken);
            var committed = applied.ExitCode == 0
                ? await RunAsync(scratch, ["commit", "--quiet", "--no-verify", "-m", message], cancellationToken)
                : applied;
            if (committed.ExitCode != 0)
            {
                await RunAsync(repository, ["worktree", "remove", "--force", scratch], cancellationToken);
                await RunAsync(repository, ["branch", "-D", branch], cancellationToken);
                return $"the accepted fixes do not apply to commit {commit}: {committed.StandardError.Trim()}";
            }

            return null;
        }
        finally
        {
            await RunAsync(repository, ["worktree", "remove", "--force", scratch], CancellationToken.None);
            await RunAsync(repository, ["worktree", "prune"], CancellationToken.None);
            File.Delete(patchFile);
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }

    private Task<GitOutput> RunAsync(string directory, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
        => git.RunAsync([.. Isolated, "-C", directory, .. arguments], null, cancellationToken);
}
