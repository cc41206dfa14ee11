using Amas.Orleans.Analysis.Dependencies;
using Amas.Orleans.Findings;
using NJsonSchema;

namespace Amas.Orleans.Analysis.Tests.Dependencies;

/// <summary>The hand-written OSV fixtures: valid per the official schema, and each decides its near miss.</summary>
public sealed class OsvFixtureTests
{
    public static TheoryData<string> AdvisoryFiles() => [.. AdvisoryIds().Select(id => id + ".json")];

    private static List<string> AdvisoryIds() =>
        [.. Directory.EnumerateFiles(DependencyFixtures.Advisories, "*.json")
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(AdvisoryFiles))]
    public async Task Every_fixture_advisory_validates_against_the_OSV_schema(string file)
    {
        var schema = await JsonSchema.FromFileAsync(DependencyFixtures.SchemaPath);
        var errors = schema.Validate(await File.ReadAllTextAsync(Path.Combine(DependencyFixtures.Advisories, file)));

        Assert.Empty(errors.Select(e => $"{e.Path}: {e.Kind}"));
    }

    // Each record differs from a valid one in one detail the schema constrains through a $defs reference or a
    // nested rule, so a validator that skipped those parts would let it through.
    [Theory]
    [InlineData("""{ "id": "NOPE-1", "modified": "2024-01-01T00:00:00Z" }""")]
    [InlineData("""{ "id": "GHSA-aaaa-bbbb-cccc", "modified": "yesterday" }""")]
    [InlineData("""{ "id": "GHSA-aaaa-bbbb-cccc", "modified": "2024-01-01T00:00:00Z", "extra": 1 }""")]
    [InlineData("""{ "id": "GHSA-aaaa-bbbb-cccc", "modified": "2024-01-01T00:00:00Z", "affected": [ { "package": { "ecosystem": "Nuget", "name": "x" } } ] }""")]
    [InlineData("""{ "id": "GHSA-aaaa-bbbb-cccc", "modified": "2024-01-01T00:00:00Z", "affected": [ { "ranges": [ { "type": "RANGE", "events": [ { "introduced": "0" } ] } ] } ] }""")]
    public async Task The_schema_check_is_not_vacuous_a_record_broken_in_one_detail_fails_it(string json)
    {
        var schema = await JsonSchema.FromFileAsync(DependencyFixtures.SchemaPath);

        Assert.NotEmpty(schema.Validate(json));
    }

    // NJsonSchema does not evaluate if/then, which is how the schema checks CVSS vectors; the score calculator does.
    [Theory]
    [MemberData(nameof(AdvisoryFiles))]
    public void Every_fixture_CVSS_vector_yields_a_score(string file)
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(DependencyFixtures.Advisories, file)));
        var vectors = document.RootElement.TryGetProperty("severity", out var severity)
            ? severity.EnumerateArray().Select(s => s.GetProperty("score").GetString()).ToList()
            : [];

        Assert.All(vectors, v => Assert.NotNull(CvssScore.FromVector(v)));
    }

    [Fact]
    public void The_fixture_set_covers_all_six_ecosystems_with_real_advisory_ids()
    {
        var files = AdvisoryIds();
        var advisories = files.Select(f => OsvParser.Parse(DependencyFixtures.Advisory(f))).ToList();

        Assert.Equal(
            Enum.GetValues<Ecosystem>().Order(),
            advisories.SelectMany(a => a.Affected).Select(a => a.Ecosystem!.Value).Distinct().Order());
        Assert.Equal(files, advisories.Select(a => a.Id));
        Assert.All(advisories, a => Assert.Matches(
            @"^(GHSA(-[23456789cfghjmpqrvwx]{4}){3}|PYSEC-\d{4}-\d+|RUSTSEC-\d{4}-\d{4})$", a.Id));
    }

    [Theory]
    [InlineData(Ecosystem.NuGet, "Newtonsoft.Json", "12.0.3", "GHSA-5crp-9r3c-p9vr", "13.0.1", Severity.High)]
    [InlineData(Ecosystem.Npm, "lodash", "4.17.11", "GHSA-jf85-cpcp-j695", "4.17.12", Severity.Critical)]
    [InlineData(Ecosystem.Npm, "lodash", "4.17.20", "GHSA-35jh-r3h4-6jhm", "4.17.21", Severity.High)]
    [InlineData(Ecosystem.PyPI, "requests", "2.30.0", "GHSA-j8r2-6x86-q33q", "2.31.0", Severity.Medium)]
    [InlineData(Ecosystem.PyPI, "urllib3", "1.26.16", "GHSA-v845-jxx5-vc9f", "1.26.17", Severity.Medium)]
    [InlineData(Ecosystem.PyPI, "urllib3", "2.0.5", "GHSA-v845-jxx5-vc9f", "2.0.6", Severity.Medium)]
    [InlineData(Ecosystem.PyPI, "Jinja2", "3.1.2", "GHSA-h5c8-rqwp-cp95", "3.1.3", Severity.Medium)]
    [InlineData(Ecosystem.Go, "golang.org/x/net", "v0.15.0", "GHSA-4374-p667-p6c8", "0.17.0", Severity.High)]
    [InlineData(Ecosystem.Go, "golang.org/x/text", "v0.3.7", "GHSA-69ch-w2m2-3vjp", "0.3.8", Severity.High)]
    [InlineData(Ecosystem.CratesIo, "smallvec", "1.6.0", "RUSTSEC-2021-0003", "1.6.1", Severity.Critical)]
    [InlineData(Ecosystem.CratesIo, "smallvec", "0.6.13", "RUSTSEC-2021-0003", "0.6.14", Severity.Critical)]
    [InlineData(Ecosystem.Maven, "org.apache.logging.log4j:log4j-core", "2.14.1", "GHSA-jfh8-c2jp-5v3q", "2.15.0", Severity.Critical)]
    [InlineData(Ecosystem.Maven, "org.apache.logging.log4j:log4j-core", "2.0-beta9", "GHSA-jfh8-c2jp-5v3q", "2.3.1", Severity.Critical)]
    public void A_vulnerable_version_is_flagged_and_its_first_fixed_version_is_not(
        Ecosystem ecosystem, string name, string vulnerable, string advisoryId, string fixedVersion, Severity severity)
    {
        var index = new AdvisoryIndex([OsvParser.Parse(DependencyFixtures.Advisory(advisoryId))]);

        var flagged = Assert.Single(VulnerabilityMatcher.Match([Declared(ecosystem, name, vulnerable)], index));
        var nearMiss = VulnerabilityMatcher.Match([Declared(ecosystem, name, Prefixed(ecosystem, fixedVersion))], index);

        Assert.Equal((advisoryId, fixedVersion, severity), (flagged.Advisory.Id, flagged.FirstFixed, flagged.Advisory.Severity));
        Assert.Empty(nearMiss);
    }

    [Fact]
    public void Malware_versions_listed_explicitly_are_flagged_and_the_next_release_is_not()
    {
        var index = new AdvisoryIndex([OsvParser.Parse(DependencyFixtures.Advisory("GHSA-pjwm-rvh2-c87w"))]);

        var flagged = Assert.Single(VulnerabilityMatcher.Match([Declared(Ecosystem.Npm, "ua-parser-js", "0.7.29")], index));

        Assert.Null(flagged.FirstFixed);
        Assert.Equal(Severity.Critical, flagged.Advisory.Severity);
        Assert.Empty(VulnerabilityMatcher.Match([Declared(Ecosystem.Npm, "ua-parser-js", "0.7.30")], index));
    }

    [Fact]
    public void An_advisory_republished_under_an_alias_is_reported_once_under_its_GitHub_id()
    {
        var index = new AdvisoryIndex(
        [
            OsvParser.Parse(DependencyFixtures.Advisory("PYSEC-2023-74")),
            OsvParser.Parse(DependencyFixtures.Advisory("GHSA-j8r2-6x86-q33q")),
        ]);

        var found = VulnerabilityMatcher.Match([Declared(Ecosystem.PyPI, "requests", "2.30.0")], index);

        Assert.Equal(["GHSA-j8r2-6x86-q33q"], found.Select(v => v.Advisory.Id));
    }

    [Fact]
    public void A_log4j_version_before_the_first_affected_beta_is_not_flagged()
    {
        var index = new AdvisoryIndex([OsvParser.Parse(DependencyFixtures.Advisory("GHSA-jfh8-c2jp-5v3q"))]);

        Assert.Empty(VulnerabilityMatcher.Match(
            [Declared(Ecosystem.Maven, "org.apache.logging.log4j:log4j-core", "2.0-beta8")], index));
    }

    private static Dependency Declared(Ecosystem ecosystem, string name, string version) =>
        new(ecosystem, name, version, "manifest", 1, Direct: true);

    // go.mod writes versions with a "v"; the advisories do not.
    private static string Prefixed(Ecosystem ecosystem, string version) => ecosystem == Ecosystem.Go ? "v" + version : version;
}
