using System.Text.Json;
using Amas.Orleans.Analysis.Dependencies;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Tests.Dependencies;

public sealed class OsvParserTests
{
    [Fact]
    public void A_record_yields_id_aliases_summary_affected_packages_ranges_and_versions()
    {
        var advisory = OsvParser.Parse(DependencyFixtures.Advisory("RUSTSEC-2021-0003"));

        Assert.Equal("RUSTSEC-2021-0003", advisory.Id);
        Assert.Equal(["CVE-2021-25900", "GHSA-43w2-9j62-hq99"], advisory.Aliases);
        Assert.Equal("Buffer overflow in SmallVec::insert_many", advisory.Summary);
        var affected = Assert.Single(advisory.Affected);
        Assert.Equal(new PackageKey(Ecosystem.CratesIo, "smallvec"), affected.Package);
        var range = Assert.Single(affected.Ranges);
        Assert.Equal(OsvRangeType.Semver, range.Type);
        Assert.Equal(
            [(OsvEventKind.Introduced, "0.6.3"), (OsvEventKind.Fixed, "0.6.14"), (OsvEventKind.Introduced, "1.0.0"), (OsvEventKind.Fixed, "1.6.1")],
            range.Events.Select(e => (e.Kind, e.Version)));
        Assert.False(advisory.Withdrawn);
    }

    [Theory]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H", 9.1)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", 7.5)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H", 7.2)]
    [InlineData("CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:H/I:N/A:N", 6.1)]
    [InlineData("CVSS:3.1/AV:N/AC:H/PR:H/UI:N/S:U/C:H/I:H/A:N", 5.9)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N", 5.4)]
    [InlineData("CVSS:3.0/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", 1.8)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0)]
    [InlineData("AV:N/AC:L/Au:N/C:P/I:P/A:P", 7.5)]
    [InlineData("AV:N/AC:M/Au:N/C:N/I:P/A:N", 4.3)]
    [InlineData("5.3", 5.3)]
    public void CVSS_vectors_give_their_base_score(string vector, double score) =>
        Assert.Equal(score, CvssScore.FromVector(vector));

    [Theory]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")]
    [InlineData("CVSS:3.1/AV:X/AC:L")]
    [InlineData("nonsense")]
    public void Vectors_without_a_computable_score_give_none(string vector) =>
        Assert.Null(CvssScore.FromVector(vector));

    [Theory]
    [InlineData(9.0, Severity.Critical)]
    [InlineData(8.9, Severity.High)]
    [InlineData(7.0, Severity.High)]
    [InlineData(6.9, Severity.Medium)]
    [InlineData(4.0, Severity.Medium)]
    [InlineData(3.9, Severity.Low)]
    [InlineData(0.0, Severity.Low)]
    public void Scores_map_to_severities_at_the_CVSS_boundaries(double score, Severity severity) =>
        Assert.Equal(severity, AdvisorySeverity.FromScore(score));

    [Fact]
    public void Without_a_score_the_database_severity_decides_and_without_either_it_is_medium()
    {
        var labelled = OsvParser.Parse(DependencyFixtures.Advisory("GHSA-pjwm-rvh2-c87w"));
        var v4Only = OsvParser.Parse("""
            { "id": "GHSA-aaaa-bbbb-cccc", "modified": "2024-01-01T00:00:00Z",
              "severity": [ { "type": "CVSS_V4", "score": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N" } ],
              "database_specific": { "severity": "LOW" } }
            """);
        var unknown = OsvParser.Parse("""{ "id": "OSV-2024-1", "modified": "2024-01-01T00:00:00Z" }""");

        Assert.Equal((Severity.Critical, (double?)null), (labelled.Severity, labelled.Score));
        Assert.Equal(Severity.Low, v4Only.Severity);
        Assert.Equal(Severity.Medium, unknown.Severity);
    }

    [Fact]
    public void Unknown_ecosystems_and_range_types_are_kept_but_match_nothing()
    {
        var advisory = OsvParser.Parse("""
            { "id": "DSA-1", "modified": "2024-01-01T00:00:00Z",
              "affected": [ { "package": { "ecosystem": "Debian:12", "name": "openssl" },
                              "ranges": [ { "type": "SOMETHING", "events": [ { "introduced": "0" } ] } ] } ] }
            """);

        var affected = Assert.Single(advisory.Affected);
        Assert.Null(affected.Package);
        Assert.Empty(affected.Ranges);
    }

    [Fact]
    public void A_withdrawn_record_is_marked_and_left_out_of_the_index()
    {
        var advisory = OsvParser.Parse("""
            { "id": "GHSA-xxxx-yyyy-zzzz", "modified": "2024-01-01T00:00:00Z", "withdrawn": "2024-02-01T00:00:00Z",
              "affected": [ { "package": { "ecosystem": "npm", "name": "left-pad" }, "versions": [ "1.3.0" ] } ] }
            """);

        Assert.True(advisory.Withdrawn);
        Assert.Empty(new AdvisoryIndex([advisory]).For(new PackageKey(Ecosystem.Npm, "left-pad")));
    }

    [Theory]
    [InlineData("""{ "modified": "2024-01-01T00:00:00Z" }""")]
    [InlineData("""[ { "id": "GHSA-1" } ]""")]
    public void A_record_without_an_id_is_rejected(string json) =>
        Assert.Throws<OsvFormatException>(() => OsvParser.Parse(json));

    [Fact]
    public void Text_that_is_not_JSON_is_rejected() =>
        Assert.ThrowsAny<JsonException>(() => OsvParser.Parse("{ not json"));

    [Theory]
    [InlineData(Ecosystem.PyPI, "Flask_SQLAlchemy", "flask-sqlalchemy")]
    [InlineData(Ecosystem.PyPI, "zope.interface", "zope-interface")]
    [InlineData(Ecosystem.NuGet, "Newtonsoft.Json", "newtonsoft.json")]
    [InlineData(Ecosystem.Npm, "@Scope/Pkg", "@Scope/Pkg")]
    public void Package_names_compare_the_way_their_registry_does(Ecosystem ecosystem, string name, string normalised) =>
        Assert.Equal(normalised, new PackageKey(ecosystem, name).Name);
}
