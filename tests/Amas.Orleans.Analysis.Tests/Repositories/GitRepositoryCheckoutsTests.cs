using Amas.Orleans.Repositories;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Analysis.Tests.Repositories;

/// <summary>Pins and checks out real repositories served over file:// from a temp folder; nothing leaves the machine.</summary>
public sealed class GitRepositoryCheckoutsTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _origin;
    private readonly string _olderCommit;
    private readonly string _newerCommit;
    private readonly RecordingLogger<GitRepositoryCheckouts> _log = new();
    private readonly RepositoryOptions _options;
    private readonly GitRepositoryCheckouts _checkouts;
    private readonly ResolvedRepository _repository;

    public GitRepositoryCheckoutsTests()
    {
        _origin = LocalGit.Init(_temp.Combine("roots", "origin"));
        _olderCommit = LocalGit.Commit(_origin, "first", ("app.txt", "old content"), ("bin/tool.dat", "x"));
        LocalGit.Run(_origin, "tag", "--annotate", "v1", "--message", "first release");
        _newerCommit = LocalGit.Commit(_origin, "second", ("app.txt", "new content"), ("added.txt", "added later"));

        _options = new RepositoryOptions
        {
            AllowedRoots = [_temp.Combine("roots")],
            AllowedGitSchemes = ["file"],
            CacheDirectory = _temp.Combine("cache"),
        };
        var options = Options.Create(_options);
        _checkouts = new GitRepositoryCheckouts(options, new RepositoryWalker(options, NullLogger<RepositoryWalker>.Instance), _log);
        _repository = new RepositoryTargetValidator(options).Validate(new RepositoryTarget { GitUrl = LocalGit.FileUrl(_origin) });
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_branch_is_pinned_to_its_current_tip()
    {
        var pinned = await _checkouts.PinAsync(_repository, "main", CancellationToken.None);

        Assert.Equal(_newerCommit, pinned.Commit);
        Assert.Equal(_repository.GitUrl, pinned.GitUrl);
    }

    [Fact]
    public async Task An_annotated_tag_is_pinned_to_the_commit_it_tags()
    {
        Assert.Equal(_olderCommit, (await _checkouts.PinAsync(_repository, "v1", CancellationToken.None)).Commit);
        Assert.Equal(_olderCommit, (await _checkouts.PinAsync(_repository, "refs/tags/v1", CancellationToken.None)).Commit);
    }

    [Fact]
    public async Task No_ref_pins_the_remote_head()
    {
        Assert.Equal(_newerCommit, (await _checkouts.PinAsync(_repository, null, CancellationToken.None)).Commit);
    }

    [Fact]
    public async Task A_full_commit_id_is_taken_as_it_is()
    {
        Assert.Equal(_olderCommit, (await _checkouts.PinAsync(_repository, _olderCommit.ToUpperInvariant(), CancellationToken.None)).Commit);
    }

    [Fact]
    public async Task A_ref_the_remote_does_not_have_fails_with_a_clear_message()
    {
        var error = await Assert.ThrowsAsync<RepositoryCheckoutException>(
            () => _checkouts.PinAsync(_repository, "no-such-branch", CancellationToken.None));

        Assert.Contains("no-such-branch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ref_starting_with_a_dash_never_reaches_git()
    {
        var error = await Assert.ThrowsAsync<RepositoryCheckoutException>(
            () => _checkouts.PinAsync(_repository, "--upload-pack=touch pwned", CancellationToken.None));

        Assert.Contains("'-'", error.Message, StringComparison.Ordinal);
        Assert.Empty(_log.Events);
    }

    [Fact]
    public async Task A_checkout_holds_exactly_the_pinned_commit()
    {
        var pinned = await _checkouts.PinAsync(_repository, "v1", CancellationToken.None);

        var checkout = await _checkouts.CheckoutAsync(pinned, CancellationToken.None);

        Assert.Equal(_olderCommit, checkout.Commit);
        Assert.Equal(_checkouts.CheckoutDirectory(_repository.GitUrl!, _olderCommit), checkout.Root);
        Assert.StartsWith(_temp.Combine("cache") + Path.DirectorySeparatorChar, checkout.Root, StringComparison.Ordinal);
        Assert.Equal(["app.txt", "bin/tool.dat"], checkout.Files.Select(f => f.RelativePath));
        Assert.Equal("old content", await File.ReadAllTextAsync(checkout.Files[0].FullPath));
    }

    [Fact]
    public void The_checkout_directory_is_named_after_a_url_hash_and_the_commit()
    {
        var directory = _checkouts.CheckoutDirectory("https://github.com/org/repo.git", _olderCommit);

        var urlHash = Path.GetFileName(Path.GetDirectoryName(directory))!;
        Assert.Equal(16, urlHash.Length);
        Assert.True(urlHash.All(char.IsAsciiHexDigitLower));
        Assert.Equal(_olderCommit, Path.GetFileName(directory));
    }

    [Fact]
    public async Task A_second_checkout_of_the_same_commit_reuses_the_cache()
    {
        var pinned = await _checkouts.PinAsync(_repository, "main", CancellationToken.None);

        var first = await _checkouts.CheckoutAsync(pinned, CancellationToken.None);
        var second = await _checkouts.CheckoutAsync(pinned, CancellationToken.None);

        Assert.Equal(first.Root, second.Root);
        Assert.Equal(1, _log.Count("Cloning"));
        Assert.Equal(1, _log.Count("ReusingCheckout"));
        Assert.Equal("new content", await File.ReadAllTextAsync(Path.Combine(second.Root, "app.txt")));
    }

    [Fact]
    public async Task Concurrent_checkouts_of_one_commit_share_a_single_clone()
    {
        var pinned = await _checkouts.PinAsync(_repository, "main", CancellationToken.None);

        var checkouts = await Task.WhenAll(Enumerable.Range(0, 5).Select(
            _ => Task.Run(() => _checkouts.CheckoutAsync(pinned, CancellationToken.None))));

        Assert.Equal(1, _log.Count("Cloning"));
        Assert.Single(checkouts.Select(c => c.Root).Distinct());
        Assert.All(checkouts, c => Assert.Equal(3, c.Files.Count));
        var cacheEntries = Directory.GetFileSystemEntries(Path.GetDirectoryName(checkouts[0].Root)!);
        Assert.Equal([checkouts[0].Root], cacheEntries);
    }

    [Fact]
    public async Task A_commit_the_remote_does_not_have_fails_and_leaves_no_scratch_behind()
    {
        var missing = new ResolvedRepository { GitUrl = _repository.GitUrl, Commit = new string('a', 40) };

        var error = await Assert.ThrowsAsync<RepositoryCheckoutException>(() => _checkouts.CheckoutAsync(missing, CancellationToken.None));

        Assert.Contains(new string('a', 40), error.Message, StringComparison.Ordinal);
        var urlDirectory = Path.GetDirectoryName(_checkouts.CheckoutDirectory(_repository.GitUrl!, missing.Commit))!;
        Assert.Empty(Directory.GetFileSystemEntries(urlDirectory));
    }

    [Fact]
    public async Task An_unpinned_git_repository_cannot_be_checked_out()
    {
        await Assert.ThrowsAsync<RepositoryCheckoutException>(() => _checkouts.CheckoutAsync(_repository, CancellationToken.None));
    }

    [Fact]
    public async Task A_scheme_missing_from_the_allow_list_is_refused_by_git_itself()
    {
        _options.AllowedGitSchemes = ["https"];

        var error = await Assert.ThrowsAsync<RepositoryCheckoutException>(() => _checkouts.PinAsync(_repository, "main", CancellationToken.None));

        Assert.Contains("not allowed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_git_command_over_its_time_limit_is_killed_and_reported()
    {
        // A bare repository whose HEAD is a named pipe: git blocks opening it until killed, whatever the machine's
        // load, so the time limit is what ends the command.
        var hanging = _temp.Combine("hanging.git");
        RunProcess("git", "init", "--quiet", "--bare", hanging);
        File.Delete(Path.Combine(hanging, "HEAD"));
        RunProcess("mkfifo", Path.Combine(hanging, "HEAD"));
        _options.GitTimeout = TimeSpan.FromMilliseconds(500);
        var target = new ResolvedRepository { GitUrl = new Uri(hanging).AbsoluteUri };

        var error = await Assert.ThrowsAsync<RepositoryCheckoutException>(() => _checkouts.PinAsync(target, "main", CancellationToken.None));

        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, _log.Count("GitTimedOut"));
    }

    [Fact]
    public async Task A_local_directory_that_vanished_fails_with_a_checkout_exception()
    {
        var gone = new ResolvedRepository { LocalPath = _temp.Combine("roots", "gone") };

        await Assert.ThrowsAsync<RepositoryCheckoutException>(() => _checkouts.CheckoutAsync(gone, CancellationToken.None));
    }

    [Fact]
    public async Task A_local_work_tree_is_pinned_to_its_head_and_walked_in_place()
    {
        var local = new ResolvedRepository { LocalPath = _origin };

        var pinned = await _checkouts.PinAsync(local, null, CancellationToken.None);
        var checkout = await _checkouts.CheckoutAsync(pinned, CancellationToken.None);

        Assert.Equal(_newerCommit, pinned.Commit);
        Assert.Equal(_origin, checkout.Root);
        Assert.Equal(["added.txt", "app.txt", "bin/tool.dat"], checkout.Files.Select(f => f.RelativePath));
    }

    [Fact]
    public async Task A_plain_directory_or_a_folder_inside_a_work_tree_is_pinned_to_no_commit()
    {
        var plain = _temp.CreateDirectory("roots", "plain");

        Assert.Null((await _checkouts.PinAsync(new ResolvedRepository { LocalPath = plain }, null, CancellationToken.None)).Commit);
        Assert.Null((await _checkouts.PinAsync(new ResolvedRepository { LocalPath = Path.Combine(_origin, "bin") }, null, CancellationToken.None)).Commit);
    }

    [Fact]
    public async Task A_linked_work_tree_is_pinned_to_its_own_head_and_a_repository_without_commits_or_a_bare_one_to_none()
    {
        var linked = _temp.Combine("roots", "linked");
        LocalGit.Run(_origin, "worktree", "add", "--quiet", "--detach", linked, _olderCommit);
        var empty = LocalGit.Init(_temp.Combine("roots", "empty"));
        var bare = _temp.Combine("roots", "bare.git");
        LocalGit.Run(_temp.Combine("roots"), "init", "--quiet", "--bare", bare);

        Assert.Equal(_olderCommit, (await _checkouts.PinAsync(new ResolvedRepository { LocalPath = linked }, null, CancellationToken.None)).Commit);
        Assert.Equal(_newerCommit, (await _checkouts.PinAsync(new ResolvedRepository { LocalPath = _origin }, null, CancellationToken.None)).Commit);
        Assert.Null((await _checkouts.PinAsync(new ResolvedRepository { LocalPath = empty }, null, CancellationToken.None)).Commit);
        Assert.Null((await _checkouts.PinAsync(new ResolvedRepository { LocalPath = bare }, null, CancellationToken.None)).Commit);
    }

    [Fact]
    public async Task A_cancelled_checkout_throws_without_caching_anything()
    {
        var pinned = await _checkouts.PinAsync(_repository, "main", CancellationToken.None);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _checkouts.CheckoutAsync(pinned, new CancellationToken(canceled: true)));

        Assert.False(Directory.Exists(_checkouts.CheckoutDirectory(_repository.GitUrl!, _newerCommit)));
    }

    private static void RunProcess(string program, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(program) { RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} failed: {error}");
    }
}
