using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Amas.Orleans.Gateway.Api;
using Amas.Orleans.Gateway.Hosting;
using Amas.Orleans.Gateway.Security;
using Amas.Orleans.Testing.Providers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Amas.Orleans.Providers.Tests.Cluster;

/// <summary>The two endpoints over real HTTP on loopback, with the gateway's JSON settings, against the test cluster.</summary>
[Collection(SystemClockCollection.Name)]
public sealed class ProviderEndpointTests(SystemClockCluster cluster) : IAsyncLifetime
{
    private WebApplication? _app;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(cluster.Client);
        builder.Services.ConfigureHttpJsonOptions(json => GatewayHostingExtensions.Configure(json.SerializerOptions));
        // The endpoints carry role policies; the open (embedded default) configuration satisfies them.
        builder.Services.AddAmasOpenAccess();
        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapProviderEndpoints();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        _http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Generate_answers_in_snake_case_with_every_attempt()
    {
        cluster.Server.Script("ep-a").Then(FakeReply.Status(502));

        var response = await _http.PostAsJsonAsync("/api/v1/ai/generate", new JsonObject
        {
            ["prompt"] = "over http",
            ["system_prompt"] = "be brief",
            ["strategy"] = "priority",
            ["timeout"] = 30,
            ["providers"] = new JsonArray("ep-a", "ep-b"),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(body!["success"]!.GetValue<bool>());
        Assert.Equal("ep-b", body["provider"]!.GetValue<string>());
        Assert.Equal("ep-b", body["provider_name"]!.GetValue<string>());
        Assert.Equal("ep-b-model", body["model"]!.GetValue<string>());
        Assert.Equal("answer from ep-b", body["content"]!.GetValue<string>());
        Assert.True(body["latency_ms"]!.GetValue<double>() >= 0);
        var attempts = body["attempts"]!.AsArray();
        Assert.Equal("server_error", attempts[0]!["outcome"]!.GetValue<string>());
        Assert.Equal(502, attempts[0]!["status_code"]!.GetValue<int>());
        Assert.Equal("success", attempts[1]!["outcome"]!.GetValue<string>());
        var sent = Assert.Single(cluster.Server.Script("ep-b").Received);
        Assert.Equal("system", sent.Body["messages"]![0]!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task Generate_rejects_a_bad_request_with_a_problem_naming_the_field()
    {
        var response = await _http.PostAsJsonAsync("/api/v1/ai/generate", new JsonObject { ["prompt"] = "", ["strategy"] = "random", ["timeout"] = -1 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        var errors = problem!["errors"]!.AsObject();
        Assert.Contains("prompt", errors.Select(e => e.Key));
        Assert.Contains("round_robin", errors["strategy"]![0]!.GetValue<string>());
        Assert.Contains("timeout", errors.Select(e => e.Key));
    }

    [Fact]
    public async Task Generate_answers_502_with_the_attempts_when_no_provider_answers()
    {
        cluster.Server.Script("ep-down").Always(FakeReply.Status(500));

        var response = await _http.PostAsJsonAsync("/api/v1/ai/generate", new JsonObject { ["prompt"] = "doomed", ["providers"] = new JsonArray("ep-down") });

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.False(body!["success"]!.GetValue<bool>());
        Assert.Contains("ep-down: server_error", body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Providers_lists_every_provider_with_its_status_and_never_a_key()
    {
        var response = await _http.GetAsync("/api/v1/providers");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(ProviderCluster.TestKey, text);
        var providers = JsonNode.Parse(text)!.AsArray();
        var deepseek = providers.Single(p => p!["health"]!["id"]!.GetValue<string>() == "deepseek")!;
        Assert.Equal("unconfigured", deepseek["status"]!.GetValue<string>());
        Assert.Contains(providers, p => p!["health"]!["id"]!.GetValue<string>() == "ep-b" && p["status"]!.GetValue<string>() == "healthy");
    }
}
