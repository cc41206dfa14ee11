using System.Net;
using System.Text.Json;

namespace Amas.Orleans.Observability.Tests;

[Collection(ObservedGatewayCollection.Name)]
public sealed class HealthTests(ObservedGateway gateway)
{
    [Fact]
    public async Task Live_answers_200_without_running_any_check()
    {
        var response = await gateway.Http.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_reports_the_cluster_and_the_storage_as_healthy()
    {
        var response = await gateway.Http.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.ReadJsonAsync();
        Assert.Equal("healthy", report.GetProperty("status").GetString());
        var checks = report.GetProperty("checks");
        Assert.Equal("healthy", checks.GetProperty("cluster").GetProperty("status").GetString());
        Assert.Equal("1 active silo(s).", checks.GetProperty("cluster").GetProperty("description").GetString());
        var storage = checks.GetProperty("storage");
        Assert.Equal("healthy", storage.GetProperty("status").GetString());
        Assert.Equal("memory", storage.GetProperty("data").GetProperty("storage").GetString());
        Assert.Equal(JsonValueKind.String, storage.GetProperty("data").GetProperty("silo").ValueKind);
    }
}
