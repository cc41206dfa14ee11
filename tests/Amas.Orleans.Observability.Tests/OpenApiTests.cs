using System.Text.Json;
using Amas.Orleans.Silo.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Amas.Orleans.Observability.Tests;

/// <summary>The OpenAPI document covers every route the app maps, with schemas and examples.</summary>
[Collection(ObservedGatewayCollection.Name)]
public sealed class OpenApiTests(ObservedGateway gateway)
{
    /// <summary>Left out of the document on purpose, and said so in its description.</summary>
    private static readonly string[] ExcludedPrefixes = ["/dashboard", HealthEndpoints.LivePath, HealthEndpoints.ReadyPath, "/openapi"];

    [Fact]
    public async Task Every_route_of_the_app_is_in_the_openapi_document_except_the_dashboard_and_health()
    {
        var document = await (await gateway.Http.GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var paths = document.GetProperty("paths");
        var routes = gateway.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !ExcludedPrefixes.Any(p => ("/" + e.RoutePattern.RawText!.TrimStart('/')).StartsWith(p, StringComparison.Ordinal)))
            .ToArray();

        Assert.True(routes.Length >= 9, $"Only {routes.Length} routes found.");
        foreach (var route in routes)
        {
            var path = OpenApiPath(route);
            foreach (var method in route.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            {
                Assert.True(paths.TryGetProperty(path, out var item), $"{method} {path} is not in the OpenAPI document.");
                Assert.True(item.TryGetProperty(method.ToLowerInvariant(), out _), $"{method} {path} is not in the OpenAPI document.");
            }
        }

        var description = document.GetProperty("info").GetProperty("description").GetString()!;
        Assert.Contains("/dashboard", description, StringComparison.Ordinal);
        Assert.Contains("/health/ready", description, StringComparison.Ordinal);
        Assert.False(paths.EnumerateObject().Any(p => p.Name.StartsWith("/dashboard", StringComparison.Ordinal)), "The dashboard's endpoints leak into the document.");
    }

    [Fact]
    public async Task Every_operation_has_a_summary_schemas_examples_and_problem_responses()
    {
        var document = await (await gateway.Http.GetAsync("/openapi/v1.json")).ReadJsonAsync();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                Assert.False(string.IsNullOrWhiteSpace(operation.Value.GetProperty("summary").GetString()), $"{name} has no summary.");
                if (operation.Value.TryGetProperty("requestBody", out var body))
                {
                    var media = body.GetProperty("content").GetProperty("application/json");
                    Assert.True(media.GetProperty("schema").EnumerateObject().Any(), $"{name} has an empty request schema.");
                    Assert.Equal(JsonValueKind.Object, media.GetProperty("example").ValueKind);
                }

                var responses = operation.Value.GetProperty("responses").EnumerateObject().ToArray();
                var success = Assert.Single(responses, r => r.Name.StartsWith('2'));
                // JSON, the event stream's events for the server-sent events endpoint, or the patch as a diff.
                var content = success.Value.GetProperty("content");
                var json = content.TryGetProperty("application/json", out var j) ? j
                    : content.TryGetProperty("text/event-stream", out var e) ? e : content.GetProperty("text/x-diff");
                Assert.True(json.TryGetProperty("schema", out _), $"{name} has no response schema.");
                Assert.True(json.TryGetProperty("example", out _), $"{name} has no response example.");
                Assert.Contains(responses, r => r.Name.StartsWith('4') || r.Name.StartsWith('5'));
                foreach (var problem in responses.Where(r => r.Name is ['4' or '5', ..] && r.Name != "502"))
                {
                    Assert.True(problem.Value.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{name} {problem.Name} is not a problem.");
                }
            }
        }
    }

    [Fact]
    public async Task The_submission_example_of_the_document_is_a_body_the_api_accepts()
    {
        var document = await (await gateway.Http.GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var example = document.GetProperty("paths").GetProperty("/api/v1/tasks").GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").GetProperty("application/json").GetProperty("example");

        // The example names a path of its own; point it at a repository this gateway may read.
        var body = System.Text.Json.Nodes.JsonNode.Parse(example.GetRawText())!;
        body["target"]!["path"] = Amas.Orleans.Testing.SampleRepository.Create(gateway.Root);
        var response = await gateway.Http.PostJsonAsync("/api/v1/tasks", body.ToJsonString());

        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        // Let it end, so that it does not move the counters another test of this gateway reads.
        await gateway.Http.WaitUntilEndedAsync((await response.ReadJsonAsync()).GetProperty("task_id").GetString()!);
    }

    /// <summary><c>/api/v1/tasks/{id:guid}</c> → <c>/api/v1/tasks/{id}</c>; a group's <c>/</c> route has no trailing slash.</summary>
    private static string OpenApiPath(RouteEndpoint route)
    {
        var segments = route.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        })));
        return "/" + string.Join('/', segments);
    }
}
