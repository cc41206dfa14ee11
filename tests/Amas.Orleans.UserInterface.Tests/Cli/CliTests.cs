using System.Net.Http.Json;
using System.Text.Json;
using Amas.Orleans.Testing;
using Amas.Orleans.UserInterface.Tests;

namespace Amas.Orleans.UserInterface.Tests.Cli;

/// <summary>The <c>amas</c> binary against a running embedded system, over real HTTP, as a CI job would use it.</summary>
[Collection(GatewayProcessCollection.Name)]
public sealed class CliTests(GatewayProcess gateway)
{
    private Dictionary<string, string?> Environment => new() { ["AMAS_URL"] = gateway.Url.ToString() };

    private Task<AmasCli.Outcome> Amas(params string[] arguments) => AmasCli.RunAsync(Environment, arguments);

    private async Task<JsonElement> ApiAsync(string path)
    {
        using var http = new HttpClient { BaseAddress = gateway.Url };
        return await http.GetFromJsonAsync<JsonElement>(path);
    }

    private static int AtOrAbove(JsonElement result, params string[] severities)
        => result.GetProperty("summary").GetProperty("by_severity").EnumerateObject().Where(s => severities.Contains(s.Name)).Sum(s => s.Value.GetInt32());

    [Fact]
    public async Task Submit_wait_fail_on_high_follows_the_layers_and_exits_1_for_the_planted_secrets_and_the_report_downloads_in_every_format()
    {
        var repository = SampleRepository.Create(gateway.Root);

        var run = await Amas("submit", "orchestrate", "--path", repository, "--wait", "--fail-on", "high");

        Assert.True(run.ExitCode == 1, run.ToString());
        // Progress goes to stderr, lane by lane; the one-line summary to stdout.
        var id = run.Stdout.Split("amas result ")[1].Split(' ')[0];
        Assert.Contains("[layer 1 detection_analysis] SecurityScanner: succeeded (", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("[layer 4 orchestration_management] Reporter: succeeded (", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"task {id}: succeeded", run.Stderr, StringComparison.Ordinal);
        var result = await ApiAsync($"/api/v1/tasks/{id}/result?limit=1");
        var high = AtOrAbove(result, "high", "critical");
        Assert.True(high >= 2, $"The sample's two planted credentials should be high or critical; the result says {high}.");
        Assert.Contains($"amas: {high} finding(s) at or above high", run.Stderr, StringComparison.Ordinal);
        Assert.StartsWith($"{result.GetProperty("summary").GetProperty("total").GetInt32()} findings (", run.Stdout, StringComparison.Ordinal);

        var sarifFile = Path.Combine(gateway.Root, $"{id}.sarif");
        var sarif = await Amas("result", id, "--format", "sarif", "-o", sarifFile);
        Assert.True(sarif.ExitCode == 0, sarif.ToString());
        using (var document = JsonDocument.Parse(await File.ReadAllTextAsync(sarifFile)))
        {
            Assert.Equal("2.1.0", document.RootElement.GetProperty("version").GetString());
            Assert.Equal(result.GetProperty("summary").GetProperty("total").GetInt32(), document.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
        }

        var markdown = await Amas("result", id, "--format", "markdown", "--fail-on", "critical");
        Assert.StartsWith("#", markdown.Stdout, StringComparison.Ordinal);
        Assert.Equal(AtOrAbove(result, "critical") > 0 ? 1 : 0, markdown.ExitCode);

        var json = await Amas("result", id, "--output", "json");
        using var full = JsonDocument.Parse(json.Stdout);
        Assert.Equal(result.GetProperty("summary").GetProperty("total").GetInt32(), full.RootElement.GetProperty("findings").GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Findings_below_the_threshold_exit_0_and_json_output_is_the_apis_result_alone()
    {
        var repository = Directory.CreateDirectory(Path.Combine(gateway.Root, "clean-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        await File.WriteAllTextAsync(Path.Combine(repository, "README.md"), "# Clean\n\nNothing to see here.\n");

        var run = await Amas("submit", "orchestrate", "--path", repository, "--components", "security", "--fail-on", "low", "--output", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var result = JsonDocument.Parse(run.Stdout);
        Assert.Equal("succeeded", result.RootElement.GetProperty("task").GetProperty("lifecycle").GetString());
        Assert.Equal(0, result.RootElement.GetProperty("summary").GetProperty("total").GetInt32());
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public async Task An_issue_is_submitted_from_options_and_a_body_file_and_answered_in_the_requested_language()
    {
        var body = Path.Combine(gateway.Root, $"issue-{Guid.NewGuid():N}.md");
        await File.WriteAllTextAsync(body, "When I save a large file the application crashes with an exception. Steps to reproduce: open, paste, save.");

        var run = await Amas("submit", "issue_respond", "--issue-title", "Crash when saving", "--issue-body", body, "--label", "bug,regression",
            "--language", "spanish", "--mode", "technical_focused", "--wait", "--output", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var result = JsonDocument.Parse(run.Stdout);
        var task = result.RootElement.GetProperty("task");
        Assert.Equal("succeeded", task.GetProperty("lifecycle").GetString());
        Assert.Equal(["bug", "regression"], task.GetProperty("options").GetProperty("issue").GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        var facts = result.RootElement.GetProperty("facts");
        Assert.Equal("bug", facts.GetProperty("IssueResponder.category")[0].GetString());
        Assert.Equal("english", facts.GetProperty("IssueResponder.issue_language")[0].GetString());
        Assert.Equal("spanish", facts.GetProperty("IssueResponder.response_language")[0].GetString());
    }

    [Fact]
    public async Task A_forensics_file_is_uploaded_with_the_task_and_its_hash_is_the_files()
    {
        var file = Path.Combine(gateway.Root, $"evidence-{Guid.NewGuid():N}.bin");
        var content = new byte[200_000];
        new Random(7).NextBytes(content);
        await File.WriteAllBytesAsync(file, content);

        var run = await Amas("submit", "forensics", "--file", file, "--wait", "--output", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var result = JsonDocument.Parse(run.Stdout);
        Assert.Equal(
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
            result.RootElement.GetProperty("facts").GetProperty("Forensics.sha256")[0].GetString());
    }

    [Fact]
    public async Task A_bad_option_value_is_an_api_error_with_the_valid_values_shown()
    {
        var run = await Amas("submit", "orchestrate", "--path", gateway.Root, "--mode", "turbo");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("400", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("options.mode: 'turbo'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("security_audit", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Theory]
    [InlineData("submit", "orchestrate", "--path", "a", "--git", "https://example.invalid/r.git")]
    [InlineData("submit", "orchestrate", "--ref", "main")]
    [InlineData("submit", "orchestrate", "--fail-on", "severe")]
    [InlineData("submit")]
    [InlineData("status", "not-a-guid")]
    [InlineData("frobnicate")]
    [InlineData("tasks", "--url", "ftp://127.0.0.1/")]
    [InlineData("submit", "forensics", "--file", "/nonexistent/evidence.bin")]
    [InlineData("generate", "Summarise this.", "--data", "/nonexistent/notes.md")]
    [InlineData("submit", "issue_respond", "--issue-title", "x", "--issue-body", "/nonexistent/body.md")]
    public async Task A_command_line_that_makes_no_sense_exits_2_without_calling_the_gateway(params string[] arguments)
    {
        var before = (await ApiAsync("/api/v1/tasks?limit=100")).GetProperty("items").GetArrayLength();

        var run = await Amas(arguments);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("amas: ", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, (await ApiAsync("/api/v1/tasks?limit=100")).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task An_unreachable_gateway_is_an_api_error_that_names_the_url()
    {
        var nowhere = $"http://127.0.0.1:{FreePorts.Next()}";

        var run = await AmasCli.RunAsync(new Dictionary<string, string?>(), "tasks", "--url", nowhere);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains($"Cannot reach the gateway at {nowhere}/", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_tasks_and_cancel_read_and_steer_a_submitted_task()
    {
        var repository = SampleRepository.Create(gateway.Root);
        var submit = await Amas("submit", "orchestrate", "--path", repository, "--priority", "high");
        Assert.True(submit.ExitCode == 0, submit.ToString());
        var id = Guid.Parse(submit.Stdout.Trim());

        var tasks = await Amas("tasks", "--output", "json");
        using (var page = JsonDocument.Parse(tasks.Stdout))
        {
            Assert.Contains(page.RootElement.GetProperty("items").EnumerateArray(), t => t.GetProperty("task_id").GetGuid() == id);
        }

        var table = await Amas("tasks");
        Assert.StartsWith("TASK", table.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{id}  orchestrate", table.Stdout, StringComparison.Ordinal);

        var cancel = await Amas("cancel", id.ToString(), "--output", "json");
        Assert.True(cancel.ExitCode == 0, cancel.ToString());
        var lifecycle = JsonDocument.Parse(cancel.Stdout).RootElement.GetProperty("lifecycle").GetString();
        // Cancel settles a running task; a task that already ended keeps its outcome.
        Assert.Contains(lifecycle, new[] { "cancelled", "succeeded" });

        var status = await Amas("status", id.ToString(), "--wait");
        Assert.Equal(lifecycle == "cancelled" ? 4 : 0, status.ExitCode);
        Assert.Contains($"{id}: {lifecycle}", status.Stdout, StringComparison.Ordinal);

        var missing = await Amas("status", Guid.NewGuid().ToString());
        Assert.Equal(3, missing.ExitCode);
        Assert.Contains("404", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agents_providers_and_generate_show_the_cluster_as_the_api_does()
    {
        var agents = await Amas("agents");
        Assert.True(agents.ExitCode == 0, agents.ToString());
        foreach (var agent in (await ApiAsync("/api/v1/agents")).EnumerateArray())
        {
            Assert.Contains(agent.GetProperty("name").GetString()!, agents.Stdout, StringComparison.Ordinal);
        }

        Assert.Contains("1      SecurityScanner", agents.Stdout, StringComparison.Ordinal);

        var providers = await Amas("providers");
        Assert.True(providers.ExitCode == 0, providers.ToString());
        var rows = providers.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        Assert.Equal((await ApiAsync("/api/v1/providers")).GetArrayLength(), rows.Length);
        Assert.All(rows, row => Assert.Contains("unconfigured", row, StringComparison.Ordinal));

        // No provider has a key in the tests: the router answers 502 with every attempt, and the CLI says so.
        var generate = await Amas("generate", "Say hello.");
        Assert.Equal(3, generate.ExitCode);
        Assert.Contains("no provider answered", generate.Stderr, StringComparison.Ordinal);
    }
}
