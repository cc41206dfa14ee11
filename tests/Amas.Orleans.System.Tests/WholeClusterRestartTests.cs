using System.Text.Json.Nodes;

namespace Amas.Orleans.SystemTests;

/// <summary>Every silo and the gateway replaced by new processes against the same PostgreSQL and Redis.</summary>
[Collection(LocalClusterCollection.Name)]
public sealed class WholeClusterRestartTests(TwoSiloCluster fixture) : IClassFixture<TwoSiloCluster>
{
    [Fact]
    public async Task Every_earlier_task_reads_back_unchanged_after_all_silos_and_the_gateway_are_replaced()
    {
        var cluster = fixture.Cluster;
        var gateway = fixture.Gateway;
        var repository = Workload.Repository(fixture.Root, extraModules: 0);
        var ids = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => gateway.SubmitAsync(repository)));
        foreach (var id in ids)
        {
            var status = await gateway.WaitUntilEndedAsync(id, TimeSpan.FromMinutes(2));
            Assert.Equal("succeeded", status.GetProperty("lifecycle").GetString());
        }

        var before = await ReadAllAsync(gateway, ids);

        await cluster.StopSilosAndGatewayAsync();
        // Nothing of the old cluster answers any more.
        await Assert.ThrowsAsync<HttpRequestException>(() => gateway.GetAsync("/health/live"));
        await cluster.StartAgainAsync();

        var after = await ReadAllAsync(gateway, ids);
        foreach (var (path, json) in before)
        {
            // Nothing in a finished task's status or result legitimately changes; agents' silos stay as recorded.
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(after[path])),
                $"GET {path} changed.\nBefore: {json}\nAfter:  {after[path]}");
        }
    }

    [Fact]
    public async Task The_client_gateway_refuses_callers_without_a_key_and_audits_into_the_clusters_postgres()
    {
        using var anonymous = new HttpClient { BaseAddress = fixture.Cluster.GatewayUrl, Timeout = Gateway.RequestTimeout };
        using var refused = await anonymous.GetAsync("/api/v1/tasks");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);

        var id = await fixture.Gateway.SubmitAsync(Workload.Repository(fixture.Root, extraModules: 0));

        Assert.Equal(1L, await CountAsync("caller = 'bootstrap' AND action = 'task.submit' AND result = 'succeeded' AND resource = @task", id));
        Assert.True(await CountAsync("caller = 'anonymous' AND action = 'GET /api/v1/tasks' AND result = 'denied' AND detail->>'status' = '401'", id) >= 1);
    }

    private async Task<long> CountAsync(string condition, Guid task)
    {
        await using var connection = new Npgsql.NpgsqlConnection(fixture.Cluster.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM audit_logs WHERE {condition}", connection);
        command.Parameters.AddWithValue("task", $"/api/v1/tasks/{task}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<Dictionary<string, string>> ReadAllAsync(Gateway gateway, IEnumerable<Guid> ids)
    {
        var bodies = new Dictionary<string, string>();
        foreach (var id in ids)
        {
            foreach (var path in new[] { $"/api/v1/tasks/{id}", $"/api/v1/tasks/{id}/result?limit=1000" })
            {
                bodies[path] = await gateway.GetOkAsync(path);
            }
        }

        return bodies;
    }
}
