using System.Text.Json.Nodes;
using Amas.Orleans.Agents;
using Amas.Orleans.Analysis.Findings;
using Amas.Orleans.Analysis.Tests.Corpus;
using Amas.Orleans.Analysis.Tests.Reports;
using Amas.Orleans.Findings;
using Amas.Orleans.Improvements;
using Amas.Orleans.Reports;
using Amas.Orleans.Repositories;
using Amas.Orleans.Testing.Reports;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static Amas.Orleans.Analysis.Tests.Findings.LayerOne;

namespace Amas.Orleans.Analysis.Tests.Findings;

/// <summary>
/// Suppressions with a reason, through the real agents: an amas:ignore marker and the repository's suppression file
/// mark findings instead of dropping them; suppressed findings are left out of the counts and never fixed; a
/// malformed line of the file is reported.
/// </summary>
public sealed class SuppressionTests : IDisposable
{
    private static readonly string LiveToken = PlantedSecrets.Values["github-token"];
    private static readonly string IgnoredToken = PlantedSecrets.Values["ignored-token"];
    private static readonly string EnvToken = PlantedSecrets.Values["docker-env-token"];

    private readonly LayerOne _layerOne = new();

    private RepositoryCheckout Repository() => _layerOne.Checkout(
        ("config/settings.py", $"import os\n\nGITHUB_TOKEN = \"{LiveToken}\"\nLEGACY_TOKEN = \"{IgnoredToken}\"  # amas:ignore revoked in March, kept for the migration test\n"),
        ("deploy/Dockerfile", "FROM ubuntu:latest\nUSER app\nHEALTHCHECK CMD true\nCMD [\"app\"]\n"),
        ("deploy/dev/Dockerfile", $"FROM ubuntu:latest\nENV API_TOKEN=\"{EnvToken}\"\nUSER app\nHEALTHCHECK CMD true\nCMD [\"app\"]\n"),
        (SuppressionFile.FileName, string.Join('\n',
            "# rule  path  reason",
            "DL3007  deploy/dev/**  the dev image follows latest on purpose",
            "AMAS-DOCKER-SECRET  deploy/dev/**  a throwaway token of the local dev stack",
            "DL3008  deploy/dev/**",
            "")));

    [Fact]
    public async Task Inline_and_file_suppressions_mark_findings_with_their_reasons_and_drop_none()
    {
        var checkout = Repository();

        var result = await ResolveAsync(checkout);

        var ignored = At(result.Findings, "config/settings.py", 4, "secret/github-token");
        Assert.Equal(new FindingSuppression { Kind = SuppressionKind.InSource, Reason = "revoked in March, kept for the migration test", File = "config/settings.py", Line = 4 },
            ignored.Suppression);
        Assert.Null(At(result.Findings, "config/settings.py", 3, "secret/github-token").Suppression);

        var latest = At(result.Findings, "deploy/dev/Dockerfile", 1, "DL3007");
        Assert.Equal(new FindingSuppression { Kind = SuppressionKind.External, Reason = "the dev image follows latest on purpose", File = SuppressionFile.FileName, Line = 2 },
            latest.Suppression);
        Assert.Null(At(result.Findings, "deploy/Dockerfile", 1, "DL3007").Suppression);

        // The file names the DockerMonitor's rule; the merged finding it is part of leads with the scanner's rule.
        var token = At(result.Findings, "deploy/dev/Dockerfile", 2, "AMAS-DOCKER-SECRET");
        Assert.Equal("secret/generic-assignment", token.Rule);
        Assert.Equal(("a throwaway token of the local dev stack", 3), (token.Suppression?.Reason, token.Suppression?.Line));

        Assert.Equal(3, result.Metrics["suppressed"]);
        Assert.Equal(2, result.Metrics["suppressions_read"]);
        Assert.Equal(1, result.Metrics["suppressions_refused"]);
        var problem = Assert.Single(result.Facts![ConflictResolverAgent.SuppressionProblemsFact]);
        Assert.Equal($"{SuppressionFile.FileName}:4: no reason given for 'DL3008  deploy/dev/**': every suppression says why ('rule path-glob reason').", problem);
        Assert.Contains("1 lines of .amas-suppressions were refused", result.Summary, StringComparison.Ordinal);

        // Nothing dropped: the suppressed come last, after every live finding.
        Assert.Equal(result.Metrics["findings_out"], result.Findings.Count);
        Assert.All(result.Findings.SkipWhile(f => f.Suppression is null), f => Assert.NotNull(f.Suppression));
    }

    [Fact]
    public async Task Suppressed_findings_are_left_out_of_the_severity_tallies_and_counted_apart()
    {
        var result = await ResolveAsync(Repository());

        var counts = FindingTally.Count(result.Findings);

        var live = result.Findings.Where(f => f.Suppression is null).ToList();
        Assert.Equal(live.Count, counts.Total);
        Assert.Equal(3, counts.Suppressed);
        Assert.Equal(live.Count, counts.BySeverity.Values.Sum());
        Assert.Equal(live.Count(f => f.Severity == Severity.High), counts.BySeverity.GetValueOrDefault("high"));
        Assert.Equal(live.Count(f => f.Rule.StartsWith("secret/", StringComparison.Ordinal)), counts.ByCategory["secrets"]);
    }

    [Fact]
    public async Task The_AutomatedFixer_leaves_suppressed_findings_alone_and_fixes_the_others()
    {
        var checkout = Repository();
        var reports = await DetectAsync(checkout);
        var layerOne = reports.SelectMany(r => r.Findings).ToList();
        var legacy = Assert.Single(layerOne, f => f.File == "config/settings.py" && f.Line == 4);
        var devLatest = Assert.Single(layerOne, f => f.File == "deploy/dev/Dockerfile" && f.Rule == "DL3007");
        var devSecrets = layerOne.Where(f => f.File == "deploy/dev/Dockerfile" && f.Line == 2).ToList();
        Assert.Equal(2, devSecrets.Count);
        var fixer = new AutomatedFixerAgent(new NoAiCompletions(), Options.Create(new RepositoryOptions()), NullLogger<AutomatedFixerAgent>.Instance);

        var result = await fixer.RunAsync(AgentRuns.Context(fixer.Descriptor.Name, checkout) with { Inputs = reports }, CancellationToken.None);

        var fixedIds = result.Patches.SelectMany(p => p.FindingIds).ToHashSet();
        Assert.Contains(Assert.Single(layerOne, f => f.File == "config/settings.py" && f.Line == 3).Id, fixedIds);
        Assert.Contains(Assert.Single(layerOne, f => f.File == "deploy/Dockerfile" && f.Rule == "DL3007").Id, fixedIds);
        Assert.DoesNotContain(legacy.Id, fixedIds);
        Assert.DoesNotContain(devLatest.Id, fixedIds);
        Assert.DoesNotContain(result.Patches, p => p.File == "deploy/dev/Dockerfile");
        var removed = result.Patches.SelectMany(p => p.Diff.Split('\n')).Where(l => l.StartsWith('-') && !l.StartsWith("---", StringComparison.Ordinal));
        Assert.DoesNotContain(removed, l => l.Contains(IgnoredToken, StringComparison.Ordinal));
        Assert.Equal(4, result.Metrics["findings_suppressed"]);
    }

    [Fact]
    public async Task The_improvement_plan_beside_the_ConflictResolver_leaves_out_what_the_marker_and_the_file_suppress()
    {
        var checkout = Repository();
        var reports = await DetectAsync(checkout);
        var advisor = new ImprovementAdvisorAgent(new NoAiCompletions(), Options.Create(new ImprovementOptions()));

        var plan = (await advisor.RunAsync(AgentRuns.Context(advisor.Descriptor.Name, checkout) with { Inputs = reports }, CancellationToken.None)).Plan!;

        // Reported twice each (deploy/ and deploy/dev/; lines 3 and 4): the plan counts only the live one.
        var items = plan.Areas.SelectMany(a => a.Items).ToDictionary(i => i.Rule);
        Assert.Equal(1, items["DL3007"].FindingCount);
        Assert.Equal(1, items["secret/github-token"].FindingCount);
        Assert.False(items.ContainsKey("AMAS-DOCKER-SECRET"));
        Assert.False(items.ContainsKey("secret/generic-assignment"));
    }

    [Fact]
    public async Task In_SARIF_a_suppressed_finding_carries_its_suppression_and_the_log_validates_against_the_official_schema()
    {
        var findings = (await ResolveAsync(Repository())).Findings;
        var result = ReportSamples.Result(ReportSamples.Snapshot(findingCount: findings.Count), findings);

        var sarif = SarifReport.Write(result, findings);

        await SarifSchema.AssertValid(sarif);
        var results = JsonNode.Parse(sarif)!["runs"]![0]!["results"]!.AsArray();
        Assert.Equal(findings.Count, results.Count);
        var suppressions = results
            .Where(r => r!["suppressions"] is not null)
            .Select(r => (
                Rule: (string)r!["ruleId"]!,
                Kind: (string)r["suppressions"]![0]!["kind"]!,
                Justification: (string)r["suppressions"]![0]!["justification"]!,
                Where: (string)r["suppressions"]![0]!["location"]!["physicalLocation"]!["artifactLocation"]!["uri"]!,
                Line: (int)r["suppressions"]![0]!["location"]!["physicalLocation"]!["region"]!["startLine"]!))
            .OrderBy(s => s.Line)
            .ToList();
        Assert.Equal(
            [("DL3007", "external", "the dev image follows latest on purpose", SuppressionFile.FileName, 2),
             ("secret/generic-assignment", "external", "a throwaway token of the local dev stack", SuppressionFile.FileName, 3),
             ("secret/github-token", "inSource", "revoked in March, kept for the migration test", "config/settings.py", 4)],
            suppressions);
        var merged = results.Single(r => r!["suppressions"] is not null && (string)r["ruleId"]! == "secret/generic-assignment")!;
        Assert.Equal("hard-coded-credential", (string)merged["properties"]!["resolution"]!["concept"]!);
        Assert.Equal(["SecurityScanner", "DockerMonitor"], merged["properties"]!["sources"]!.AsArray().Select(n => (string)n!));
    }

    [Fact]
    public async Task In_Markdown_suppressed_findings_have_their_own_section_with_the_reasons_and_are_not_counted()
    {
        var findings = (await ResolveAsync(Repository())).Findings;
        var live = findings.Count(f => f.Suppression is null);
        var result = ReportSamples.Result(ReportSamples.Snapshot(findingCount: live), findings);

        var markdown = MarkdownReport.Write(result, findings);

        Assert.Contains($"{live} findings. 3 suppressed (not counted; see Suppressed findings).", markdown, StringComparison.Ordinal);
        var section = markdown[markdown.IndexOf("## Suppressed findings (3)", StringComparison.Ordinal)..];
        Assert.Contains("- Suppressed in the source (`config/settings.py:4`): revoked in March, kept for the migration test", section, StringComparison.Ordinal);
        Assert.Contains("- Suppressed by the suppression file (`.amas-suppressions:2`): the dev image follows latest on purpose", section, StringComparison.Ordinal);
        Assert.Contains("- Merged as `hard-coded-credential` from: SecurityScanner `secret/generic-assignment` (medium), DockerMonitor `AMAS-DOCKER-SECRET` (high)", section, StringComparison.Ordinal);
        Assert.DoesNotContain("revoked in March", markdown[..markdown.IndexOf("## Suppressed findings", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    public void Dispose() => _layerOne.Dispose();
}
