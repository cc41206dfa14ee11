using Amas.Orleans.Analysis.Findings;
using Amas.Orleans.Analysis.Tests.Corpus;
using Amas.Orleans.Findings;
using static Amas.Orleans.Analysis.Tests.Findings.LayerOne;

namespace Amas.Orleans.Analysis.Tests.Findings;

/// <summary>
/// Each row of the severity rule table decides a case, and the merged finding's resolution names it. The cases are
/// the real agents' reports of a credential in a Dockerfile ENV (the SecurityScanner rates a Stripe live key
/// critical, a GitHub token high; the DockerMonitor rates every ENV secret high), except the last row's, which no
/// pair of today's agents reaches: every concept they share has its authority among them.
/// </summary>
public sealed class SeverityRuleTests : IDisposable
{
    private static readonly string StripeKey = PlantedSecrets.Values["stripe-live-key"];
    private static readonly string GitHubToken = PlantedSecrets.Values["github-token"];

    private readonly LayerOne _layerOne = new();

    private static string Dockerfile(string env) => $"FROM debian:12.5\nENV {env}\nUSER app\nHEALTHCHECK CMD true\n";

    [Fact]
    public async Task Reports_that_agree_keep_their_severity_and_settle_no_conflict()
    {
        var checkout = _layerOne.Checkout(("deploy/Dockerfile", Dockerfile($"GITHUB_TOKEN={GitHubToken}")));

        var result = await ResolveAsync(checkout);

        var merged = At(result.Findings, "deploy/Dockerfile", 2, "AMAS-DOCKER-SECRET");
        Assert.Equal(Severity.High, merged.Severity);
        Assert.Equal(SeverityRules.Agreed, merged.Resolution?.SeverityRule);
        Assert.Equal("all 2 reports say high", merged.Resolution?.Reason);
        Assert.Equal(0, result.Metrics["severity_conflicts_settled"]);
    }

    [Fact]
    public async Task Outside_test_code_the_authoritative_agent_decides()
    {
        var checkout = _layerOne.Checkout(("deploy/Dockerfile", Dockerfile($"STRIPE_API_KEY={StripeKey}")));

        var result = await ResolveAsync(checkout);

        var merged = At(result.Findings, "deploy/Dockerfile", 2, "AMAS-DOCKER-SECRET");
        Assert.Equal(Severity.Critical, merged.Severity);
        Assert.Equal("secret/stripe-live-key", merged.Rule);
        Assert.Equal(SeverityRules.AuthoritativeAgent, merged.Resolution?.SeverityRule);
        Assert.Equal("SecurityScanner is authoritative for hard-coded-credential: critical", merged.Resolution?.Reason);
        Assert.Equal([Severity.Critical, Severity.High], merged.Resolution!.From.Select(r => r.Severity));
        Assert.Equal(1, result.Metrics["severity_conflicts_settled"]);
    }

    [Fact]
    public async Task In_test_fixtures_a_disagreement_is_settled_one_level_below_the_highest()
    {
        var checkout = _layerOne.Checkout(("tests/fixtures/Dockerfile", Dockerfile($"STRIPE_API_KEY={StripeKey}")));

        var result = await ResolveAsync(checkout);

        var merged = At(result.Findings, "tests/fixtures/Dockerfile", 2, "AMAS-DOCKER-SECRET");
        Assert.Equal(Severity.High, merged.Severity);
        Assert.Equal(SeverityRules.TestOrExamplePath, merged.Resolution?.SeverityRule);
        Assert.Equal("tests/fixtures/Dockerfile is test, fixture or example code: critical lowered to high", merged.Resolution?.Reason);
    }

    [Fact]
    public async Task In_test_fixtures_reports_that_agree_are_not_lowered_because_the_first_rule_that_applies_decides()
    {
        var checkout = _layerOne.Checkout(("examples/Dockerfile", Dockerfile($"GITHUB_TOKEN={GitHubToken}")));

        var merged = At((await ResolveAsync(checkout)).Findings, "examples/Dockerfile", 2, "AMAS-DOCKER-SECRET");

        Assert.Equal(Severity.High, merged.Severity);
        Assert.Equal(SeverityRules.Agreed, merged.Resolution?.SeverityRule);
    }

    [Fact]
    public void Without_an_authority_among_the_reports_the_highest_severity_stands()
    {
        // Hand-made: two agents outside the concept table, in a category no agent owns.
        Finding Report(string agent, Severity severity) => new()
        {
            Id = agent, Agent = agent, Rule = agent.ToLowerInvariant() + "/rule", Severity = severity, Category = "licensing",
            File = "LICENSE", Line = 1, Message = "m", Sources = [agent],
        };

        var merged = Assert.Single(FindingMerger.Merge([Report("LicenseScanner", Severity.Low), Report("SbomAuditor", Severity.Medium)]).Findings);

        Assert.Equal(Severity.Medium, merged.Severity);
        Assert.Equal(SeverityRules.Highest, merged.Resolution?.SeverityRule);
        Assert.Equal("the highest report: medium", merged.Resolution?.Reason);
        Assert.Equal("SbomAuditor", merged.Id);
    }

    [Fact]
    public void The_table_is_ordered_agreed_test_path_authority_highest()
        => Assert.Equal(
            [SeverityRules.Agreed, SeverityRules.TestOrExamplePath, SeverityRules.AuthoritativeAgent, SeverityRules.Highest],
            SeverityRules.Table.Select(r => r.Name));

    [Theory]
    [InlineData("tests/fixtures/Dockerfile", true)]
    [InlineData("src/Shop.Tests/OrderTests.cs", true)]
    [InlineData("pkg/server/handler_test.go", true)]
    [InlineData("web/src/cart.test.ts", true)]
    [InlineData("jobs/test_import.py", true)]
    [InlineData("docs/examples/compose.yml", true)]
    [InlineData("testdata/key.pem", true)]
    [InlineData("deploy/Dockerfile", false)]
    [InlineData("src/Latest.cs", false)]
    [InlineData("src/Contest/Entry.cs", false)]
    [InlineData("attestation/sign.py", false)]
    [InlineData(null, false)]
    public void Test_fixture_and_example_paths_are_recognised_by_directory_or_file_name(string? path, bool expected)
        => Assert.Equal(expected, ExampleCodePaths.Contains(path));

    public void Dispose() => _layerOne.Dispose();
}
