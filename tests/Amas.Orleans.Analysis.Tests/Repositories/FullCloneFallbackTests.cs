using Amas.Orleans.Repositories;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Analysis.Tests.Repositories;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GitEnvironmentCollection
{
    // These tests change the process environment every git child inherits, so nothing may run beside them.
    public const string Name = "git environment";
}

[Collection(GitEnvironmentCollection.Name)]
public sealed class FullCloneFallbackTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_server_that_refuses_fetching_an_unadvertised_commit_gets_a_full_clone_instead()
    {
        var origin = LocalGit.Init(_temp.Combine("roots", "origin"));
        LocalGit.Commit(origin, "first", ("app.txt", "one"));
        var middle = LocalGit.Commit(origin, "second", ("app.txt", "two"));
        LocalGit.Commit(origin, "third", ("app.txt", "three"));
        var log = new RecordingLogger<GitRepositoryCheckouts>();
        var options = Options.Create(new RepositoryOptions
        {
            AllowedRoots = [_temp.Combine("roots")],
            AllowedGitSchemes = ["file"],
            CacheDirectory = _temp.Combine("cache"),
        });
        var checkouts = new GitRepositoryCheckouts(options, new RepositoryWalker(options, NullLogger<RepositoryWalker>.Instance), log);
        var repository = new ResolvedRepository { GitUrl = LocalGit.FileUrl(origin), Commit = middle };

        // Protocol v0 only serves advertised tips unless the server opts in, like many older servers.
        var previous = Environment.GetEnvironmentVariable("GIT_CONFIG_PARAMETERS");
        Environment.SetEnvironmentVariable("GIT_CONFIG_PARAMETERS", "'protocol.version'='0'");
        RepositoryCheckout checkout;
        try
        {
            checkout = await checkouts.CheckoutAsync(repository, CancellationToken.None);
        }
        finally
        {
            Environment.SetEnvironmentVariable("GIT_CONFIG_PARAMETERS", previous);
        }

        Assert.Equal(1, log.Count("FallingBackToFullClone"));
        Assert.Equal(middle, checkout.Commit);
        Assert.Equal("two", await File.ReadAllTextAsync(Path.Combine(checkout.Root, "app.txt")));
    }
}
