using System.Net.Http.Json;
using System.Text.Json;
using Amas.Orleans.Testing;
using Xunit.Abstractions;

namespace Amas.Orleans.UserInterface.Tests.WebConsole;

/// <summary>The web console in headless Chromium against the running embedded system.</summary>
[Collection(GatewayProcessCollection.Name)]
public sealed class WebConsoleTests(GatewayProcess gateway, ITestOutputHelper output)
{
    [Fact]
    public async Task A_task_submitted_through_the_form_shows_its_lanes_finished_and_the_planted_findings_in_the_table()
    {
        var repository = SampleRepository.Create(gateway.Root);
        var artifacts = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts", "web-console")).FullName;

        var (exitCode, stdout, stderr) = await Playwright.RunAsync("console-e2e.mjs", gateway.Url.ToString().TrimEnd('/'), repository, artifacts);

        Assert.True(exitCode == 0, $"node exited {exitCode}:\n{stderr}\n{stdout}");
        using var run = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
        var page = run.RootElement;
        var id = page.GetProperty("id").GetString()!;
        output.WriteLine($"Screenshots: {Path.Combine(artifacts, "task-page.png")}, {Path.Combine(artifacts, "providers-page.png")}");

        // The form offered the API's own kinds.
        using var http = new HttpClient { BaseAddress = gateway.Url };
        var options = await http.GetFromJsonAsync<JsonElement>("/api/v1/tasks/options");
        Assert.Equal(options.GetProperty("kinds").EnumerateArray().Select(k => k.GetProperty("kind").GetString()), page.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()));

        // Lanes: the four layers, every agent of the task finished as the API says.
        var status = await http.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{id}");
        Assert.Equal("succeeded", status.GetProperty("lifecycle").GetString());
        Assert.Equal("succeeded", page.GetProperty("state").GetString());
        Assert.Equal(1.0, page.GetProperty("progress").GetDouble());
        var expectedLanes = status.GetProperty("layers").EnumerateArray()
            .Select(l => $"{l.GetProperty("layer").GetInt32()}:" + string.Join(",", l.GetProperty("agents").EnumerateArray().Select(a => $"{a.GetProperty("agent").GetString()}={a.GetProperty("status").GetString()}")));
        var shownLanes = page.GetProperty("lanes").EnumerateArray()
            .Select(l => $"{l.GetProperty("layer").GetInt32()}:" + string.Join(",", l.GetProperty("agents").EnumerateArray().Select(a => $"{a.GetProperty("agent").GetString()}={a.GetProperty("state").GetString()}")));
        Assert.Equal(expectedLanes, shownLanes);

        // Findings: exactly the task's findings, the planted credentials among them; most severe first, and the
        // severity filter keeps exactly that severity's findings.
        var result = await http.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{id}/result?limit=1000");
        var rules = result.GetProperty("findings").GetProperty("items").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).Order().ToArray();
        Assert.Equal(rules, page.GetProperty("rules").EnumerateArray().Select(r => r.GetString()).Order().ToArray());
        Assert.Contains("secret/aws-access-key-id", rules);
        Assert.Contains("secret/github-token", rules);
        string[] order = ["info", "low", "medium", "high", "critical"];
        var bySeverity = result.GetProperty("summary").GetProperty("by_severity");
        var worst = bySeverity.EnumerateObject().Where(s => s.Value.GetInt32() > 0).MaxBy(s => Array.IndexOf(order, s.Name)).Name;
        Assert.Equal(worst, page.GetProperty("worst").GetString());
        var filtered = page.GetProperty("filtered").EnumerateArray().Select(s => s.GetString()).ToArray();
        Assert.Equal(bySeverity.GetProperty(worst).GetInt32(), filtered.Length);
        Assert.All(filtered, s => Assert.Equal(worst, s));

        var providers = await http.GetFromJsonAsync<JsonElement>("/api/v1/providers");
        Assert.Equal(providers.GetArrayLength(), page.GetProperty("providers").GetArrayLength());

        // Agents with the LearningSystem's runs, and the workflow metrics, as the API says (the learning flush runs
        // every few seconds, so the API is read after the page and must have at least what the page showed).
        var agents = await http.GetFromJsonAsync<JsonElement>("/api/v1/agents");
        var shownRuns = page.GetProperty("agentRuns");
        Assert.True(shownRuns.GetProperty("SecurityScanner").GetInt64() >= 1, shownRuns.ToString());
        foreach (var agent in agents.EnumerateArray())
        {
            var name = agent.GetProperty("name").GetString()!;
            var runs = agent.TryGetProperty("stats", out var stats) && stats.ValueKind == JsonValueKind.Object ? stats.GetProperty("runs").GetInt64() : 0;
            Assert.InRange(shownRuns.GetProperty(name).GetInt64(), 0, runs);
        }

        var metrics = await http.GetFromJsonAsync<JsonElement>("/api/v1/metrics/workflows?window=15m");
        Assert.InRange(long.Parse(page.GetProperty("metrics").GetProperty("Tasks ended").GetString()!, System.Globalization.CultureInfo.InvariantCulture), 1, metrics.GetProperty("tasks_ended").GetInt64());
        Assert.All(page.GetProperty("alerts").EnumerateArray(), a => Assert.Contains(a.GetString(), new[] { "low_success_rate", "slow_response", "high_error_rate" }));

        Assert.Empty(page.GetProperty("pageErrors").EnumerateArray());
        Assert.Empty(page.GetProperty("outside").EnumerateArray());
        Assert.True(new FileInfo(Path.Combine(artifacts, "workflows-page.png")).Length > 10_000);
        Assert.True(new FileInfo(Path.Combine(artifacts, "task-page.png")).Length > 10_000);
        Assert.True(new FileInfo(Path.Combine(artifacts, "providers-page.png")).Length > 10_000);
    }

    [Fact]
    public async Task An_issue_submitted_through_the_form_shows_its_answer_in_the_issues_language_as_text()
    {
        var artifacts = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts", "web-console")).FullName;

        var (exitCode, stdout, stderr) = await Playwright.RunAsync("issue-e2e.mjs", gateway.Url.ToString().TrimEnd('/'), artifacts);

        Assert.True(exitCode == 0, $"node exited {exitCode}:\n{stderr}\n{stdout}");
        using var run = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
        var page = run.RootElement;
        using var http = new HttpClient { BaseAddress = gateway.Url };
        var options = await http.GetFromJsonAsync<JsonElement>("/api/v1/tasks/options");
        Assert.Equal(options.GetProperty("languages").EnumerateArray().Select(l => l.GetString()), page.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));

        var result = await http.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{page.GetProperty("id").GetString()}/result");
        var facts = result.GetProperty("facts");
        Assert.Equal(facts.GetProperty("IssueResponder.response")[0].GetString()!.Trim(), page.GetProperty("response").GetString());
        Assert.Equal("bug", page.GetProperty("category").GetString());
        Assert.Equal("german", page.GetProperty("language").GetString());
        Assert.Equal(0, page.GetProperty("scripts").GetInt32());
        Assert.Empty(page.GetProperty("pageErrors").EnumerateArray());
        Assert.Empty(page.GetProperty("outside").EnumerateArray());
        Assert.True(new FileInfo(Path.Combine(artifacts, "issue-page.png")).Length > 10_000);
    }
}
