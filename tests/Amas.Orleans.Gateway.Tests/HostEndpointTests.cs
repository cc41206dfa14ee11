using System.Net;

namespace Amas.Orleans.Gateway.Tests;

[Collection(EmbeddedGatewayCollection.Name)]
public sealed class HostEndpointTests(EmbeddedGateway gateway)
{
    [Theory]
    [InlineData("/health/live", "Healthy")]
    [InlineData("/health/ready", "\"status\":\"healthy\"")]
    public async Task Health_endpoints_answer_healthy_with_the_embedded_silo(string path, string expected)
    {
        var response = await gateway.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(expected, (await response.Content.ReadAsStringAsync()).TrimStart('{'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_task_endpoints()
    {
        var document = await (await gateway.Http.GetAsync("/openapi/v1.json")).ReadJsonAsync();

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/tasks", "/api/v1/tasks/{id}", "/api/v1/tasks/{id}/result", "/api/v1/tasks/{id}/cancel", "/api/v1/workflows/orchestrator/trigger", "/api/v1/workflows/{id}/status" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        }
    }

    [Fact]
    public async Task The_orleans_dashboard_is_served()
    {
        var response = await gateway.Http.GetAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
