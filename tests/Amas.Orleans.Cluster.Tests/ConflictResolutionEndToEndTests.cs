using Amas.Orleans.Agents;
using Amas.Orleans.Findings;
using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;
using Amas.Orleans.Testing;

namespace Amas.Orleans.Cluster.Tests;

/// <summary>
/// The ConflictResolver in a real task on the two-silo cluster: a credential two agents report is one finding;
/// suppressed findings (an amas:ignore marker, the repository's .amas-suppressions) are in the result, marked with
/// their reasons, and left out of every count the task shows.
/// </summary>
[Collection(TwoSiloClusterCollection.Name)]
public sealed class ConflictResolutionEndToEndTests(TwoSiloCluster fixture)
{
    // Assembled at run time, like SampleRepository's, so no credential-shaped literal is committed.
    private static readonly string EnvToken = "q7" + "Lm2Xv9" + "Rk4Tz8Wp3Ns6Yb";
    private static readonly string IgnoredToken = "gh" + "p_" + "Z3kV9mQ2xL7wT4nR8pY1hC6jF5sD0aB2gE7u";

    [Fact]
    public async Task A_credential_two_agents_report_is_one_finding_and_suppressed_ones_are_marked_and_not_counted()
    {
        var root = SampleRepository.Create(fixture.Root);
        File.WriteAllText(Path.Combine(root, "Dockerfile"),
            $"FROM debian:12.5\nENV API_TOKEN=\"{EnvToken}\"\nUSER app\nHEALTHCHECK CMD true\nCMD [\"app\"]\n");
        File.AppendAllText(Path.Combine(root, SampleRepository.SettingsFile), $"LEGACY_TOKEN = \"{IgnoredToken}\"  # amas:ignore revoked, kept for the migration test\n");
        File.WriteAllText(Path.Combine(root, ".amas-suppressions"),
            "secret/aws-access-key-id  config/**  the sample's fake key, never valid\nDL3008 Dockerfile\n");
        var task = fixture.Client.GetGrain<ITaskOrchestratorGrain>(Guid.NewGuid());

        await task.SubmitAsync(new TaskSpec
        {
            Kind = TaskKind.Orchestrate,
            Target = new RepositoryTarget { Path = root },
            Options = new TaskOptions { Mode = "intelligent", Components = ["security"], Priority = TaskPriority.Normal },
            Submitter = "tests",
        });
        var status = await task.WaitUntilEndedAsync();
        var result = await task.GetResultAsync(0, 100);

        Assert.Equal(TaskLifecycle.Succeeded, status.Lifecycle);
        var findings = result!.Findings.Items;
        var token = Assert.Single(findings, f => f.File == "Dockerfile" && f.Line == 2);
        Assert.Equal(["SecurityScanner", "DockerMonitor"], token.Sources);
        Assert.Equal("hard-coded-credential", token.Resolution?.Concept);
        Assert.Equal("authoritative-agent", token.Resolution?.SeverityRule);

        var suppressed = findings.Where(f => f.Suppression is not null)
            .Select(f => (f.Rule, f.Suppression!.Kind, f.Suppression.Reason))
            .OrderBy(s => s.Rule, StringComparer.Ordinal);
        Assert.Equal(
            [("secret/aws-access-key-id", SuppressionKind.External, "the sample's fake key, never valid"),
             ("secret/github-token", SuppressionKind.InSource, "revoked, kept for the migration test")],
            suppressed.Where(s => s.Rule.StartsWith("secret/", StringComparison.Ordinal)));
        Assert.Equal(findings.Count - 2, result.Summary.Total);
        Assert.Equal(2, result.Summary.Suppressed);
        Assert.Equal(result.Summary.Total, status.FindingCount);
        Assert.Equal(1, result.Metrics["ConflictResolver.merged"]);
        Assert.Equal(2, result.Metrics["ConflictResolver.suppressed"]);
        Assert.Equal(1, result.Metrics["ConflictResolver.suppressions_refused"]);
        Assert.Equal(["secret/aws-access-key-id", "secret/github-token"], findings.TakeLast(2).Select(f => f.Rule).Order(StringComparer.Ordinal));
        Assert.Contains(result.Facts["ConflictResolver.suppression_file_problems"], p => p.StartsWith(".amas-suppressions:2: no reason given", StringComparison.Ordinal));

        // The SecurityScanner's own count leaves out the finding its amas:ignore marker suppressed.
        var scanner = status.Layers[0].Agents.Single(a => a.Agent == "SecurityScanner");
        Assert.Equal(3, scanner.FindingCount);
    }
}
