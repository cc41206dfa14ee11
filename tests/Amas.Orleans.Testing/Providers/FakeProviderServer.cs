using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Amas.Orleans.Testing.Providers;

/// <summary>
/// A real HTTP server on 127.0.0.1 that speaks OpenAI chat completions at <c>/{provider}/v1/chat/completions</c>
/// and fails on cue, per provider. Nothing leaves the machine.
/// </summary>
public sealed class FakeProviderServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ProviderScript> _scripts = new(StringComparer.OrdinalIgnoreCase);
    private WebApplication? _app;

    public Uri Address { get; private set; } = null!;

    public static async Task<FakeProviderServer> StartAsync()
    {
        var server = new FakeProviderServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/{provider}/v1/chat/completions", (string provider, HttpContext http) => server.ReplyAsync(provider, http));
        await app.StartAsync();
        server._app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.Address = new Uri(address);
        return server;
    }

    public string BaseUrlFor(string provider) => new Uri(Address, $"/{provider}/v1").AbsoluteUri;

    public ProviderScript Script(string provider) => _scripts.GetOrAdd(provider, id => new ProviderScript(id));

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task ReplyAsync(string provider, HttpContext http)
    {
        var script = Script(provider);
        var body = await JsonNode.ParseAsync(http.Request.Body) as JsonObject ?? [];
        var authorization = http.Request.Headers.Authorization.ToString();
        var bearer = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : null;
        var reply = script.Take(new ReceivedRequest(http.Request.Path, body, bearer));
        switch (reply)
        {
            case AnswerReply answer:
                if (answer.Delay > TimeSpan.Zero)
                {
                    try
                    {
                        await Task.Delay(answer.Delay, http.RequestAborted);
                    }
                    catch (OperationCanceledException)
                    {
                        script.RecordAbort();
                        return;
                    }
                }

                await http.Response.WriteAsJsonAsync(new JsonObject
                {
                    ["id"] = "chatcmpl-fake",
                    ["object"] = "chat.completion",
                    ["model"] = body["model"]?.GetValue<string>(),
                    ["choices"] = new JsonArray(new JsonObject
                    {
                        ["index"] = 0,
                        ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = answer.Content },
                        ["finish_reason"] = "stop",
                    }),
                    ["usage"] = new JsonObject { ["prompt_tokens"] = 5, ["completion_tokens"] = 7, ["total_tokens"] = 12 },
                });
                break;
            case StatusReply status:
                http.Response.StatusCode = status.StatusCode;
                foreach (var (name, value) in status.Headers)
                {
                    http.Response.Headers[name] = value;
                }

                if (status.Body is not null)
                {
                    http.Response.ContentType = "application/json";
                    await http.Response.WriteAsync(status.Body);
                }

                break;
            case RawReply raw:
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync(raw.Body);
                break;
        }
    }
}
