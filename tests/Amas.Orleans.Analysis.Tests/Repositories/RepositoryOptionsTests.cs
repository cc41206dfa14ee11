using Amas.Orleans.Repositories;
using Microsoft.Extensions.Configuration;

namespace Amas.Orleans.Analysis.Tests.Repositories;

public sealed class RepositoryOptionsTests
{
    [Fact]
    public void Defaults_allow_https_to_the_three_public_forges_with_a_one_mebibyte_file_limit()
    {
        var options = new RepositoryOptions();

        Assert.Equal(["https"], options.EffectiveGitSchemes);
        Assert.Equal(["github.com", "gitlab.com", "bitbucket.org"], options.EffectiveGitHosts);
        Assert.Empty(options.AllowedRoots);
        Assert.Equal(1024 * 1024, options.MaxFileBytes);
        Assert.Equal(TimeSpan.FromMinutes(2), options.GitTimeout);
        Assert.Equal(Path.Combine(Path.GetTempPath(), "amas", "checkouts"), options.CacheDirectory);
        Assert.Equal("Amas:Repositories", RepositoryOptions.SectionName);
    }

    [Fact]
    public void Configured_allow_lists_replace_the_defaults_instead_of_adding_to_them()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Amas:Repositories:AllowedGitHosts:0"] = "git.internal.example",
                ["Amas:Repositories:AllowedGitSchemes:0"] = "ssh",
                ["Amas:Repositories:AllowedRoots:0"] = "/srv/repos",
                ["Amas:Repositories:MaxFileBytes"] = "2048",
                ["Amas:Repositories:GitTimeout"] = "00:00:30",
            })
            .Build();

        var options = configuration.GetSection(RepositoryOptions.SectionName).Get<RepositoryOptions>()!;

        Assert.Equal(["git.internal.example"], options.EffectiveGitHosts);
        Assert.Equal(["ssh"], options.EffectiveGitSchemes);
        Assert.Equal(["/srv/repos"], options.AllowedRoots);
        Assert.Equal(2048, options.MaxFileBytes);
        Assert.Equal(TimeSpan.FromSeconds(30), options.GitTimeout);
    }

    [Fact]
    public void Valid_settings_pass_validation()
    {
        var result = new RepositoryOptionsValidator().Validate(null, new RepositoryOptions { AllowedRoots = ["/srv/repos"] });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void A_relative_allowed_root_fails_validation_naming_its_key()
    {
        var result = new RepositoryOptionsValidator().Validate(null, new RepositoryOptions { AllowedRoots = ["/srv/repos", "repos"] });

        Assert.True(result.Failed);
        Assert.Contains("Amas:Repositories:AllowedRoots:1", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Non_positive_limits_fail_validation_naming_their_keys()
    {
        var result = new RepositoryOptionsValidator().Validate(
            null, new RepositoryOptions { MaxFileBytes = 0, GitTimeout = TimeSpan.Zero });

        Assert.Contains(result.Failures!, failure => failure.Contains("Amas:Repositories:MaxFileBytes", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, failure => failure.Contains("Amas:Repositories:GitTimeout", StringComparison.Ordinal));
    }

    [Fact]
    public void Listing_the_ext_transport_fails_validation()
    {
        var result = new RepositoryOptionsValidator().Validate(null, new RepositoryOptions { AllowedGitSchemes = ["https", "ext"] });

        Assert.Contains("Amas:Repositories:AllowedGitSchemes:1", Assert.Single(result.Failures!));
    }

    [Fact]
    public void A_relative_cache_directory_fails_validation()
    {
        var result = new RepositoryOptionsValidator().Validate(null, new RepositoryOptions { CacheDirectory = "checkouts" });

        Assert.Contains("Amas:Repositories:CacheDirectory", Assert.Single(result.Failures!));
    }
}
