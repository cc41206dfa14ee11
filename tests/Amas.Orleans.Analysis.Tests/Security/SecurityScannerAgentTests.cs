using Amas.Orleans.Agents;
using Amas.Orleans.Analysis.Security;
using Microsoft.Extensions.DependencyInjection;
using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;
using static Amas.Orleans.Analysis.Tests.Security.FakeSecret;

namespace Amas.Orleans.Analysis.Tests.Security;

public sealed class SecurityScannerAgentTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("amas-security-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Descriptor_presents_a_layer_one_security_agent()
    {
        var descriptor = new SecurityScannerAgent().Descriptor;

        Assert.Equal("SecurityScanner", descriptor.Name);
        Assert.Equal(1, descriptor.Layer);
        Assert.Equal(["security"], descriptor.Capabilities);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description));
    }

    [Fact]
    public void The_agent_resolves_from_the_container_with_or_without_a_registered_scanner()
    {
        using var bare = new ServiceCollection().AddSingleton<SecurityScannerAgent>().BuildServiceProvider();
        using var withScanner = new ServiceCollection()
            .AddSingleton<SecretScanner>()
            .AddSingleton<SecurityScannerAgent>()
            .BuildServiceProvider();

        Assert.NotNull(bare.GetRequiredService<SecurityScannerAgent>());
        Assert.NotNull(withScanner.GetRequiredService<SecurityScannerAgent>());
        Assert.NotNull(ActivatorUtilities.CreateInstance<SecurityScannerAgent>(bare));
    }

    [Fact]
    public async Task Without_a_repository_the_run_is_empty_and_says_why()
    {
        var result = await new SecurityScannerAgent().RunAsync(Context(null), CancellationToken.None);

        Assert.Empty(result.Findings);
        Assert.Equal("no repository to analyse", result.Summary);
    }

    [Fact]
    public async Task A_repository_is_scanned_end_to_end_with_findings_sorted_and_counted()
    {
        var checkout = Checkout(
            ("src/settings.py", "DEBUG = True\nSECRET_KEY = \"" + Alnum(32) + "\"\n"),
            ("deploy/.env", "GH=" + "ghp_" + Alnum(36) + "\nAWS=" + "AKIA" + Of(Base32, 16) + "\n"),
            ("README.md", "# Nothing secret here\n"));

        var result = await new SecurityScannerAgent().RunAsync(Context(checkout), CancellationToken.None);

        Assert.Equal(
            [("deploy/.env", 1, "secret/github-token"), ("deploy/.env", 2, "secret/aws-access-key-id"),
             ("src/settings.py", 2, "secret/generic-assignment")],
            result.Findings.Select(f => (f.File!, f.Line!.Value, f.Rule)));
        Assert.Equal(3, result.Metrics["files_scanned"]);
        Assert.Equal(3, result.Metrics["secrets_found"]);
        Assert.Equal("Scanned 3 files and found 3 possible secrets in 2 files.", result.Summary);
    }

    [Fact]
    public async Task An_injected_scanner_is_used_and_a_vanished_file_is_counted_not_fatal()
    {
        var checkout = Checkout(("a.txt", "AKIA" + Of(Base32, 16)));
        var withGhost = checkout with
        {
            Files = [.. checkout.Files, new RepositoryFile("gone.txt", Path.Combine(_root, "gone.txt"), 1)],
        };

        var result = await new SecurityScannerAgent(new SecretScanner())
            .RunAsync(Context(withGhost), CancellationToken.None);

        Assert.Single(result.Findings);
        Assert.Equal(1, result.Metrics["files_scanned"]);
        Assert.Equal(1, result.Metrics["files_unreadable"]);
    }

    [Fact]
    public async Task The_repository_config_file_at_the_root_applies_its_allowlists()
    {
        var checkout = Checkout(
            (".amas-secrets.json", """{ "allowlist": { "paths": ["fixtures/**"] } }"""),
            ("fixtures/keys.env", "AWS=" + "AKIA" + Of(Base32, 16)),
            ("src/keys.env", "AWS=" + "AKIA" + Of(Base32, 16, 3)));

        var result = await new SecurityScannerAgent().RunAsync(Context(checkout), CancellationToken.None);

        var finding = Assert.Single(result.Findings);
        Assert.Equal("src/keys.env", finding.File);
        Assert.Equal(0, result.Metrics["config_invalid"]);
    }

    [Fact]
    public async Task A_broken_config_file_is_reported_and_the_scan_goes_on_without_it()
    {
        var checkout = Checkout((".amas-secrets.json", "{ broken"), ("a.env", "AWS=" + "AKIA" + Of(Base32, 16)));

        var result = await new SecurityScannerAgent().RunAsync(Context(checkout), CancellationToken.None);

        Assert.Single(result.Findings);
        Assert.Equal(1, result.Metrics["config_invalid"]);
        Assert.Contains(".amas-secrets.json was ignored", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dangerous_code_is_reported_beside_secrets_under_the_security_category()
    {
        var checkout = Checkout(("app.py", "import yaml\nconfig = yaml.load(stream)\n"));

        var result = await new SecurityScannerAgent().RunAsync(Context(checkout), CancellationToken.None);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(("code/python-yaml-load", "security"), (finding.Rule, finding.Category));
        Assert.Equal(1, result.Metrics["dangerous_code_found"]);
        Assert.Equal("Scanned 1 files and found 0 possible secrets and 1 dangerous code patterns in 1 files.", result.Summary);
    }

    [Fact]
    public async Task A_utf16_file_is_decoded_before_it_is_scanned()
    {
        var checkout = Checkout(("a.txt", "placeholder"));
        var path = checkout.Files[0].FullPath;
        await File.WriteAllBytesAsync(path, [.. System.Text.Encoding.Unicode.GetPreamble(), .. System.Text.Encoding.Unicode.GetBytes("AWS=" + "AKIA" + Of(Base32, 16))]);

        var result = await new SecurityScannerAgent().RunAsync(Context(checkout), CancellationToken.None);

        Assert.Equal("secret/aws-access-key-id", Assert.Single(result.Findings).Rule);
    }

    [Fact]
    public async Task A_cancelled_run_throws()
    {
        var checkout = Checkout(("a.txt", "nothing"));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new SecurityScannerAgent().RunAsync(Context(checkout), cancelled.Token));
    }

    private RepositoryCheckout Checkout(params (string Path, string Text)[] files) => AgentRuns.Checkout(_root, files);

    private static AgentContext Context(RepositoryCheckout? repository) => AgentRuns.Context("SecurityScanner", repository);
}
