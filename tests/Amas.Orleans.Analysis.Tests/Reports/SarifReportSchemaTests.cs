using System.Text.Json.Nodes;
using Amas.Orleans.Agents;
using Amas.Orleans.Findings;
using Amas.Orleans.Reports;
using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;
using Amas.Orleans.Testing.Reports;
using static Amas.Orleans.Analysis.Tests.Reports.ReportSamples;

namespace Amas.Orleans.Analysis.Tests.Reports;

public sealed class SarifReportSchemaTests
{
    [Fact]
    public async Task A_report_with_findings_of_every_kind_validates_against_the_official_schema()
    {
        var findings = Mixed();

        var sarif = SarifReport.Write(Result(Snapshot(findingCount: findings.Count), findings), findings);

        await SarifSchema.AssertValid(sarif);
    }

    [Fact]
    public async Task The_validator_rejects_a_report_whose_level_is_not_a_sarif_level()
    {
        var findings = Mixed();
        var log = JsonNode.Parse(SarifReport.Write(Result(Snapshot(), findings), findings))!;

        log["runs"]![0]!["results"]![0]!["level"] = "fatal";

        var errors = await SarifSchema.ErrorsIn(log.ToJsonString());
        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task The_validator_rejects_a_report_without_a_version()
    {
        var log = JsonNode.Parse(SarifReport.Write(Result(Snapshot(), []), []))!.AsObject();

        log.Remove("version");

        Assert.NotEmpty(await SarifSchema.ErrorsIn(log.ToJsonString()));
    }

    [Fact]
    public async Task A_task_without_findings_is_still_a_valid_log_with_one_run_and_no_results()
    {
        var sarif = SarifReport.Write(Result(Snapshot(), []), []);

        await SarifSchema.AssertValid(sarif);
        var run = Assert.Single(JsonNode.Parse(sarif)!["runs"]!.AsArray())!;
        Assert.Empty(run["results"]!.AsArray());
        Assert.Empty(run["tool"]!["driver"]!["rules"]!.AsArray());
    }

    [Fact]
    public async Task A_finding_without_a_file_becomes_a_result_without_a_location_and_the_log_stays_valid()
    {
        var finding = Finding("docker/missing-healthcheck", Severity.Info, file: null, line: null);

        var sarif = SarifReport.Write(Result(Snapshot(), [finding]), [finding]);

        await SarifSchema.AssertValid(sarif);
        var result = JsonNode.Parse(sarif)!["runs"]![0]!["results"]![0]!.AsObject();
        Assert.False(result.ContainsKey("locations"));
    }

    [Fact]
    public async Task A_failed_task_on_a_local_path_with_agent_errors_and_odd_file_names_validates()
    {
        var layers = new[]
        {
            new LayerSnapshot
            {
                Layer = 1, Name = "detection", Status = LayerStatus.Completed,
                Agents = [new AgentSnapshot { Agent = "DockerMonitor", Status = AgentRunStatus.Failed, Error = new TaskError("agent_failed", "It broke.", "IOException") }],
            },
        };
        var snapshot = Snapshot(TaskLifecycle.Failed, new RepositoryTarget { Path = "/srv/repos/my shop" }, commit: null, layers,
            new TaskError("agent_failed", "An agent failed.")) with { CompletedAt = null };
        var finding = Finding("quality/todo", Severity.Low, file: @"src\Odd #1\naïve [x].cs", line: 0) with { Column = 0, EndLine = -1 };

        var sarif = SarifReport.Write(Result(snapshot, [finding]), [finding]);

        await SarifSchema.AssertValid(sarif);
    }
}
