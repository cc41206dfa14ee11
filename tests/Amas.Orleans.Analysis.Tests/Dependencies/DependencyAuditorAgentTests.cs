using Amas.Orleans.Agents;
using Amas.Orleans.Analysis.Dependencies;
using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Analysis.Tests.Dependencies;

public sealed class DependencyAuditorAgentTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("amas-deps-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Descriptor_presents_a_layer_one_dependency_agent()
    {
        var descriptor = Agent(new DependencyAuditOptions()).Descriptor;

        Assert.Equal(("DependencyAuditor", 1), (descriptor.Name, descriptor.Layer));
        Assert.Equal(["security", "dependencies"], descriptor.Capabilities);
        Assert.True(descriptor.ReadsRepository);
    }

    [Fact]
    public async Task Without_a_repository_the_run_is_empty_and_says_why()
    {
        var result = await Agent(new DependencyAuditOptions()).RunAsync(Context(null), CancellationToken.None);

        Assert.Empty(result.Findings);
        Assert.Equal("no repository to analyse", result.Summary);
    }

    [Fact]
    public async Task Without_an_advisory_source_dependencies_are_listed_but_nothing_is_claimed()
    {
        var checkout = Checkout(("web/package.json", """{ "dependencies": { "lodash": "4.17.11" } }"""));

        var result = await Agent(new DependencyAuditOptions()).RunAsync(Context(checkout), CancellationToken.None);

        Assert.Empty(result.Findings);
        Assert.Equal(1, result.Metrics["dependencies"]);
        Assert.Equal(0, result.Metrics["advisories_loaded"]);
        Assert.Equal(
            "Read 1 dependencies from 1 manifests; no advisory source is configured (Amas:Dependencies:AdvisoryDirectory "
            + "or Amas:Dependencies:OsvApiBaseUrl), so none were checked for vulnerabilities.",
            result.Summary);
    }

    [Fact]
    public async Task A_temp_repository_is_audited_end_to_end_against_an_advisory_directory()
    {
        var checkout = Checkout(
            ("web/package.json", "{\n  \"dependencies\": {\n    \"lodash\": \"4.17.20\"\n  }\n}\n"),
            ("README.md", "lodash 4.17.11\n"),
            ("api/requirements.txt", "requests==2.31.0\n"));

        var result = await Agent(new DependencyAuditOptions { AdvisoryDirectory = DependencyFixtures.Advisories })
            .RunAsync(Context(checkout), CancellationToken.None);

        var finding = Assert.Single(result.Findings);
        Assert.Equal("DependencyAuditor", finding.Agent);
        Assert.Equal(["DependencyAuditor"], finding.Sources);
        Assert.Equal("dependencies", finding.Category);
        Assert.Equal("GHSA-35jh-r3h4-6jhm", finding.Rule);
        Assert.Equal(("web/package.json", 3), (finding.File, finding.Line));
        Assert.Equal("lodash 4.17.20 is affected by GHSA-35jh-r3h4-6jhm: Command Injection in lodash", finding.Message);
        Assert.Equal("upgrade to 4.17.21", finding.Fix);
        Assert.Equal(FindingFingerprint.Create("GHSA-35jh-r3h4-6jhm", "web/package.json", "npm:lodash@4.17.20"), finding.Id);
        Assert.Equal(2, result.Metrics["manifests"]);
        Assert.Equal(2, result.Metrics["dependencies"]);
        Assert.Equal(1, result.Metrics["vulnerable_dependencies"]);
        Assert.Equal(12, result.Metrics["advisories_loaded"]);
        Assert.Equal(0, result.Metrics["parse_errors"]);
        Assert.Equal(
            "Read 2 dependencies from 2 manifests; checked against 12 advisories: 1 vulnerable dependencies, 1 findings.",
            result.Summary);
    }

    [Fact]
    public async Task A_finding_keeps_its_id_when_the_declaration_moves_to_another_line()
    {
        var options = new DependencyAuditOptions { AdvisoryDirectory = DependencyFixtures.Advisories };
        var before = await Agent(options).RunAsync(
            Context(Checkout(("requirements.txt", "requests==2.30.0\n"))), CancellationToken.None);
        var after = await Agent(options).RunAsync(
            Context(Checkout(("requirements.txt", "# moved\nflask==3.0.0\nrequests==2.30.0\n"))), CancellationToken.None);

        Assert.Equal(1, before.Findings.Single().Line);
        Assert.Equal(3, after.Findings.Single().Line);
        Assert.Equal(before.Findings.Single().Id, after.Findings.Single().Id);
    }

    [Fact]
    public async Task The_OSV_API_is_used_when_configured_and_versions_are_still_matched_locally()
    {
        await using var server = new LoopbackOsvServer();
        // The server claims both lodash advisories for 4.17.12; only one of them really affects it.
        server.Answer("npm", "lodash", "4.17.12", "GHSA-jf85-cpcp-j695", "GHSA-35jh-r3h4-6jhm");
        server.Serve("GHSA-jf85-cpcp-j695", DependencyFixtures.Advisory("GHSA-jf85-cpcp-j695"));
        server.Serve("GHSA-35jh-r3h4-6jhm", DependencyFixtures.Advisory("GHSA-35jh-r3h4-6jhm"));
        var checkout = Checkout(("package.json", """{ "dependencies": { "lodash": "4.17.12" } }"""));

        var result = await Agent(new DependencyAuditOptions { OsvApiBaseUrl = server.BaseUrl.AbsoluteUri })
            .RunAsync(Context(checkout), CancellationToken.None);

        Assert.Equal(["GHSA-35jh-r3h4-6jhm"], result.Findings.Select(f => f.Rule));
        Assert.Equal(2, result.Metrics["advisories_loaded"]);
    }

    [Fact]
    public async Task A_failing_source_is_reported_and_never_passed_off_as_a_clean_result()
    {
        await using var server = new LoopbackOsvServer { FailWith = System.Net.HttpStatusCode.ServiceUnavailable };
        var checkout = Checkout(("package.json", """{ "dependencies": { "lodash": "4.17.11" } }"""));

        var result = await Agent(new DependencyAuditOptions { OsvApiBaseUrl = server.BaseUrl.AbsoluteUri })
            .RunAsync(Context(checkout), CancellationToken.None);

        Assert.Empty(result.Findings);
        Assert.Equal(1, result.Metrics["advisory_source_errors"]);
        Assert.StartsWith(
            "Read 1 dependencies from 1 manifests; no advisory source answered, so none were checked for vulnerabilities. "
            + $"Advisory sources failed: OSV API {server.BaseUrl}: ",
            result.Summary);
    }

    [Fact]
    public async Task A_missing_advisory_directory_is_a_source_error()
    {
        var checkout = Checkout(("go.mod", "module m\n\nrequire golang.org/x/net v0.15.0\n"));

        var result = await Agent(new DependencyAuditOptions { AdvisoryDirectory = Path.Combine(_root, "nowhere") })
            .RunAsync(Context(checkout), CancellationToken.None);

        Assert.Empty(result.Findings);
        Assert.Equal(1, result.Metrics["advisory_source_errors"]);
        Assert.Contains("no advisory source answered", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repository_without_manifests_says_so()
    {
        var result = await Agent(new DependencyAuditOptions { AdvisoryDirectory = DependencyFixtures.Advisories })
            .RunAsync(Context(Checkout(("src/app.py", "print('hi')\n"))), CancellationToken.None);

        Assert.Empty(result.Findings);
        Assert.Equal("Found no dependency manifest.", result.Summary);
    }

    [Fact]
    public async Task A_cancelled_run_throws()
    {
        var checkout = Checkout(("package.json", """{ "dependencies": { "lodash": "4.17.11" } }"""));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Agent(new DependencyAuditOptions { AdvisoryDirectory = DependencyFixtures.Advisories })
                .RunAsync(Context(checkout), cancelled.Token));
    }

    internal static DependencyAuditorAgent Agent(DependencyAuditOptions options) => new(Options.Create(options));

    internal static AgentContext Context(RepositoryCheckout? repository) => new(
        new AgentWork
        {
            TaskId = Guid.NewGuid(),
            Agent = "DependencyAuditor",
            Kind = TaskKind.Orchestrate,
            Options = new TaskOptions(),
            Deadline = DateTimeOffset.UtcNow.AddMinutes(5),
        },
        repository,
        []);

    private RepositoryCheckout Checkout(params (string Path, string Text)[] files)
    {
        // Each checkout gets its own folder so one test can audit two versions of a repository.
        var root = Directory.CreateDirectory(Path.Combine(_root, Guid.NewGuid().ToString("N"))).FullName;
        foreach (var (relative, text) in files)
        {
            var full = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        return DependencyFixtures.Checkout(root);
    }
}
