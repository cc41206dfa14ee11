using System.Net;
using System.Text.Json;
using Amas.Orleans.Testing;
using Amas.Orleans.Testing.Agents;

namespace Amas.Orleans.Gateway.Tests;

/// <summary><c>GET /api/v1/tasks/{id}/artifacts/patch</c> over real HTTP: the fix pipeline's combined patch.</summary>
[Collection(EmbeddedGatewayCollection.Name)]
public sealed class TaskPatchEndpointTests(EmbeddedGateway gateway)
{
    private HttpClient Http => gateway.Http;

    private static void AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_self_improve_task_publishes_its_accepted_fixes_as_a_patch_that_applies_and_makes_no_branch_without_auto_apply()
    {
        var repository = Directory.CreateDirectory(Path.Combine(gateway.Root, $"repo-{Guid.NewGuid():N}")).FullName;
        await File.WriteAllTextAsync(Path.Combine(repository, "Dockerfile"), "FROM ubuntu:latest\nCMD [\"/bin/true\"]\n");
        await File.WriteAllTextAsync(Path.Combine(repository, "settings.py"), $"TOKEN = \"{SampleRepository.GitHubToken}\"\n");
        SampleRepository.CommitAll(repository);
        var body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["kind"] = "self_improve",
            ["target"] = new Dictionary<string, string> { ["path"] = repository },
            ["options"] = new Dictionary<string, object> { ["mode"] = "conservative", ["areas"] = "security", ["depth"] = "surface", ["auto_apply"] = false },
        });

        var id = (await (await Http.PostJsonAsync("/api/v1/tasks", body)).ReadJsonAsync()).GetProperty("task_id").GetString()!;
        var status = await Http.WaitUntilEndedAsync(id);
        using var response = await Http.GetAsync($"/api/v1/tasks/{id}/artifacts/patch");

        Assert.Equal("succeeded", status.GetProperty("lifecycle").GetString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/x-diff", response.Content.Headers.ContentType?.MediaType);
        var patch = await response.Content.ReadAsStringAsync();
        Assert.Equal(
            ["diff --git a/Dockerfile b/Dockerfile", "diff --git a/settings.py b/settings.py"],
            patch.Split('\n').Where(l => l.StartsWith("diff --git", StringComparison.Ordinal)));
        Assert.Contains("+FROM ubuntu:24.04", patch);
        Assert.DoesNotContain(SampleRepository.GitHubToken, patch.Split('\n').Where(l => l.StartsWith('+')));
        var file = Path.Combine(gateway.Root, $"{id}.patch");
        await File.WriteAllTextAsync(file, patch);
        SampleRepository.Git(repository, "apply", "--check", file);

        var result = await (await Http.GetAsync($"/api/v1/tasks/{id}/result")).ReadJsonAsync();
        var fixes = result.GetProperty("fixes").EnumerateArray().ToArray();
        Assert.All(fixes, f => Assert.Equal("accepted", f.GetProperty("verdict").GetString()?.ToLowerInvariant()));
        Assert.Equal(2, fixes.Length);
        Assert.True(!result.TryGetProperty("fix_branch", out var branch) || branch.ValueKind == JsonValueKind.Null);
        Assert.Equal("main", SampleRepository.Git(repository, "branch", "--format=%(refname:short)").Trim());
    }

    [Fact]
    public async Task The_patch_of_a_running_task_is_a_409_of_an_unknown_task_a_404_and_of_a_task_without_fixes_a_404()
    {
        using var unknown = await Http.GetAsync($"/api/v1/tasks/{Guid.NewGuid()}/artifacts/patch");
        AssertProblem(unknown, HttpStatusCode.NotFound);

        var plain = (await (await Http.PostJsonAsync("/api/v1/tasks", HttpJson.Submission(SampleRepository.Create(gateway.Root), components: "code_quality")))
            .ReadJsonAsync()).GetProperty("task_id").GetString()!;
        await Http.WaitUntilEndedAsync(plain);
        using var none = await Http.GetAsync($"/api/v1/tasks/{plain}/artifacts/patch");
        AssertProblem(none, HttpStatusCode.NotFound);
        Assert.Equal("No patch.", (await none.ReadJsonAsync()).GetProperty("title").GetString());

        var running = (await (await Http.PostJsonAsync("/api/v1/tasks", HttpJson.Submission(SampleRepository.Create(gateway.Root), components: StallingAgent.Capability)))
            .ReadJsonAsync()).GetProperty("task_id").GetString()!;
        try
        {
            await StallingAgent.WhenStartedAsync(Guid.Parse(running)).WaitAsync(TimeSpan.FromSeconds(30));
            using var busy = await Http.GetAsync($"/api/v1/tasks/{running}/artifacts/patch");
            AssertProblem(busy, HttpStatusCode.Conflict);
        }
        finally
        {
            await Http.PostAsync($"/api/v1/tasks/{running}/cancel", null);
            StallingAgent.Release(Guid.Parse(running));
        }
    }
}
