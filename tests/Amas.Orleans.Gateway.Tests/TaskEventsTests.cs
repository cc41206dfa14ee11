using System.Net;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Amas.Orleans.Testing;

namespace Amas.Orleans.Gateway.Tests;

/// <summary><c>GET /api/v1/tasks/{id}/events</c> read by a real HTTP client, as a browser's EventSource would.</summary>
[Collection(EmbeddedGatewayCollection.Name)]
public sealed class TaskEventsTests(EmbeddedGateway gateway)
{
    private sealed record Received(string Type, string? Id, JsonElement Data)
    {
        public string? Agent => Data.TryGetProperty("agent", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;

        public int? Layer => Data.TryGetProperty("layer", out var l) && l.ValueKind == JsonValueKind.Number ? l.GetInt32() : null;
    }

    private async Task<List<Received>> ReadAllAsync(string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var response = await gateway.Http.GetAsync($"/api/v1/tasks/{id}/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
        var events = new List<Received>();
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(timeout.Token))
        {
            using var data = JsonDocument.Parse(item.Data);
            events.Add(new Received(item.EventType, item.EventId, data.RootElement.Clone()));
        }

        return events;
    }

    /// <summary>The order every stream must keep, however the polls fell: lanes in order, each agent started before it completed.</summary>
    private static void AssertWellOrdered(List<Received> events, JsonElement status)
    {
        Assert.Equal("task_created", events[0].Type);
        Assert.Equal("task_completed", events[^1].Type);
        Assert.Equal(1, events.Count(e => e.Type == "task_completed"));
        Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());

        var agents = status.GetProperty("layers").EnumerateArray()
            .SelectMany(l => l.GetProperty("agents").EnumerateArray().Select(a => (Layer: l.GetProperty("layer").GetInt32(), Agent: a.GetProperty("agent").GetString()!)))
            .ToList();
        Assert.Equal(agents.OrderBy(a => a.Agent), events.Where(e => e.Type == "agent_completed").Select(e => (e.Layer!.Value, e.Agent!)).OrderBy(a => a.Item2));
        foreach (var (layer, agent) in agents)
        {
            var started = events.FindIndex(e => e.Type == "agent_started" && e.Agent == agent);
            var completed = events.FindIndex(e => e.Type == "agent_completed" && e.Agent == agent);
            var layerStarted = events.FindIndex(e => e.Type == "layer_started" && e.Layer == layer);
            var layerCompleted = events.FindIndex(e => e.Type == "layer_completed" && e.Layer == layer);
            Assert.True(layerStarted >= 0 && layerStarted < started && started < completed && completed < layerCompleted,
                $"{agent} in layer {layer}: layer_started {layerStarted}, agent_started {started}, agent_completed {completed}, layer_completed {layerCompleted}");
        }

        var lanes = events.Where(e => e.Type is "layer_started" or "layer_completed").Select(e => e.Layer!.Value).ToList();
        Assert.Equal(lanes.Order(), lanes);
    }

    [Fact]
    public async Task The_stream_yields_every_step_in_order_and_ends_with_task_completed()
    {
        var repository = SampleRepository.Create(gateway.Root);
        var accepted = await (await gateway.Http.PostJsonAsync("/api/v1/tasks", HttpJson.Submission(repository))).ReadJsonAsync();
        var id = accepted.GetProperty("task_id").GetString()!;

        var events = await ReadAllAsync(id);

        var status = await gateway.Http.WaitUntilEndedAsync(id);
        AssertWellOrdered(events, status);
        Assert.Equal("succeeded", events[^1].Data.GetProperty("status").GetString());
        Assert.Equal(status.GetProperty("finding_count").GetInt32(), events[^1].Data.GetProperty("finding_count").GetInt32());
    }

    [Fact]
    public async Task A_client_connecting_after_the_end_gets_the_whole_run_replayed()
    {
        var repository = SampleRepository.Create(gateway.Root);
        var accepted = await (await gateway.Http.PostJsonAsync("/api/v1/tasks", HttpJson.Submission(repository, components: "security"))).ReadJsonAsync();
        var id = accepted.GetProperty("task_id").GetString()!;
        var status = await gateway.Http.WaitUntilEndedAsync(id);

        var events = await ReadAllAsync(id);

        AssertWellOrdered(events, status);
        var completed = events.Single(e => e.Type == "agent_completed" && e.Agent == "SecurityScanner").Data;
        Assert.Equal("succeeded", completed.GetProperty("status").GetString());
        Assert.True(completed.GetProperty("finding_count").GetInt32() >= 2);
    }

    [Fact]
    public async Task Events_of_an_unknown_task_are_a_404_problem()
    {
        var response = await gateway.Http.GetAsync($"/api/v1/tasks/{Guid.NewGuid()}/events");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
