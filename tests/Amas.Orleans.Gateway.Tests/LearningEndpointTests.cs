using System.Net;
using System.Text.Json;
using Amas.Orleans.Testing;

namespace Amas.Orleans.Gateway.Tests;

/// <summary><c>GET /api/v1/agents</c> with the LearningSystem's stats, <c>GET /api/v1/metrics/workflows</c>, and layer 2's advice in the result.</summary>
[Collection(EmbeddedGatewayCollection.Name)]
public sealed class LearningEndpointTests(EmbeddedGateway gateway)
{
    private HttpClient Http => gateway.Http;

    private async Task<string> RunTaskAsync()
    {
        var response = await Http.PostJsonAsync("/api/v1/tasks", HttpJson.Submission(SampleRepository.Create(gateway.Root), components: "code_quality,security"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.ReadJsonAsync()).GetProperty("task_id").GetString()!;
        Assert.Equal("succeeded", (await Http.WaitUntilEndedAsync(id)).GetProperty("lifecycle").GetString());
        return id;
    }

    /// <summary>Reads <paramref name="path"/> until <paramref name="until"/> holds: the silo flushes its tallies every 200 ms here.</summary>
    private async Task<JsonElement> PollAsync(string path, Func<JsonElement, bool> until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.ReadJsonAsync();
            if (until(body))
            {
                return body;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{path} did not show what was expected; last: {body}");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Agents_are_listed_with_their_descriptor_fields_and_learned_stats_per_repository_kind()
    {
        await RunTaskAsync();

        var agents = await PollAsync("/api/v1/agents", body => body.EnumerateArray()
            .Single(a => a.GetProperty("name").GetString() == "SecurityScanner").GetProperty("stats").GetProperty("runs").GetInt64() >= 1);

        var scanner = agents.EnumerateArray().Single(a => a.GetProperty("name").GetString() == "SecurityScanner");
        Assert.Equal(1, scanner.GetProperty("layer").GetInt32());
        Assert.Contains("security", scanner.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
        Assert.True(scanner.GetProperty("reads_repository").GetBoolean());
        Assert.False(string.IsNullOrEmpty(scanner.GetProperty("description").GetString()));
        var stats = scanner.GetProperty("stats");
        Assert.True(stats.GetProperty("findings").GetInt64() >= 2);
        Assert.True(stats.GetProperty("runs_with_findings").GetInt64() >= 1);
        Assert.True(stats.GetProperty("average_duration_ms").GetDouble() >= 0);
        Assert.Equal(0, stats.GetProperty("fixes_accepted").GetInt64());
        Assert.True(stats.GetProperty("by_repository_kind").GetProperty("other").GetProperty("runs").GetInt64() >= 1);

        var layer2 = agents.EnumerateArray().Where(a => a.GetProperty("layer").GetInt32() == 2).Select(a => a.GetProperty("name").GetString());
        Assert.Equal(["ConflictResolver", "ImprovementAdvisor", "IssueResponder", "PerformanceOptimizer"], layer2);
    }

    [Fact]
    public async Task The_result_carries_the_improvement_plan_and_performance_recommendations_in_JSON_and_Markdown()
    {
        var id = await RunTaskAsync();

        var result = await (await Http.GetAsync($"/api/v1/tasks/{id}/result")).ReadJsonAsync();
        var plan = result.GetProperty("improvement_plan");
        Assert.Equal("rule_based", plan.GetProperty("written_by").GetProperty("path").GetString());
        Assert.Equal(["security", "code_quality"], plan.GetProperty("areas").EnumerateArray().Select(a => a.GetProperty("area").GetString()));
        var first = plan.GetProperty("areas")[0].GetProperty("items")[0];
        Assert.Equal(1, first.GetProperty("rank").GetInt32());
        Assert.Equal("secret/aws-access-key-id", first.GetProperty("rule").GetString());
        Assert.Equal(100, first.GetProperty("score").GetInt32());
        var recommendation = Assert.Single(result.GetProperty("performance_recommendations").EnumerateArray());
        Assert.Equal("code-quality/cyclomatic-complexity", recommendation.GetProperty("rule").GetString());

        var markdown = await Http.GetStringAsync($"/api/v1/tasks/{id}/result?format=markdown");
        Assert.Contains("## Improvement plan", markdown);
        Assert.Contains("Rationales written by rules (no AI provider configured).", markdown);
        Assert.Contains("1. **secret/aws-access-key-id:", markdown);
        Assert.Contains("## Performance recommendations", markdown);
        Assert.Contains("`src/Billing/InvoiceCalculator.cs:6`", markdown);
    }

    [Fact]
    public async Task Workflow_metrics_count_ended_tasks_over_the_window_with_thresholds_and_alerts()
    {
        await RunTaskAsync();

        var metrics = await PollAsync("/api/v1/metrics/workflows?window=15m", body => body.GetProperty("succeeded").GetInt64() >= 1);

        Assert.Equal(900, metrics.GetProperty("window_seconds").GetInt64());
        var ended = metrics.GetProperty("tasks_ended").GetInt64();
        Assert.Equal(ended, metrics.GetProperty("succeeded").GetInt64() + metrics.GetProperty("failed").GetInt64() + metrics.GetProperty("cancelled").GetInt64());
        Assert.InRange(metrics.GetProperty("success_rate").GetDouble(), 0, 1);
        Assert.InRange(metrics.GetProperty("error_rate").GetDouble(), 0, 1);
        Assert.True(metrics.GetProperty("average_response_seconds").GetDouble() >= 0);
        Assert.True(metrics.GetProperty("throughput_per_minute").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Object, metrics.GetProperty("provider_usage").ValueKind);
        Assert.Equal(JsonValueKind.Array, metrics.GetProperty("alerts").ValueKind);
        var thresholds = metrics.GetProperty("thresholds");
        Assert.Equal(0.95, thresholds.GetProperty("min_success_rate").GetDouble());
        Assert.Equal(300, thresholds.GetProperty("max_response_seconds").GetDouble());
        Assert.Equal(0.05, thresholds.GetProperty("max_error_rate").GetDouble());

        var defaultWindow = await (await Http.GetAsync("/api/v1/metrics/workflows")).ReadJsonAsync();
        Assert.Equal(3600, defaultWindow.GetProperty("window_seconds").GetInt64());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("15")]
    [InlineData("0m")]
    [InlineData("59s")]
    [InlineData("25h")]
    [InlineData("-5m")]
    [InlineData("2d")]
    [InlineData("1.5h")]
    [InlineData("99999999999999999m")]
    public async Task A_window_outside_one_minute_to_a_day_or_not_a_duration_is_a_400_problem(string window)
    {
        var response = await Http.GetAsync($"/api/v1/metrics/workflows?window={Uri.EscapeDataString(window)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var message = (await response.ReadJsonAsync()).GetProperty("errors").GetProperty("window")[0].GetString();
        Assert.Contains("e.g. 90s, 15m, 1h", message);
    }
}
