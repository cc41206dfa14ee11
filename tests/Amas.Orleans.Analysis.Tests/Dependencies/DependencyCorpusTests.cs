using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Tests.Dependencies;

/// <summary>
/// The fixture repository (Fixtures/repo) against the fixture advisories (Fixtures/osv). The expected list is written
/// by hand from the manifests and the advisories' ranges; every near miss in the corpus (a fixed version, a version
/// before "introduced", a range or floating version) must stay silent.
/// </summary>
public sealed class DependencyCorpusTests
{
    private static readonly (string File, int Line, string Rule, Severity Severity, string Message, string? Fix)[] Expected =
    [
        ("api/requirements-dev.txt", 1, "GHSA-v845-jxx5-vc9f", Severity.Medium,
            "urllib3 2.0.5 is affected by GHSA-v845-jxx5-vc9f: `Cookie` HTTP header isn't stripped on cross-origin redirects",
            "upgrade to 2.0.6"),
        ("api/requirements.txt", 2, "GHSA-j8r2-6x86-q33q", Severity.Medium,
            "requests 2.30.0 is affected by GHSA-j8r2-6x86-q33q: Unintended leak of Proxy-Authorization header in requests",
            "upgrade to 2.31.0"),
        ("engine/Cargo.lock", 19, "RUSTSEC-2021-0003", Severity.Critical,
            "smallvec 1.6.0 is affected by RUSTSEC-2021-0003: Buffer overflow in SmallVec::insert_many",
            "upgrade to 1.6.1"),
        ("java/pom.xml", 11, "GHSA-jfh8-c2jp-5v3q", Severity.Critical,
            "org.apache.logging.log4j:log4j-core 2.14.1 is affected by GHSA-jfh8-c2jp-5v3q: Remote code injection in Log4j",
            "upgrade to 2.15.0"),
        ("src/App/App.csproj", 8, "GHSA-5crp-9r3c-p9vr", Severity.High,
            "Newtonsoft.Json 12.0.3 is affected by GHSA-5crp-9r3c-p9vr: Improper Handling of Exceptional Conditions in Newtonsoft.Json",
            "upgrade to 13.0.1"),
        ("tools/go.mod", 8, "GHSA-4374-p667-p6c8", Severity.High,
            "golang.org/x/net v0.15.0 is affected by GHSA-4374-p667-p6c8: HTTP/2 rapid reset can cause excessive work in net/http",
            "upgrade to 0.17.0"),
        ("web/package-lock.json", 26, "GHSA-35jh-r3h4-6jhm", Severity.High,
            "lodash 4.17.15 is affected by GHSA-35jh-r3h4-6jhm: Command Injection in lodash",
            "upgrade to 4.17.21"),
        ("web/package.json", 7, "GHSA-35jh-r3h4-6jhm", Severity.High,
            "lodash 4.17.11 is affected by GHSA-35jh-r3h4-6jhm: Command Injection in lodash",
            "upgrade to 4.17.21"),
        ("web/package.json", 7, "GHSA-jf85-cpcp-j695", Severity.Critical,
            "lodash 4.17.11 is affected by GHSA-jf85-cpcp-j695: Prototype Pollution in lodash",
            "upgrade to 4.17.12"),
        ("web/package.json", 8, "GHSA-pjwm-rvh2-c87w", Severity.Critical,
            "ua-parser-js 0.7.29 is affected by GHSA-pjwm-rvh2-c87w: Embedded malware in ua-parser-js",
            null),
        ("worker/poetry.lock", 4, "GHSA-h5c8-rqwp-cp95", Severity.Medium,
            "jinja2 3.1.2 is affected by GHSA-h5c8-rqwp-cp95: Jinja vulnerable to HTML attribute injection when passing user input as keys to xmlattr filter",
            "upgrade to 3.1.3"),
    ];

    [Fact]
    public async Task The_fixture_repository_yields_exactly_the_hand_written_findings()
    {
        var agent = DependencyAuditorAgentTests.Agent(new() { AdvisoryDirectory = DependencyFixtures.Advisories });

        var result = await agent.RunAsync(
            DependencyAuditorAgentTests.Context(DependencyFixtures.Checkout(DependencyFixtures.Repository)),
            CancellationToken.None);

        Assert.Equal(Expected, result.Findings.Select(f => (f.File!, f.Line!.Value, f.Rule, f.Severity, f.Message, f.Fix)));
        Assert.Equal(result.Findings.Count, result.Findings.Select(f => f.Id).Distinct().Count());
    }

    [Fact]
    public async Task The_fixture_repository_metrics_count_manifests_dependencies_and_the_broken_file()
    {
        var agent = DependencyAuditorAgentTests.Agent(new() { AdvisoryDirectory = DependencyFixtures.Advisories });

        var result = await agent.RunAsync(
            DependencyAuditorAgentTests.Context(DependencyFixtures.Checkout(DependencyFixtures.Repository)),
            CancellationToken.None);

        Assert.Equal(12, result.Metrics["manifests"]);
        Assert.Equal(25, result.Metrics["dependencies"]);
        Assert.Equal(10, result.Metrics["vulnerable_dependencies"]);
        Assert.Equal(12, result.Metrics["advisories_loaded"]);
        Assert.Equal(1, result.Metrics["parse_errors"]);
        Assert.Equal(11, result.Metrics["findings"]);
        Assert.Equal(
            "Read 25 dependencies from 12 manifests (1 could not be parsed); checked against 12 advisories: "
            + "10 vulnerable dependencies, 11 findings.",
            result.Summary);
    }
}
