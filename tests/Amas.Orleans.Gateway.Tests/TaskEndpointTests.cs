using System.Net;
using System.Text.Json;
using Amas.Orleans.Tasks;
using Amas.Orleans.Testing;
using Amas.Orleans.Testing.Agents;

namespace Amas.Orleans.Gateway.Tests;

[Collection(EmbeddedGatewayCollection.Name)]
public sealed class TaskEndpointTests(EmbeddedGateway gateway)
{
    private HttpClient Http => gateway.Http;

    private static void AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_submitted_orchestrate_task_is_accepted_runs_four_layers_and_its_result_is_read_back()
    {
        var repository = SampleRepository.Create(gateway.Root);

        var response = await Http.PostJsonAsync("/api/v1/tasks", HttpJson.Submission(repository, components: "code_quality,security"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.ReadJsonAsync();
        var id = accepted.GetProperty("task_id").GetString()!;
        Assert.Equal($"/api/v1/tasks/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal($"/api/v1/tasks/{id}/result", accepted.GetProperty("links").GetProperty("result").GetString());

        var status = await Http.WaitUntilEndedAsync(id);
        Assert.Equal("succeeded", status.GetProperty("lifecycle").GetString());
        Assert.Equal("orchestrate", status.GetProperty("kind").GetString());
        var layers = status.GetProperty("layers").EnumerateArray().ToArray();
        Assert.Equal([1, 2, 3, 4], layers.Select(l => l.GetProperty("layer").GetInt32()));
        Assert.Equal(
            ["detection_analysis", "intelligence_decision", "execution_fix", "orchestration_management"],
            layers.Select(l => l.GetProperty("name").GetString()));
        var agents = layers.SelectMany(l => l.GetProperty("agents").EnumerateArray())
            .ToDictionary(a => a.GetProperty("agent").GetString()!, a => a.GetProperty("status").GetString());
        Assert.Equal("succeeded", agents["SecurityScanner"]);
        Assert.Equal("succeeded", agents["ConflictResolver"]);
        Assert.Equal("succeeded", agents["Reporter"]);

        var result = await (await Http.GetAsync($"/api/v1/tasks/{id}/result")).ReadJsonAsync();
        var findings = result.GetProperty("findings").GetProperty("items").EnumerateArray().ToArray();
        var rules = findings.Select(f => f.GetProperty("rule").GetString()).ToHashSet();
        Assert.Contains("secret/aws-access-key-id", rules);
        Assert.Contains("secret/github-token", rules);
        Assert.Equal(findings.Length, findings.Select(f => f.GetProperty("id").GetString()).Distinct().Count());
        Assert.DoesNotContain(findings, f => f.GetRawText().Contains(SampleRepository.AwsAccessKeyId, StringComparison.Ordinal));
        Assert.Equal(findings.Length, result.GetProperty("summary").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_unknown_mode_is_a_400_problem_that_names_every_valid_mode()
    {
        var response = await Http.PostJsonAsync("/api/v1/tasks", HttpJson.Submission(gateway.Root, mode: "turbo"));

        AssertProblem(response, HttpStatusCode.BadRequest);
        var problem = await response.ReadJsonAsync();
        var message = problem.GetProperty("errors").GetProperty("options.mode")[0].GetString();
        foreach (var mode in TaskOptionCatalog.Modes[TaskKind.Orchestrate])
        {
            Assert.Contains(mode, message);
        }
    }

    [Theory]
    [InlineData("""{"options":{"mode":"turbo"}}""", "kind")]
    [InlineData("""{"kind":"dance"}""", "kind")]
    [InlineData("""{"kind":"orchestrate","target":{"path":"/tmp"},"options":{"priority":"urgent"}}""", "options.priority")]
    [InlineData("""{"kind":"orchestrate","target":{"path":"/tmp"},"options":{"components":["security","looks"]}}""", "options.components")]
    [InlineData("""{"kind":"orchestrate","target":{"path":"/tmp"},"options":{"mdoe":"intelligent"}}""", "options.mdoe")]
    [InlineData("""{"kind":"orchestrate","target":{"path":"/tmp"},"options":{"auto_apply":"yes"}}""", "options.auto_apply")]
    [InlineData("""{"kind":"orchestrate","target":{"path":"/tmp"},"extra":1}""", "extra")]
    [InlineData("""{"kind":"orchestrate","target":"/tmp"}""", "target")]
    [InlineData("""{"kind":"orchestrate"}""", "target")]
    [InlineData("""[1,2]""", "")]
    [InlineData("""{"kind": "orchestrate",""", "")]
    [InlineData("", "")]
    public async Task Malformed_or_invalid_submissions_are_400_problems_naming_the_field(string body, string field)
    {
        var response = await Http.PostJsonAsync("/api/v1/tasks", body);

        AssertProblem(response, HttpStatusCode.BadRequest);
        var problem = await response.ReadJsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task An_unknown_kind_lists_the_valid_kinds()
    {
        var response = await Http.PostJsonAsync("/api/v1/tasks", """{"kind":"dance"}""");

        var message = (await response.ReadJsonAsync()).GetProperty("errors").GetProperty("kind")[0].GetString();
        Assert.Contains("orchestrate, self_improve, issue_respond, osint, forensics", message);
    }

    [Fact]
    public async Task A_path_outside_the_allowed_roots_is_a_400_and_no_task_is_created()
    {
        var outside = Directory.CreateTempSubdirectory("amas-outside-").FullName;
        try
        {
            var response = await Http.PostJsonAsync("/api/v1/tasks", HttpJson.Submission(outside), idempotencyKey: "outside-" + Guid.NewGuid());

            AssertProblem(response, HttpStatusCode.BadRequest);
            Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("target.path", out _));
        }
        finally
        {
            Directory.Delete(outside);
        }
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("GET", "/result")]
    [InlineData("POST", "/cancel")]
    public async Task An_unknown_task_is_a_404_problem(string method, string suffix)
    {
        var response = await Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/api/v1/tasks/{Guid.NewGuid()}{suffix}"));

        AssertProblem(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_result_of_a_running_task_is_a_409_and_cancel_ends_it()
    {
        var response = await Http.PostJsonAsync("/api/v1/tasks", HttpJson.Submission(SampleRepository.Create(gateway.Root), components: StallingAgent.Capability));
        var id = (await response.ReadJsonAsync()).GetProperty("task_id").GetString()!;
        try
        {
            await StallingAgent.WhenStartedAsync(Guid.Parse(id)).WaitAsync(TimeSpan.FromSeconds(30));

            var result = await Http.GetAsync($"/api/v1/tasks/{id}/result");
            AssertProblem(result, HttpStatusCode.Conflict);

            var cancel = await Http.PostAsync($"/api/v1/tasks/{id}/cancel", null);
            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
            Assert.Equal("cancelled", (await cancel.ReadJsonAsync()).GetProperty("lifecycle").GetString());

            var after = await Http.GetAsync($"/api/v1/tasks/{id}/result");
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
            Assert.Equal("cancelled", (await after.ReadJsonAsync()).GetProperty("task").GetProperty("error").GetProperty("code").GetString());
        }
        finally
        {
            StallingAgent.Release(Guid.Parse(id));
        }
    }

    [Fact]
    public async Task The_same_idempotency_key_submitted_twice_gives_one_task_and_a_different_body_is_refused()
    {
        var repository = SampleRepository.Create(gateway.Root);
        var key = "retry-" + Guid.NewGuid();

        var first = await Http.PostJsonAsync("/api/v1/tasks", HttpJson.Submission(repository, components: FailingAgent.Capability), key);
        var second = await Http.PostJsonAsync("/api/v1/tasks", HttpJson.Submission(repository, components: FailingAgent.Capability), key);
        var different = await Http.PostJsonAsync("/api/v1/tasks", HttpJson.Submission(repository, components: "security"), key);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        var id = (await first.ReadJsonAsync()).GetProperty("task_id").GetString();
        Assert.Equal(id, (await second.ReadJsonAsync()).GetProperty("task_id").GetString());
        AssertProblem(different, HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=5000", "limit")]
    [InlineData("?offset=-1", "offset")]
    [InlineData("?format=pdf", "format")]
    public async Task Bad_result_paging_or_format_is_a_400(string query, string field)
    {
        var response = await Http.GetAsync($"/api/v1/tasks/{Guid.NewGuid()}/result{query}");

        AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Results_are_paged()
    {
        var response = await Http.PostJsonAsync("/api/v1/tasks", HttpJson.Submission(SampleRepository.Create(gateway.Root), components: "security"));
        var id = (await response.ReadJsonAsync()).GetProperty("task_id").GetString()!;
        await Http.WaitUntilEndedAsync(id);

        var page = await (await Http.GetAsync($"/api/v1/tasks/{id}/result?offset=1&limit=1")).ReadJsonAsync();

        var findings = page.GetProperty("findings");
        Assert.Equal(1, findings.GetProperty("offset").GetInt32());
        Assert.Single(findings.GetProperty("items").EnumerateArray());
        Assert.Equal(2, findings.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_amas_workflow_aliases_trigger_an_orchestrate_task_and_read_its_status()
    {
        var body = JsonSerializer.Serialize(new { mode = "security_audit", components = "all", priority = "high", target = new { path = SampleRepository.Create(gateway.Root) } });

        var response = await Http.PostJsonAsync("/api/v1/workflows/orchestrator/trigger", body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.ReadJsonAsync()).GetProperty("workflow_id").GetString()!;
        await Http.WaitUntilEndedAsync(id);
        var status = await (await Http.GetAsync($"/api/v1/workflows/{id}/status")).ReadJsonAsync();
        Assert.Equal("succeeded", status.GetProperty("status").GetString());
        Assert.Equal(1.0, status.GetProperty("progress").GetDouble());
        Assert.Equal("high", status.GetProperty("task").GetProperty("options").GetProperty("priority").GetString());
    }

    [Fact]
    public async Task The_result_exports_as_sarif_and_markdown_with_every_finding_and_no_secret()
    {
        var response = await Http.PostJsonAsync("/api/v1/tasks", HttpJson.Submission(SampleRepository.Create(gateway.Root), components: "security"));
        var id = (await response.ReadJsonAsync()).GetProperty("task_id").GetString()!;
        await Http.WaitUntilEndedAsync(id);

        var sarif = await Http.GetAsync($"/api/v1/tasks/{id}/result?format=sarif");
        var markdown = await Http.GetAsync($"/api/v1/tasks/{id}/result?format=markdown");

        Assert.Equal("application/sarif+json", sarif.Content.Headers.ContentType?.MediaType);
        var log = await sarif.ReadJsonAsync();
        Assert.Equal("2.1.0", log.GetProperty("version").GetString());
        var results = log.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(["secret/aws-access-key-id", "secret/github-token"], results.Select(r => r.GetProperty("ruleId").GetString()).Order());
        Assert.Equal("text/markdown", markdown.Content.Headers.ContentType?.MediaType);
        var text = await markdown.Content.ReadAsStringAsync();
        Assert.Contains("secret/aws-access-key-id", text);
        Assert.DoesNotContain(SampleRepository.AwsAccessKeyId, text);
        Assert.DoesNotContain(SampleRepository.AwsAccessKeyId, log.GetRawText());
    }
}
