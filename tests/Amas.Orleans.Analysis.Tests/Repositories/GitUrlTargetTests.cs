using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Analysis.Tests.Repositories;

public sealed class GitUrlTargetTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _root;

    public GitUrlTargetTests() => _root = _temp.CreateDirectory("allowed-root");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void An_https_url_on_an_allowed_host_is_accepted_and_normalised()
    {
        var resolved = Validator().Validate(new RepositoryTarget { GitUrl = "HTTPS://GitHub.com/org/repo.git", Ref = "main" });

        Assert.Equal("https://github.com/org/repo.git", resolved.GitUrl);
        Assert.Null(resolved.LocalPath);
    }

    [Theory]
    [InlineData("http://github.com/org/repo.git")]
    [InlineData("ssh://git@github.com/org/repo.git")]
    [InlineData("git://github.com/org/repo.git")]
    public void A_scheme_that_is_not_listed_is_rejected(string gitUrl)
    {
        AssertRejected(Validator(), new RepositoryTarget { GitUrl = gitUrl }, RepositoryTargetValidator.GitUrlKey, "scheme");
    }

    [Theory]
    [InlineData("ext::sh -c touch% /tmp/pwned")]
    [InlineData("ext::sh")]
    [InlineData("https::github.com/org/repo")]
    [InlineData("fd::17")]
    public void Remote_helper_transports_are_rejected_even_when_every_scheme_is_listed(string gitUrl)
    {
        var validator = Validator(schemes: ["https", "ext", "fd", "ssh", "file"], hosts: ["*"]);

        AssertRejected(validator, new RepositoryTarget { GitUrl = gitUrl }, RepositoryTargetValidator.GitUrlKey, "");
    }

    [Fact]
    public void A_host_that_is_not_listed_is_rejected()
    {
        AssertRejected(
            Validator(), new RepositoryTarget { GitUrl = "https://evil.example.com/org/repo.git" },
            RepositoryTargetValidator.GitUrlKey, "host 'evil.example.com' is not allowed");
    }

    [Fact]
    public void A_star_host_allows_any_host_for_an_allowed_scheme()
    {
        var resolved = Validator(hosts: ["*"]).Validate(new RepositoryTarget { GitUrl = "https://git.internal.example/team/repo.git" });

        Assert.Equal("https://git.internal.example/team/repo.git", resolved.GitUrl);
    }

    [Fact]
    public void Ssh_is_accepted_with_a_user_name_once_it_is_listed()
    {
        var resolved = Validator(schemes: ["ssh"]).Validate(new RepositoryTarget { GitUrl = "ssh://git@github.com/org/repo.git" });

        Assert.Equal("ssh://git@github.com/org/repo.git", resolved.GitUrl);
    }

    [Theory]
    [InlineData("https://user:secret@github.com/org/repo.git", "password")]
    [InlineData("https://ghp_token@github.com/org/repo.git", "credentials")]
    [InlineData("git@github.com:org/repo.git", "ssh://")]
    [InlineData("https://github.com/org/repo.git?x=1", "query")]
    [InlineData("-uhttps://github.com/org/repo.git", "'-'")]
    [InlineData("https://github.com/org/repo .git", "whitespace")]
    public void Malformed_or_credential_carrying_urls_are_rejected(string gitUrl, string expectedFragment)
    {
        AssertRejected(Validator(), new RepositoryTarget { GitUrl = gitUrl }, RepositoryTargetValidator.GitUrlKey, expectedFragment);
    }

    [Fact]
    public void A_file_url_inside_an_allowed_root_is_accepted_as_its_resolved_path()
    {
        var repository = _temp.CreateDirectory("allowed-root", "origin");
        var link = _temp.Combine("allowed-root", "origin-link");
        Directory.CreateSymbolicLink(link, repository);

        var resolved = Validator(schemes: ["file"]).Validate(new RepositoryTarget { GitUrl = new Uri(link).AbsoluteUri });

        Assert.Equal(new Uri(repository).AbsoluteUri, resolved.GitUrl);
    }

    [Fact]
    public void A_file_url_outside_the_allowed_roots_is_rejected()
    {
        var outside = _temp.CreateDirectory("outside", "origin");

        AssertRejected(
            Validator(schemes: ["file"]), new RepositoryTarget { GitUrl = new Uri(outside).AbsoluteUri },
            RepositoryTargetValidator.GitUrlKey, "not inside");
    }

    [Fact]
    public void A_file_url_escaping_with_encoded_dot_dot_is_rejected()
    {
        _temp.CreateDirectory("outside", "origin");

        AssertRejected(
            Validator(schemes: ["file"]),
            new RepositoryTarget { GitUrl = new Uri(_root).AbsoluteUri + "/%2e%2e/outside/origin" },
            RepositoryTargetValidator.GitUrlKey, "'..'");
    }

    [Fact]
    public void A_file_url_is_rejected_when_file_is_not_a_listed_scheme()
    {
        var repository = _temp.CreateDirectory("allowed-root", "origin");

        AssertRejected(
            Validator(), new RepositoryTarget { GitUrl = new Uri(repository).AbsoluteUri },
            RepositoryTargetValidator.GitUrlKey, "scheme 'file'");
    }

    [Theory]
    [InlineData("-upload-pack=touch /tmp/pwned")]
    [InlineData("--output=/tmp/x")]
    [InlineData("main..evil")]
    [InlineData("main@{1}")]
    [InlineData("ma in")]
    [InlineData("main\u0007")]
    [InlineData("HEAD~1")]
    public void An_unsafe_ref_is_rejected(string gitRef)
    {
        AssertRejected(
            Validator(), new RepositoryTarget { GitUrl = "https://github.com/org/repo.git", Ref = gitRef },
            RepositoryTargetValidator.RefKey, "");
    }

    [Fact]
    public void A_ref_longer_than_250_characters_is_rejected()
    {
        AssertRejected(
            Validator(), new RepositoryTarget { GitUrl = "https://github.com/org/repo.git", Ref = new string('a', 251) },
            RepositoryTargetValidator.RefKey, "250");
    }

    [Theory]
    [InlineData("main")]
    [InlineData("release/2.0")]
    [InlineData("v1.2.3")]
    [InlineData("refs/tags/v1")]
    [InlineData("0123456789abcdef0123456789abcdef01234567")]
    public void Ordinary_refs_are_accepted(string gitRef)
    {
        Assert.NotNull(Validator().Validate(new RepositoryTarget { GitUrl = "https://gitlab.com/org/repo.git", Ref = gitRef }).GitUrl);
    }

    private RepositoryTargetValidator Validator(List<string>? schemes = null, List<string>? hosts = null) =>
        new(Options.Create(new RepositoryOptions
        {
            AllowedRoots = [_root],
            AllowedGitSchemes = schemes,
            AllowedGitHosts = hosts,
        }));

    private static void AssertRejected(RepositoryTargetValidator validator, RepositoryTarget target, string key, string expectedFragment)
    {
        var error = Assert.Throws<TaskRejectedException>(() => validator.Validate(target));
        var sentence = Assert.Single(Assert.Single(error.Errors, pair => pair.Key == key).Value);
        Assert.Contains(expectedFragment, sentence, StringComparison.Ordinal);
    }
}
