using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Amas.Orleans.Testing;

namespace Amas.Orleans.Gateway.Tests;

[Collection(EmbeddedGatewayCollection.Name)]
public sealed class TaskListTests(EmbeddedGateway gateway)
{
    [Fact]
    public async Task The_caller_s_tasks_are_listed_newest_first_page_by_page_without_repeats()
    {
        var repository = SampleRepository.Create(gateway.Root);
        var submitted = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var response = await gateway.Http.PostJsonAsync("/api/v1/tasks", HttpJson.Submission(repository, components: "security"));
            submitted.Add((await response.ReadJsonAsync()).GetProperty("task_id").GetString()!);
        }

        foreach (var id in submitted)
        {
            await gateway.Http.WaitUntilEndedAsync(id);
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await gateway.Http.GetFromJsonAsync<JsonElement>($"/api/v1/tasks?limit=2&kind=orchestrate{(cursor is null ? "" : "&cursor=" + cursor)}");
            var items = page.GetProperty("items").EnumerateArray().ToArray();
            Assert.InRange(items.Length, 1, 2);
            seen.AddRange(items.Select(i => i.GetProperty("task_id").GetString()!));
            cursor = page.GetProperty("next_cursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        var mine = seen.Where(submitted.Contains).ToArray();
        Assert.Equal(Enumerable.Reverse(submitted), mine);
    }

    [Fact]
    public async Task The_list_filters_by_status()
    {
        var page = await gateway.Http.GetFromJsonAsync<JsonElement>("/api/v1/tasks?status=cancelled&limit=200");

        Assert.All(page.GetProperty("items").EnumerateArray(), i => Assert.Equal("cancelled", i.GetProperty("lifecycle").GetString()));
    }

    [Theory]
    [InlineData("status=done", "status")]
    [InlineData("kind=dance", "kind")]
    [InlineData("limit=0", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task Bad_list_parameters_are_400_problems(string query, string field)
    {
        var response = await gateway.Http.GetAsync($"/api/v1/tasks?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }
}
