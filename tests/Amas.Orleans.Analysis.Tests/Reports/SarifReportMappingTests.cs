using System.Text.Json.Nodes;
using Amas.Orleans.Findings;
using Amas.Orleans.Reports;
using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;
using static Amas.Orleans.Analysis.Tests.Reports.ReportSamples;

namespace Amas.Orleans.Analysis.Tests.Reports;

public sealed class SarifReportMappingTests
{
    private static JsonNode Run(IReadOnlyList<Finding> findings, TaskSnapshot? snapshot = null, IReadOnlyDictionary<string, string>? descriptions = null)
        => JsonNode.Parse(SarifReport.Write(Result(snapshot ?? Snapshot(), findings), findings, descriptions))!["runs"]![0]!;

    [Theory]
    [InlineData(Severity.Critical, "error")]
    [InlineData(Severity.High, "error")]
    [InlineData(Severity.Medium, "warning")]
    [InlineData(Severity.Low, "note")]
    [InlineData(Severity.Info, "note")]
    public void Each_severity_maps_to_its_sarif_level_on_the_result_and_the_rule(Severity severity, string level)
    {
        var run = Run([Finding("quality/x", severity)]);

        Assert.Equal(level, (string?)run["results"]![0]!["level"]);
        Assert.Equal(level, (string?)run["tool"]!["driver"]!["rules"]![0]!["defaultConfiguration"]!["level"]);
        Assert.Equal(severity.ToString().ToLowerInvariant(), (string?)run["results"]![0]!["properties"]!["severity"]);
    }

    [Fact]
    public void Each_rule_appears_once_and_every_rule_index_points_to_the_rule_of_its_result()
    {
        var run = Run(Mixed());

        var rules = run["tool"]!["driver"]!["rules"]!.AsArray().Select(r => (string)r!["id"]!).ToList();
        Assert.Equal(["docker/missing-healthcheck", "quality/long-function", "secret/aws-access-key-id"], rules);
        foreach (var result in run["results"]!.AsArray())
        {
            Assert.Equal((string?)result!["ruleId"], rules[(int)result["ruleIndex"]!]);
        }
    }

    [Fact]
    public void A_rule_shared_by_findings_of_different_severities_defaults_to_the_most_severe_level()
    {
        var run = Run(Mixed());

        var rule = run["tool"]!["driver"]!["rules"]![1]!;
        Assert.Equal("quality/long-function", (string?)rule["id"]);
        Assert.Equal("warning", (string?)rule["defaultConfiguration"]!["level"]);
    }

    [Theory]
    [InlineData("src/App.cs", "src/App.cs")]
    [InlineData(@"src\Orders\OrderService.cs", "src/Orders/OrderService.cs")]
    [InlineData("./src//App.cs", "src/App.cs")]
    [InlineData("/docs/my notes#1.md", "docs/my%20notes%231.md")]
    public void The_uri_is_relative_to_srcroot_with_forward_slashes_and_escaped_segments(string file, string uri)
    {
        var run = Run([Finding("quality/x", Severity.Low, file: file)]);

        var artifact = run["results"]![0]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!;
        Assert.Equal(uri, (string?)artifact["uri"]);
        Assert.Equal("SRCROOT", (string?)artifact["uriBaseId"]);
        Assert.True(run["originalUriBaseIds"]!.AsObject().ContainsKey("SRCROOT"));
    }

    [Fact]
    public void The_region_carries_line_column_and_end_line_when_known()
    {
        var run = Run([Finding("quality/x", Severity.Low, line: 7) with { Column = 3, EndLine = 9 }]);

        var region = run["results"]![0]!["locations"]![0]!["physicalLocation"]!["region"]!;
        Assert.Equal(7, (int)region["startLine"]!);
        Assert.Equal(3, (int)region["startColumn"]!);
        Assert.Equal(9, (int)region["endLine"]!);
    }

    [Fact]
    public void Every_result_carries_its_finding_id_as_the_amas_v1_partial_fingerprint()
    {
        var findings = Mixed();

        var results = Run(findings)["results"]!.AsArray();

        Assert.Equal(findings.Select(f => f.Id), results.Select(r => (string)r!["partialFingerprints"]!["amas/v1"]!));
    }

    [Fact]
    public void Agent_sources_category_evidence_and_fix_travel_in_the_result_properties_and_no_sarif_fix_is_invented()
    {
        var finding = Mixed()[1] with { Sources = ["SecurityScanner", "DependencyAuditor"] };

        var result = Run([finding])["results"]![0]!;

        var properties = result["properties"]!;
        Assert.Equal("SecurityScanner", (string?)properties["agent"]);
        Assert.Equal(["SecurityScanner", "DependencyAuditor"], properties["sources"]!.AsArray().Select(s => (string)s!));
        Assert.Equal("secrets", (string?)properties["category"]);
        Assert.Equal("AKIA****************", (string?)properties["evidence"]);
        Assert.Equal(finding.Fix, (string?)properties["fix"]);
        Assert.False(result.AsObject().ContainsKey("fixes"));
    }

    [Fact]
    public void A_security_rule_carries_a_security_severity_and_the_security_tag_and_a_quality_rule_does_not()
    {
        var rules = Run(Mixed())["tool"]!["driver"]!["rules"]!;

        var secret = rules[2]!["properties"]!;
        Assert.Equal("9.5", (string?)secret["security-severity"]);
        Assert.Equal(["secrets", "security"], secret["tags"]!.AsArray().Select(t => (string)t!));
        var quality = rules[1]!["properties"]!.AsObject();
        Assert.False(quality.ContainsKey("security-severity"));
        Assert.Equal(["code_quality"], quality["tags"]!.AsArray().Select(t => (string)t!));
    }

    [Fact]
    public void A_rule_is_described_from_the_registry_and_otherwise_by_its_first_finding()
    {
        var descriptions = new Dictionary<string, string>
        {
            ["secret/aws-access-key-id"] = "An AWS access key id is committed. Anyone with the repository can use it.",
        };

        var rules = Run(Mixed(), descriptions: descriptions)["tool"]!["driver"]!["rules"]!;

        Assert.Equal("An AWS access key id is committed.", (string?)rules[2]!["shortDescription"]!["text"]);
        Assert.Equal(descriptions["secret/aws-access-key-id"], (string?)rules[2]!["fullDescription"]!["text"]);
        Assert.Equal("SecretAwsAccessKeyId", (string?)rules[2]!["name"]);
        Assert.Equal("quality/long-function in src/App.cs", (string?)rules[1]!["shortDescription"]!["text"]);
        Assert.False(rules[1]!.AsObject().ContainsKey("fullDescription"));
    }

    [Fact]
    public void The_run_names_the_tool_the_commit_of_the_git_target_and_the_task_timings()
    {
        var run = Run([]);

        Assert.Equal("Amas.Orleans", (string?)run["tool"]!["driver"]!["name"]);
        var provenance = run["versionControlProvenance"]![0]!;
        Assert.Equal("https://github.com/acme/shop.git", (string?)provenance["repositoryUri"]);
        Assert.Equal("3f2c9a1b7e5d4c6a8b0f1e2d3c4b5a6978695a4b", (string?)provenance["revisionId"]);
        Assert.Equal("SRCROOT", (string?)provenance["mappedTo"]!["uriBaseId"]);
        var invocation = run["invocations"]![0]!;
        Assert.True((bool)invocation["executionSuccessful"]!);
        Assert.Equal("2026-11-02T10:00:02.000Z", (string?)invocation["startTimeUtc"]);
        Assert.Equal("2026-11-02T10:01:05.000Z", (string?)invocation["endTimeUtc"]);
        Assert.Equal($"amas/orchestrate/{TaskId:D}", (string?)run["automationDetails"]!["id"]);
    }

    [Fact]
    public void A_failed_local_task_has_no_provenance_a_file_uri_root_and_its_error_as_a_notification()
    {
        var snapshot = Snapshot(TaskLifecycle.Failed, new RepositoryTarget { Path = "/srv/repos/shop" }, commit: null,
            error: new TaskError("deadline_exceeded", "The task ran out of time."));

        var run = Run([], snapshot);

        Assert.False(run.AsObject().ContainsKey("versionControlProvenance"));
        Assert.Equal("file:///srv/repos/shop/", (string?)run["originalUriBaseIds"]!["SRCROOT"]!["uri"]);
        var invocation = run["invocations"]![0]!;
        Assert.False((bool)invocation["executionSuccessful"]!);
        var notification = invocation["toolExecutionNotifications"]![0]!;
        Assert.Equal("The task ran out of time.", (string?)notification["message"]!["text"]);
        Assert.Equal("deadline_exceeded", (string?)notification["properties"]!["code"]);
    }
}
