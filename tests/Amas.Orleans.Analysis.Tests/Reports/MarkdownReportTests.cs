using Amas.Orleans.Agents;
using Amas.Orleans.Findings;
using Amas.Orleans.Fixes;
using Amas.Orleans.Reports;
using Amas.Orleans.Tasks;
using static Amas.Orleans.Analysis.Tests.Reports.ReportSamples;

namespace Amas.Orleans.Analysis.Tests.Reports;

public sealed class MarkdownReportTests
{
    private static readonly IReadOnlyList<LayerSnapshot> TwoLayers =
    [
        new LayerSnapshot
        {
            Layer = 1, Name = "detection", Status = LayerStatus.Completed,
            Agents =
            [
                new AgentSnapshot { Agent = "SecurityScanner", Status = AgentRunStatus.Succeeded, Silo = "silo-a", DurationMs = 1234, FindingCount = 1 },
                new AgentSnapshot
                {
                    Agent = "DockerMonitor", Status = AgentRunStatus.Failed, Silo = "silo-b", DurationMs = 250,
                    Error = new TaskError("agent_failed", "Dockerfile unreadable | truncated\nat byte 12"),
                },
            ],
        },
        new LayerSnapshot { Layer = 2, Name = "intelligence", Status = LayerStatus.Skipped },
    ];

    [Fact]
    public void A_small_finished_task_renders_exactly_as_written_by_hand()
    {
        IReadOnlyList<Finding> findings =
        [
            Finding("quality/long-function", Severity.Low, line: 40, message: "Function `Run` has 80 lines."),
            Finding("secret/aws-access-key-id", Severity.Critical, file: "config/app.env", line: 3, category: "secrets",
                agent: "SecurityScanner", message: "An AWS access key id is committed.", evidence: "AKIA****************",
                fix: "Rotate the key and read it from the environment."),
        ];
        var result = Result(Snapshot(layers: TwoLayers, findingCount: 2), findings) with
        {
            Metrics = new Dictionary<string, double> { ["CodeQualityInspector.files_scanned"] = 12 },
        };

        var markdown = MarkdownReport.Write(result, findings);

        const string expected = """
            # Task 0b9e4c2a-5d1f-4e8a-9c3b-7f6a2d1e0c4b: orchestrate

            - Target: `https://github.com/acme/shop.git` at `main`
            - Commit: `3f2c9a1b7e5d4c6a8b0f1e2d3c4b5a6978695a4b`
            - Submitted by: alice
            - Lifecycle: succeeded
            - Created: 2026-11-02 10:00:00Z, started: 2026-11-02 10:00:02Z, completed: 2026-11-02 10:01:05Z (1 min 3 s)

            ## Layers and agents

            | Layer | Agent | Status | Silo | Duration | Findings | Error |
            | --- | --- | --- | --- | ---: | ---: | --- |
            | 1 detection (completed) | SecurityScanner | succeeded | silo-a | 1.2 s | 1 |  |
            | 1 detection (completed) | DockerMonitor | failed | silo-b | 250 ms | 0 | agent_failed: Dockerfile unreadable \| truncated at byte 12 |
            | 2 intelligence (skipped) | none |  |  |  |  |  |

            ## Summary

            2 findings.

            | Severity | Findings |
            | --- | ---: |
            | critical | 1 |
            | low | 1 |

            | Category | Findings |
            | --- | ---: |
            | code_quality | 1 |
            | secrets | 1 |

            | Agent | Findings |
            | --- | ---: |
            | CodeQualityInspector | 1 |
            | SecurityScanner | 1 |

            ## Metrics

            | Metric | Value |
            | --- | ---: |
            | CodeQualityInspector.files_scanned | 12 |

            ## Findings

            ### Critical (1)

            #### `config/app.env:3` · `secret/aws-access-key-id`

            - Agent: SecurityScanner
            - Category: secrets
            - Message: An AWS access key id is committed.
            - Evidence: `AKIA****************`
            - Fix: Rotate the key and read it from the environment.

            ### Low (1)

            #### `src/App.cs:40` · `quality/long-function`

            - Agent: CodeQualityInspector
            - Category: code_quality
            - Message: Function \`Run\` has 80 lines.

            """;
        // The expectation is a raw literal, so a checkout with CRLF line endings must not change what it says.
        Assert.Equal(expected.ReplaceLineEndings("\n"), markdown);
    }

    [Fact]
    public void A_failed_task_without_findings_says_so_and_shows_its_error()
    {
        var snapshot = Snapshot(TaskLifecycle.Failed, new() { Path = "/srv/repos/shop" }, commit: null,
            error: new TaskError("checkout_failed", "Could not read the repository.", "IOException: disk full")) with { CompletedAt = null };

        var markdown = MarkdownReport.Write(Result(snapshot, []), []);

        Assert.Contains("- Target: `/srv/repos/shop`\n- Commit: not resolved\n", markdown);
        Assert.Contains("completed: –\n- Error: `checkout_failed` Could not read the repository. (cause: IOException: disk full)\n", markdown);
        Assert.Contains("## Layers and agents\n\nNo layer ran.\n", markdown);
        Assert.Contains("## Summary\n\nNo findings.\n", markdown);
        Assert.EndsWith("## Findings\n\nNo findings.\n", markdown);
    }

    [Fact]
    public void The_fix_verdicts_are_a_table_with_the_branch_and_the_patch_link()
    {
        var snapshot = Snapshot(TaskLifecycle.Succeeded, new() { Path = "/srv/repos/shop" }, commit: null);
        var result = Result(snapshot, []) with
        {
            FixBranch = $"amas/{snapshot.TaskId}",
            Fixes =
            [
                new FixPatch { File = "Dockerfile", FindingIds = ["a1"], Rules = ["DL3007"], Origin = FixOrigin.Deterministic, Verdict = FixVerdict.Accepted, Reason = "findings gone, none new" },
                new FixPatch { File = "job.py", FindingIds = ["b2"], Rules = ["todo"], Origin = FixOrigin.Ai, Verdict = FixVerdict.Rejected, Reason = "introduces a new finding: x | y" },
            ],
        };

        var markdown = MarkdownReport.Write(result, []);

        Assert.Contains($"## Fixes\n\nAccepted fixes were committed to branch `amas/{snapshot.TaskId}`; the combined patch is at `/api/v1/tasks/{snapshot.TaskId}/artifacts/patch`.\n", markdown);
        Assert.Contains("| Dockerfile | DL3007 | deterministic | accepted | findings gone, none new |\n", markdown);
        Assert.Contains("| job.py | todo | AI | rejected | introduces a new finding: x \\| y |\n", markdown);
    }
}
