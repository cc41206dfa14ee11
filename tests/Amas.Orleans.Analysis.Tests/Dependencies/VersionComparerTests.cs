using Amas.Orleans.Analysis.Dependencies;

namespace Amas.Orleans.Analysis.Tests.Dependencies;

public sealed class VersionComparerTests
{
    // Each pair is (lower, higher).
    [Theory]
    [InlineData("1.0.0", "1.0.1")]
    [InlineData("1.9.0", "1.10.0")]
    [InlineData("1.0.0-alpha", "1.0.0")]
    [InlineData("1.0.0-alpha", "1.0.0-alpha.1")]
    [InlineData("1.0.0-alpha.1", "1.0.0-alpha.beta")]
    [InlineData("1.0.0-alpha.beta", "1.0.0-beta")]
    [InlineData("1.0.0-beta.2", "1.0.0-beta.11")]
    [InlineData("1.0.0-beta.11", "1.0.0-rc.1")]
    [InlineData("v0.15.0", "0.17.0")]
    [InlineData("v0.0.0-20230101000000-abcdef123456", "v0.0.1")]
    [InlineData("0", "0.0.1")]
    public void SemVer_orders_releases_and_prereleases_by_precedence(string lower, string higher) =>
        AssertOrdered(SemanticVersionComparer.Instance, lower, higher);

    [Theory]
    [InlineData("1.0.0+build.1", "1.0.0+build.2")]
    [InlineData("v1.2.3", "1.2.3")]
    [InlineData("1.2", "1.2.0")]
    public void SemVer_ignores_build_metadata_and_a_v_prefix(string left, string right) =>
        Assert.Equal(0, SemanticVersionComparer.Instance.Compare(left, right));

    [Theory]
    [InlineData("1.0.0-")]
    [InlineData("1.2.3.4")]
    [InlineData("latest")]
    [InlineData("")]
    public void SemVer_rejects_what_is_not_a_version(string text) =>
        Assert.False(SemanticVersionComparer.Instance.IsValid(text));

    [Theory]
    [InlineData("12.0.3", "13.0.1")]
    [InlineData("13.0.1-beta1", "13.0.1")]
    [InlineData("1.0.0.1", "1.0.0.2")]
    [InlineData("2.0.0-preview.9", "2.0.0-preview.10")]
    [InlineData("2.0.0-alpha", "2.0.0-Beta")]
    public void NuGet_follows_NuGet_versioning(string lower, string higher) =>
        AssertOrdered(NuGetVersionComparer.Instance, lower, higher);

    [Fact]
    public void NuGet_treats_1_0_and_1_0_0_0_as_one_version() =>
        Assert.Equal(0, NuGetVersionComparer.Instance.Compare("1.0", "1.0.0.0"));

    [Theory]
    [InlineData("1.0.dev0", "1.0a1")]
    [InlineData("1.0a1", "1.0a2.dev1")]
    [InlineData("1.0a2.dev1", "1.0a2")]
    [InlineData("1.0a2", "1.0b1")]
    [InlineData("1.0b1", "1.0rc1")]
    [InlineData("1.0rc1", "1.0")]
    [InlineData("1.0", "1.0+local.1")]
    [InlineData("1.0+abc", "1.0+5")]
    [InlineData("1.0+local.1", "1.0.post1.dev0")]
    [InlineData("1.0.post1.dev0", "1.0.post1")]
    [InlineData("1.0.post1", "1.0.1")]
    [InlineData("2.31.0", "2.31.1")]
    [InlineData("9.9", "1!0.1")]
    [InlineData("1.26.9", "1.26.17")]
    [InlineData("2.0.0rc1", "2.0.0")]
    public void PEP_440_orders_dev_pre_post_local_and_epochs(string lower, string higher) =>
        AssertOrdered(Pep440VersionComparer.Instance, lower, higher);

    [Theory]
    [InlineData("1.0", "1.0.0")]
    [InlineData("1.0alpha1", "1.0a1")]
    [InlineData("1.0-beta.2", "1.0b2")]
    [InlineData("1.0c1", "1.0rc1")]
    [InlineData("1.0-1", "1.0.post1")]
    [InlineData("v1.0", "1.0")]
    [InlineData("1.0.RC1", "1.0rc1")]
    [InlineData("0!1.0", "1.0")]
    public void PEP_440_normalises_alternative_spellings(string left, string right) =>
        Assert.Equal(0, Pep440VersionComparer.Instance.Compare(left, right));

    [Theory]
    [InlineData("1.0-")]
    [InlineData("1.0.x")]
    [InlineData("latest")]
    public void PEP_440_rejects_what_is_not_a_version(string text) =>
        Assert.False(Pep440VersionComparer.Instance.IsValid(text));

    [Theory]
    [InlineData("1-alpha2snapshot", "1-alpha2")]
    [InlineData("1-alpha2", "1-alpha-123")]
    [InlineData("1-alpha-123", "1-beta-2")]
    [InlineData("1-beta-2", "1-beta123")]
    [InlineData("1-beta123", "1-m2")]
    [InlineData("1-m2", "1-m11")]
    [InlineData("1-m11", "1-rc")]
    [InlineData("1-rc", "1-cr2")]
    [InlineData("1-cr2", "1-rc123")]
    [InlineData("1-rc123", "1-SNAPSHOT")]
    [InlineData("1-SNAPSHOT", "1")]
    [InlineData("1", "1-sp")]
    [InlineData("1-sp", "1-sp2")]
    [InlineData("1-sp2", "1-abc")]
    [InlineData("1-abc", "1-def")]
    [InlineData("1-def", "1-1-snapshot")]
    [InlineData("1-1-snapshot", "1-1")]
    [InlineData("1-1", "1-2")]
    [InlineData("2.0", "2.0.a")]
    [InlineData("2.0.a", "2-1")]
    [InlineData("2-1", "2.0.2")]
    [InlineData("2.0.2", "2.0.123")]
    [InlineData("2.0.123", "2.1.0")]
    [InlineData("2.1.0", "2.1-a")]
    [InlineData("2.1-1", "2.1.0.1")]
    [InlineData("2.1.0.1", "2.2")]
    [InlineData("2.2", "2.123")]
    [InlineData("2.0-beta8", "2.0-beta9")]
    [InlineData("2.0-beta9", "2.0")]
    [InlineData("2.0-rc2", "2.0")]
    [InlineData("2.12.2", "2.13.0")]
    [InlineData("2.14.1", "2.15.0")]
    public void Maven_follows_ComparableVersion(string lower, string higher) =>
        AssertOrdered(MavenVersionComparer.Instance, lower, higher);

    [Theory]
    [InlineData("1", "1.0")]
    [InlineData("1", "1.0.0")]
    [InlineData("1.0", "1-0")]
    [InlineData("1-ga", "1")]
    [InlineData("1.final", "1")]
    [InlineData("1-release", "1.0")]
    [InlineData("1-cr1", "1-rc1")]
    [InlineData("1a1", "1-alpha-1")]
    [InlineData("1b2", "1-beta-2")]
    [InlineData("1m3", "1-milestone-3")]
    [InlineData("1-SNAPSHOT", "1-snapshot")]
    public void Maven_treats_aliases_and_trailing_zeros_as_equal(string left, string right) =>
        Assert.Equal(0, MavenVersionComparer.Instance.Compare(left, right));

    [Theory]
    [InlineData(Ecosystem.NuGet, typeof(NuGetVersionComparer))]
    [InlineData(Ecosystem.Npm, typeof(SemanticVersionComparer))]
    [InlineData(Ecosystem.Go, typeof(SemanticVersionComparer))]
    [InlineData(Ecosystem.CratesIo, typeof(SemanticVersionComparer))]
    [InlineData(Ecosystem.PyPI, typeof(Pep440VersionComparer))]
    [InlineData(Ecosystem.Maven, typeof(MavenVersionComparer))]
    public void Each_ecosystem_uses_its_own_version_order(Ecosystem ecosystem, Type comparer) =>
        Assert.IsType(comparer, VersionComparers.For(ecosystem));

    [Fact]
    public void Comparing_an_invalid_version_throws_rather_than_guessing() =>
        Assert.Throws<FormatException>(() => Pep440VersionComparer.Instance.Compare("1.0", "not-a-version"));

    private static void AssertOrdered(IVersionComparer comparer, string lower, string higher)
    {
        Assert.True(comparer.IsValid(lower), $"{lower} should be valid");
        Assert.True(comparer.IsValid(higher), $"{higher} should be valid");
        Assert.Equal(-1, comparer.Compare(lower, higher));
        Assert.Equal(1, comparer.Compare(higher, lower));
        Assert.Equal(0, comparer.Compare(lower, lower));
    }
}
