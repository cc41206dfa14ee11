using Amas.Orleans.Analysis.Findings;
using Amas.Orleans.Analysis.Tests.Corpus;
using Amas.Orleans.Findings;
using static Amas.Orleans.Analysis.Tests.Findings.LayerOne;

namespace Amas.Orleans.Analysis.Tests.Findings;

/// <summary>
/// Merge by location and meaning on the real Layer 1 agents' findings: what two agents report about one problem is
/// one finding with both sources; what they report about two problems, or one agent reports twice, stays apart.
/// </summary>
public sealed class MergeByMeaningTests : IDisposable
{
    private static readonly string Token = PlantedSecrets.Values["docker-env-token"];
    private static readonly string Password = PlantedSecrets.Values["compose-db-password"];
    private static readonly string GitHubToken = PlantedSecrets.Values["github-token"];
    private static readonly string AwsKeyId = PlantedSecrets.Values["aws-access-key-id"];

    private readonly LayerOne _layerOne = new();

    [Fact]
    public async Task A_secret_in_a_Dockerfile_ENV_reported_by_the_DockerMonitor_and_the_SecurityScanner_is_one_finding_with_both_sources()
    {
        var checkout = _layerOne.Checkout(("deploy/Dockerfile", $"FROM debian:12.5\nENV API_TOKEN=\"{Token}\"\nUSER app\nHEALTHCHECK CMD true\nCMD [\"app\"]\n"));
        var reports = await DetectAsync(checkout);
        var scanner = Assert.Single(reports.Single(r => r.Agent == "SecurityScanner").Findings);
        var docker = Assert.Single(reports.Single(r => r.Agent == "DockerMonitor").Findings, f => f.Rule == "AMAS-DOCKER-SECRET");

        var result = await ResolveAsync(checkout);

        var merged = At(result.Findings, "deploy/Dockerfile", 2, "AMAS-DOCKER-SECRET");
        Assert.Equal(scanner.Id, merged.Id);
        Assert.Equal("secret/generic-assignment", merged.Rule);
        Assert.Equal(["SecurityScanner", "DockerMonitor"], merged.Sources);
        Assert.Equal("hard-coded-credential", merged.Resolution?.Concept);
        Assert.Equal([(scanner.Id, "SecurityScanner", Severity.Medium), (docker.Id, "DockerMonitor", Severity.High)],
            merged.Resolution!.From.Select(r => (r.Id, r.Agent, r.Severity)));
        Assert.DoesNotContain(result.Findings, f => f.Id == docker.Id);
        Assert.Equal(reports.Sum(r => r.Findings.Count), result.Metrics["findings_in"]);
        Assert.Equal(result.Metrics["findings_in"] - 1, result.Metrics["findings_out"]);
        Assert.Equal(1, result.Metrics["merged"]);
        Assert.Equal(1, result.Metrics["severity_conflicts_settled"]);
        Assert.Equal(0, result.Metrics["suppressed"]);
    }

    [Fact]
    public async Task A_secret_in_a_compose_environment_is_merged_the_same_way()
    {
        var checkout = _layerOne.Checkout(("docker-compose.yml", $"services:\n  api:\n    image: billing/api:1.4.2\n    environment:\n      DB_PASSWORD: \"{Password}\"\n"));

        var result = await ResolveAsync(checkout);

        var merged = Assert.Single(result.Findings);
        Assert.Equal(5, merged.Line);
        Assert.Equal(["SecurityScanner", "DockerMonitor"], merged.Sources);
        Assert.Equal(["secret/generic-assignment", "AMAS-COMPOSE-SECRET"], merged.Resolution!.From.Select(r => r.Rule));
    }

    [Fact]
    public async Task Reports_at_overlapping_lines_merge_when_one_spans_a_continued_instruction()
    {
        // The DockerMonitor reports the ENV instruction (lines 2-3); the SecurityScanner the line holding the value (3).
        var checkout = _layerOne.Checkout(("Dockerfile", $"FROM debian:12.5\nENV LOG_LEVEL=info \\\n    API_TOKEN=\"{Token}\"\nUSER app\nHEALTHCHECK CMD true\n"));
        var docker = Assert.Single((await DetectAsync(checkout)).Single(r => r.Agent == "DockerMonitor").Findings, f => f.Rule == "AMAS-DOCKER-SECRET");
        Assert.Equal((2, 3), (docker.Line, docker.EndLine));

        var result = await ResolveAsync(checkout);

        var merged = At(result.Findings, "Dockerfile", 3, "AMAS-DOCKER-SECRET");
        Assert.Equal(["SecurityScanner", "DockerMonitor"], merged.Sources);
    }

    [Fact]
    public async Task The_same_concept_at_different_lines_stays_apart()
    {
        var checkout = _layerOne.Checkout(("Dockerfile", $"FROM debian:12.5\nARG API_TOKEN=\"{Token}\"\n# the old one was {GitHubToken}\nUSER app\nHEALTHCHECK CMD true\n"));

        var result = await ResolveAsync(checkout);

        Assert.Equal(["SecurityScanner", "DockerMonitor"], At(result.Findings, "Dockerfile", 2, "AMAS-DOCKER-SECRET").Sources);
        var comment = At(result.Findings, "Dockerfile", 3, "secret/github-token");
        Assert.Equal(["SecurityScanner"], comment.Sources);
        Assert.Null(comment.Resolution);
    }

    [Fact]
    public async Task A_complex_function_and_a_blocking_wait_inside_it_are_two_problems_though_their_lines_overlap()
    {
        var branches = string.Concat(Enumerable.Range(1, 11).Select(i => $"        if (a > {i}) {{ total += {i}; }}\n"));
        var code = "using System.Threading.Tasks;\n\nnamespace Shop;\n\npublic sealed class Pricing\n{\n"
            + "    public int Price(int a)\n    {\n        var total = LoadAsync(a).Result;\n" + branches + "        return total;\n    }\n\n"
            + "    private static Task<int> LoadAsync(int a) => Task.FromResult(a);\n}\n";
        var checkout = _layerOne.Checkout(("src/Pricing.cs", code));

        var result = await ResolveAsync(checkout);

        var complexity = At(result.Findings, "src/Pricing.cs", 7, "code-quality/cyclomatic-complexity");
        var blocking = At(result.Findings, "src/Pricing.cs", 9, "perf/sync-over-async");
        Assert.True(complexity.EndLine >= 9, "the function's range holds the blocking wait");
        Assert.Equal(["CodeQualityInspector"], complexity.Sources);
        Assert.Equal(["PerformanceAnalyzer"], blocking.Sources);
        Assert.Equal(0, result.Metrics["merged"]);
    }

    [Fact]
    public async Task A_vulnerable_dependency_and_a_token_on_the_same_manifest_line_stay_two_findings()
    {
        var checkout = _layerOne.Checkout(("jobs/requirements.txt", $"requests==2.30.0  # pulled with {GitHubToken}\n"));

        var result = await ResolveAsync(checkout);

        Assert.Equal(["DependencyAuditor"], At(result.Findings, "jobs/requirements.txt", 1, "GHSA-j8r2-6x86-q33q").Sources);
        Assert.Equal(["SecurityScanner"], At(result.Findings, "jobs/requirements.txt", 1, "secret/github-token").Sources);
        Assert.Equal(0, result.Metrics["merged"]);
    }

    [Fact]
    public async Task Two_secrets_one_agent_found_on_one_line_stay_two_findings()
    {
        var checkout = _layerOne.Checkout(("config.py", $"KEYS = [\"{AwsKeyId}\", \"{GitHubToken}\"]\n"));

        var result = await ResolveAsync(checkout);

        Assert.Equal(["secret/aws-access-key-id", "secret/github-token"], result.Findings.Select(f => f.Rule).Order());
        Assert.All(result.Findings, f => Assert.Null(f.Resolution));
    }

    [Fact]
    public async Task The_merged_finding_keeps_its_id_from_one_run_to_the_next()
    {
        var checkout = _layerOne.Checkout(("Dockerfile", $"FROM debian:12.5\nENV API_TOKEN=\"{Token}\"\nUSER app\n"));

        var first = await ResolveAsync(checkout);
        var second = await ResolveAsync(checkout);

        Assert.Equal(first.Findings.Select(f => f.Id), second.Findings.Select(f => f.Id));
        Assert.Equal(first.Findings.Count, first.Findings.Select(f => f.Id).Distinct().Count());
    }

    public void Dispose() => _layerOne.Dispose();
}
