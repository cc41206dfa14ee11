using Amas.Orleans.Analysis.Dependencies;

namespace Amas.Orleans.Analysis.Tests.Dependencies;

public sealed class AffectedVersionsTests
{
    [Theory]
    [InlineData("1.0.0", false)]
    [InlineData("1.2.0", true)]
    [InlineData("1.4.9", true)]
    [InlineData("1.5.0", false)]
    [InlineData("2.0.0-rc.1", false)]
    public void Introduced_opens_and_fixed_closes_a_range(string version, bool affected)
    {
        var entry = Affected(Ecosystem.Npm, Range(OsvRangeType.Ecosystem, ("introduced", "1.2.0"), ("fixed", "1.5.0")));

        Assert.Equal(affected, AffectedVersions.Match(entry, Ecosystem.Npm, version).IsAffected);
    }

    [Theory]
    [InlineData("0.0.1", true)]
    [InlineData("2.3.4", true)]
    [InlineData("2.3.5", false)]
    [InlineData("3.0.0", false)]
    public void Last_affected_includes_its_own_version_and_nothing_after_it(string version, bool affected)
    {
        var entry = Affected(Ecosystem.CratesIo, Range(OsvRangeType.Semver, ("introduced", "0"), ("last_affected", "2.3.4")));

        var match = AffectedVersions.Match(entry, Ecosystem.CratesIo, version);

        Assert.Equal(affected, match.IsAffected);
        Assert.Null(match.FirstFixed);
    }

    [Theory]
    [InlineData("0.6.2", false, null)]
    [InlineData("0.6.3", true, "0.6.14")]
    [InlineData("0.6.14", false, null)]
    [InlineData("0.9.0", false, null)]
    [InlineData("1.0.0", true, "1.6.1")]
    [InlineData("1.6.1", false, null)]
    public void Events_of_several_intervals_in_one_range_are_evaluated_in_version_order(string version, bool affected, string? fix)
    {
        // Listed out of order on purpose: the schema requires sorting before evaluation.
        var entry = Affected(Ecosystem.CratesIo, Range(
            OsvRangeType.Semver, ("fixed", "1.6.1"), ("introduced", "0.6.3"), ("introduced", "1.0.0"), ("fixed", "0.6.14")));

        var match = AffectedVersions.Match(entry, Ecosystem.CratesIo, version);

        Assert.Equal((affected, fix), (match.IsAffected, match.FirstFixed));
    }

    [Theory]
    [InlineData("1.26.16", true, "1.26.17")]
    [InlineData("1.26.17", false, null)]
    [InlineData("2.0.0", true, "2.0.6")]
    [InlineData("2.0.6", false, null)]
    public void Any_of_several_ranges_makes_a_version_affected(string version, bool affected, string? fix)
    {
        var entry = Affected(
            Ecosystem.PyPI,
            Range(OsvRangeType.Ecosystem, ("introduced", "0"), ("fixed", "1.26.17")),
            Range(OsvRangeType.Ecosystem, ("introduced", "2.0.0"), ("fixed", "2.0.6")));

        var match = AffectedVersions.Match(entry, Ecosystem.PyPI, version);

        Assert.Equal((affected, fix), (match.IsAffected, match.FirstFixed));
    }

    [Theory]
    [InlineData("0.7.29", true)]
    [InlineData("1.0.0", true)]
    [InlineData("0.7.30", false)]
    [InlineData("0.7.28", false)]
    public void Explicitly_listed_versions_are_affected_and_their_neighbours_are_not(string version, bool affected)
    {
        var entry = new OsvAffected(Ecosystem.Npm, "ua-parser-js", [], ["0.7.29", "0.8.0", "1.0.0"]);

        Assert.Equal(affected, AffectedVersions.Match(entry, Ecosystem.Npm, version).IsAffected);
    }

    [Fact]
    public void An_ecosystem_range_uses_the_ecosystems_order_and_a_SEMVER_range_uses_SemVer()
    {
        // In PEP 440, 1.0.post1 comes after 1.0 and is therefore fixed.
        var pep = Affected(Ecosystem.PyPI, Range(OsvRangeType.Ecosystem, ("introduced", "0"), ("fixed", "1.0")));
        Assert.False(AffectedVersions.Match(pep, Ecosystem.PyPI, "1.0.post1").IsAffected);
        Assert.True(AffectedVersions.Match(pep, Ecosystem.PyPI, "1.0rc1").IsAffected);

        // Maven's "2.0-beta9" sorts before "2.0": the log4j range starts in a pre-release.
        var maven = Affected(Ecosystem.Maven, Range(OsvRangeType.Ecosystem, ("introduced", "2.0-beta9"), ("fixed", "2.3.1")));
        Assert.True(AffectedVersions.Match(maven, Ecosystem.Maven, "2.0").IsAffected);
        Assert.False(AffectedVersions.Match(maven, Ecosystem.Maven, "2.0-beta8").IsAffected);

        // Go versions carry a "v" the OSV SEMVER events leave out.
        var go = Affected(Ecosystem.Go, Range(OsvRangeType.Semver, ("introduced", "0"), ("fixed", "0.17.0")));
        Assert.True(AffectedVersions.Match(go, Ecosystem.Go, "v0.15.0").IsAffected);
        Assert.False(AffectedVersions.Match(go, Ecosystem.Go, "v0.17.0").IsAffected);
    }

    [Fact]
    public void Git_ranges_and_unreadable_versions_never_match()
    {
        var git = Affected(Ecosystem.Npm, Range(OsvRangeType.Git, ("introduced", "0"), ("fixed", new string('a', 40))));
        var garbled = Affected(Ecosystem.Npm, Range(OsvRangeType.Ecosystem, ("introduced", "0"), ("fixed", "soon")));
        var plain = Affected(Ecosystem.Npm, Range(OsvRangeType.Ecosystem, ("introduced", "0"), ("fixed", "2.0.0")));

        Assert.False(AffectedVersions.Match(git, Ecosystem.Npm, "1.0.0").IsAffected);
        Assert.False(AffectedVersions.Match(garbled, Ecosystem.Npm, "1.0.0").IsAffected);
        Assert.False(AffectedVersions.Match(plain, Ecosystem.Npm, "not-a-version").IsAffected);
    }

    [Fact]
    public void The_first_fix_is_the_lowest_fixed_version_above_the_dependency()
    {
        var entry = Affected(
            Ecosystem.Maven,
            Range(OsvRangeType.Ecosystem, ("introduced", "2.13.0"), ("fixed", "2.15.0")),
            Range(OsvRangeType.Ecosystem, ("introduced", "2.0-beta9"), ("fixed", "2.3.1")),
            Range(OsvRangeType.Ecosystem, ("introduced", "2.4"), ("fixed", "2.12.2")));

        Assert.Equal("2.15.0", AffectedVersions.Match(entry, Ecosystem.Maven, "2.14.1").FirstFixed);
        Assert.Equal("2.12.2", AffectedVersions.Match(entry, Ecosystem.Maven, "2.11.0").FirstFixed);
        Assert.Equal("2.3.1", AffectedVersions.Match(entry, Ecosystem.Maven, "2.1").FirstFixed);
        Assert.False(AffectedVersions.Match(entry, Ecosystem.Maven, "2.3.1").IsAffected);
    }

    private static OsvAffected Affected(Ecosystem ecosystem, params OsvRange[] ranges) =>
        new(ecosystem, "pkg", ranges, []);

    private static OsvRange Range(OsvRangeType type, params (string Kind, string Version)[] events) =>
        new(type, events.Select(e => new OsvEvent(
            e.Kind switch
            {
                "introduced" => OsvEventKind.Introduced,
                "fixed" => OsvEventKind.Fixed,
                "last_affected" => OsvEventKind.LastAffected,
                _ => OsvEventKind.Limit,
            },
            e.Version)).ToList());
}
