using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Repositories;

/// <summary>
/// Pins git targets with <c>git ls-remote</c> and keeps one checkout per URL and commit in this silo's cache
/// directory, so every agent on the silo reads the same files and the network is used once per commit.
/// </summary>
public sealed class GitRepositoryCheckouts : IRepositoryCheckouts
{
    private readonly RepositoryOptions _options;
    private readonly RepositoryWalker _walker;
    private readonly ILogger<GitRepositoryCheckouts> _logger;
    private readonly GitCli _git;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    public GitRepositoryCheckouts(
        IOptions<RepositoryOptions> options, RepositoryWalker walker, ILogger<GitRepositoryCheckouts> logger)
    {
        _options = options.Value;
        _walker = walker;
        _logger = logger;
        _git = new GitCli(_options, logger);
    }

    public async Task<ResolvedRepository> PinAsync(ResolvedRepository repository, string? gitRef, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        if (repository.GitUrl is { } gitUrl)
        {
            EnsureSafeUrl(gitUrl);
            if (gitRef is not null && GitRefRule.Problem(gitRef) is { } problem)
            {
                throw new RepositoryCheckoutException($"The ref '{gitRef}' cannot be used: {problem}");
            }

            // A full id needs no lookup; whether the remote has it shows when the checkout fetches it.
            if (gitRef is not null && GitRefRule.IsFullCommitId(gitRef))
            {
                return repository with { Commit = gitRef.ToLowerInvariant() };
            }

            var listing = await _git.RunCheckedAsync(["ls-remote", "--", gitUrl], null, cancellationToken).ConfigureAwait(false);
            var name = gitRef ?? "HEAD";
            var commit = RemoteRefs.Find(listing.StandardOutput, name)
                ?? throw new RepositoryCheckoutException($"The repository {gitUrl} has no branch or tag named '{name}'.");
            RepositoryLog.Pinned(_logger, gitUrl, name, commit);
            return repository with { Commit = commit };
        }

        if (repository.LocalPath is { } localPath)
        {
            return repository with { Commit = await LocalHeadAsync(localPath, cancellationToken).ConfigureAwait(false) };
        }

        throw new ArgumentException("The repository has neither a local path nor a git URL.", nameof(repository));
    }

    public async Task<RepositoryCheckout> CheckoutAsync(ResolvedRepository repository, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var directory = await DirectoryAsync(repository, cancellationToken).ConfigureAwait(false);
        return await WalkAsync(directory, repository.LocalPath is null ? repository.Commit!.ToLowerInvariant() : repository.Commit, cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<string> DirectoryAsync(ResolvedRepository repository, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        if (repository.LocalPath is { } localPath)
        {
            return localPath;
        }

        if (repository.GitUrl is not { } gitUrl)
        {
            throw new ArgumentException("The repository has neither a local path nor a git URL.", nameof(repository));
        }

        EnsureSafeUrl(gitUrl);
        if (repository.Commit is not { } pinned || !GitRefRule.IsFullCommitId(pinned))
        {
            throw new RepositoryCheckoutException($"The repository {gitUrl} must be pinned to a full commit id before it is checked out.");
        }

        var commit = pinned.ToLowerInvariant();
        var directory = CheckoutDirectory(gitUrl, commit);
        if (Directory.Exists(directory))
        {
            RepositoryLog.ReusingCheckout(_logger, gitUrl, commit, directory);
        }
        else
        {
            await CloneOnceAsync(gitUrl, commit, directory, cancellationToken).ConfigureAwait(false);
        }

        return directory;
    }

    /// <summary>Where this silo keeps the checkout of <paramref name="commit"/> of <paramref name="gitUrl"/>.</summary>
    public string CheckoutDirectory(string gitUrl, string commit)
    {
        var urlHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(gitUrl)))[..16];
        return Path.Combine(_options.CacheDirectory, urlHash, commit.ToLowerInvariant());
    }

    private async Task CloneOnceAsync(string gitUrl, string commit, string directory, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(directory, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Directory.Exists(directory))
            {
                RepositoryLog.ReusingCheckout(_logger, gitUrl, commit, directory);
                return;
            }

            // Built beside its final place and renamed in one step, so a half-made checkout is never visible
            // under the final name, even to another process sharing the cache directory.
            var parent = Path.GetDirectoryName(directory)!;
            Directory.CreateDirectory(parent);
            var scratch = Path.Combine(parent, $".{commit}.{Guid.NewGuid():N}.tmp");
            try
            {
                RepositoryLog.Cloning(_logger, gitUrl, commit, directory);
                await FetchCommitAsync(gitUrl, commit, scratch, cancellationToken).ConfigureAwait(false);
                try
                {
                    Directory.Move(scratch, directory);
                }
                catch (IOException) when (Directory.Exists(directory))
                {
                    // Another process made the same checkout first; theirs is as good as ours.
                }
            }
            finally
            {
                RemoveScratch(scratch);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task FetchCommitAsync(string gitUrl, string commit, string scratch, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(scratch);
        await _git.RunCheckedAsync(["init", "--quiet"], scratch, cancellationToken).ConfigureAwait(false);
        var shallow = await _git.RunAsync(
            ["fetch", "--quiet", "--no-tags", "--depth", "1", "--", gitUrl, commit], scratch, cancellationToken).ConfigureAwait(false);

        if (shallow.ExitCode == 0)
        {
            await _git.RunCheckedAsync(["checkout", "--quiet", "--detach", "FETCH_HEAD"], scratch, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // Servers without uploadpack.allowReachableSHA1InWant (and protocol v0) refuse a want by id.
            RepositoryLog.FallingBackToFullClone(_logger, gitUrl, commit);
            Directory.Delete(scratch, recursive: true);
            await _git.RunCheckedAsync(["clone", "--quiet", "--no-checkout", "--", gitUrl, scratch], null, cancellationToken).ConfigureAwait(false);
            var checkout = await _git.RunAsync(["checkout", "--quiet", "--detach", commit], scratch, cancellationToken).ConfigureAwait(false);
            if (checkout.ExitCode != 0)
            {
                throw new RepositoryCheckoutException(
                    $"Commit {commit} could not be checked out from {gitUrl}. "
                    + $"{GitCli.Failure("fetch", shallow).Message} {GitCli.Failure("checkout", checkout).Message}");
            }
        }

        var head = await _git.RunCheckedAsync(["rev-parse", "HEAD"], scratch, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(head.StandardOutput.Trim(), commit, StringComparison.OrdinalIgnoreCase))
        {
            throw new RepositoryCheckoutException($"Checking out {commit} from {gitUrl} produced {head.StandardOutput.Trim()} instead.");
        }
    }

    private async Task<string?> LocalHeadAsync(string localPath, CancellationToken cancellationToken)
    {
        string? commit;
        try
        {
            // File reads stay off the caller's scheduler (a grain's turn must not block on disk).
            commit = await Task.Run(() => LocalHead.Of(localPath), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is LibGit2Sharp.LibGit2SharpException or IOException or UnauthorizedAccessException)
        {
            commit = null;
        }

        if (commit is null)
        {
            RepositoryLog.LocalHeadUnknown(_logger, localPath);
        }

        return commit;
    }

    private async Task<RepositoryCheckout> WalkAsync(string root, string? commit, CancellationToken cancellationToken)
    {
        try
        {
            // File-system work stays off the caller's scheduler (a grain's turn must not block on disk).
            return await Task.Run(() => _walker.Walk(root, commit, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RepositoryCheckoutException($"The repository directory '{root}' could not be read: {ex.Message}", ex);
        }
    }

    private static void EnsureSafeUrl(string gitUrl)
    {
        if (gitUrl.StartsWith('-') || !Uri.IsWellFormedUriString(gitUrl, UriKind.Absolute))
        {
            throw new RepositoryCheckoutException($"'{gitUrl}' is not a validated git URL.");
        }
    }

    private void RemoveScratch(string scratch)
    {
        try
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            RepositoryLog.ScratchNotRemoved(_logger, ex, scratch);
        }
    }
}
