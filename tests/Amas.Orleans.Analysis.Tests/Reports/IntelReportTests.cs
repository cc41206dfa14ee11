using System.Text.Json;
using Amas.Orleans.Agents;
using Amas.Orleans.Findings;
using Amas.Orleans.Reports;
using Amas.Orleans.Tasks;
using Amas.Orleans.Testing.Reports;
using static Amas.Orleans.Analysis.Tests.Reports.ReportSamples;

namespace Amas.Orleans.Analysis.Tests.Reports;

/// <summary>Reports of osint and forensics tasks: their inputs instead of a target, the agents' facts, web locations.</summary>
public sealed class IntelReportTests
{
    private const string Sha256 = "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8";

    private static TaskResult Forensics(IReadOnlyList<Finding> findings) => Result(
        Snapshot(commit: null) with
        {
            Kind = TaskKind.Forensics,
            Target = null,
            Options = new TaskOptions { Upload = new UploadedFile { Id = Guid.Empty, FileName = "invoice.pdf", Size = 1234, Sha256 = Sha256 } },
        },
        findings) with
    {
        Facts = new Dictionary<string, IReadOnlyList<string>>
        {
            ["Forensics.file_name"] = ["invoice.pdf"],
            ["Forensics.sha256"] = [Sha256],
            ["Forensics.urls"] = ["http://evil.example.com/`x`"],
            ["Forensics.emails"] = [],
            ["Forensics.archive.listing"] = ["a.txt (10 → 20 bytes)", "b.txt (5 → 5 bytes)"],
        },
    };

    [Fact]
    public void Markdown_of_a_forensics_task_names_the_upload_and_lists_every_fact_by_agent()
    {
        var markdown = MarkdownReport.Write(Forensics([]), []);

        Assert.Contains($"- File: `invoice.pdf`, uploaded, 1234 bytes, SHA-256 `{Sha256}`\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("- Target:", markdown, StringComparison.Ordinal);
        const string facts = """
            ## Facts

            ### Forensics

            - file_name: `invoice.pdf`
            - sha256: `0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8`
            - urls: `` http://evil.example.com/`x` ``
            - emails: none
            - archive.listing:
              - `a.txt (10 → 20 bytes)`
              - `b.txt (5 → 5 bytes)`

            """;
        var section = markdown[markdown.IndexOf("## Facts", StringComparison.Ordinal)..];
        Assert.Equal(facts.ReplaceLineEndings("\n"), section[..Math.Min(section.Length, facts.ReplaceLineEndings("\n").Length)]);
    }

    [Fact]
    public async Task Sarif_of_a_forensics_task_validates_and_carries_the_facts_in_the_run_properties()
    {
        var bomb = Finding("forensics.archive-bomb", Severity.High, file: "invoice.pdf", line: null, category: "forensics", agent: "Forensics");

        var sarif = SarifReport.Write(Forensics([bomb]), [bomb]);

        await SarifSchema.AssertValid(sarif);
        using var log = JsonDocument.Parse(sarif);
        var run = log.RootElement.GetProperty("runs")[0];
        Assert.Equal(Sha256, run.GetProperty("properties").GetProperty("facts").GetProperty("Forensics.sha256")[0].GetString());
        var location = run.GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        Assert.Equal("invoice.pdf", location.GetProperty("uri").GetString());
        Assert.Equal("SRCROOT", location.GetProperty("uriBaseId").GetString());
    }

    [Fact]
    public async Task Sarif_of_an_osint_task_locates_results_by_the_absolute_url_of_their_page()
    {
        var page = "http://127.0.0.1:8080/about.html?lang=en";
        var email = Finding("osint.email-address", Severity.Info, file: page, line: null, category: "osint", agent: "Osint", evidence: "jane@acme.test");
        var result = Result(Snapshot(commit: null) with { Kind = TaskKind.Osint, Target = null, Options = new TaskOptions { Urls = [page] } }, [email]);

        var sarif = SarifReport.Write(result, [email]);

        await SarifSchema.AssertValid(sarif);
        using var log = JsonDocument.Parse(sarif);
        var sarifResult = log.RootElement.GetProperty("runs")[0].GetProperty("results")[0];
        Assert.Equal("note", sarifResult.GetProperty("level").GetString());
        var location = sarifResult.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        Assert.Equal(page, location.GetProperty("uri").GetString());
        Assert.False(location.TryGetProperty("uriBaseId", out _));
    }

    [Fact]
    public async Task The_reporter_carries_every_input_agents_facts_under_its_name()
    {
        var context = AgentRuns.Context(ReporterAgent.AgentName, null) with
        {
            Inputs =
            [
                new AgentReport
                {
                    TaskId = Guid.NewGuid(), Agent = "Forensics", Status = AgentRunStatus.Succeeded, Layer = 1,
                    Facts = new Dictionary<string, IReadOnlyList<string>> { ["sha256"] = [Sha256], ["type"] = ["pdf"] },
                },
            ],
        };

        var result = await new ReporterAgent(new NoAiCompletions()).RunAsync(context, CancellationToken.None);

        Assert.Equal(["Forensics.sha256", "Forensics.type"], result.Facts!.Keys);
        Assert.Equal([Sha256], result.Facts["Forensics.sha256"]);
    }
}
