using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Amas.Orleans.Analysis.Tests.Dependencies;

/// <summary>
/// A stand-in for api.osv.dev on 127.0.0.1 that speaks the two calls the client makes: POST /v1/querybatch (ids per
/// query, with next_page_token paging) and GET /v1/vulns/{id}. Nothing leaves the loopback interface.
/// </summary>
internal sealed class LoopbackOsvServer : IAsyncDisposable
{
    private HttpListener _listener = new();
    private readonly Task _serving;
    private readonly Dictionary<(string Ecosystem, string Name, string Version), string[]> _answers = [];
    private readonly Dictionary<string, string> _records = new(StringComparer.Ordinal);

    public LoopbackOsvServer()
    {
        BaseUrl = StartOnFreePort(ref _listener);
        _serving = Task.Run(ServeAsync);
    }

    // HttpListener needs a fixed port: ask the OS for a free one, and ask again when another test process took it
    // between the probe and the bind (seen on CI with every test project running at once).
    private static Uri StartOnFreePort(ref HttpListener listener)
    {
        for (var attempt = 1; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var url = new Uri($"http://127.0.0.1:{port}/");
            listener.Prefixes.Add(url.AbsoluteUri);
            try
            {
                listener.Start();
                return url;
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();
                listener = new HttpListener();
            }
        }
    }

    public Uri BaseUrl { get; }

    /// <summary>Every request as "METHOD /path", in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Bodies of the batch queries received.</summary>
    public ConcurrentQueue<JsonNode> Batches { get; } = new();

    /// <summary>Ids answered on a second page only, behind a next_page_token.</summary>
    public HashSet<string> SecondPage { get; } = new(StringComparer.Ordinal);

    public HttpStatusCode? FailWith { get; set; }

    public TimeSpan Delay { get; set; }

    public void Answer(string ecosystem, string name, string version, params string[] ids) =>
        _answers[(ecosystem, name, version)] = ids;

    public void Serve(string id, string json) => _records[id] = json;

    public async ValueTask DisposeAsync()
    {
        // Close alone: on Linux, Stop and then Close each unregister the prefix, and the second looks the port up
        // again and binds it anew, failing with "address in use" when another process has taken it meanwhile.
        _listener.Close();
        await _serving;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => RespondAsync(context));
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url!.AbsolutePath;
        Requests.Enqueue($"{request.HttpMethod} {path}");
        var (status, body) = (HttpStatusCode.NotFound, "{}");
        try
        {
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay);
            }

            if (FailWith is { } failure)
            {
                (status, body) = (failure, """{"code":13,"message":"internal"}""");
            }
            else if (request.HttpMethod == "POST" && path == "/v1/querybatch")
            {
                using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
                var query = JsonNode.Parse(await reader.ReadToEndAsync())!;
                Batches.Enqueue(query);
                (status, body) = (HttpStatusCode.OK, AnswerBatch(query));
            }
            else if (request.HttpMethod == "GET" && path.StartsWith("/v1/vulns/", StringComparison.Ordinal)
                && _records.TryGetValue(Uri.UnescapeDataString(path["/v1/vulns/".Length..]), out var record))
            {
                (status, body) = (HttpStatusCode.OK, record);
            }
        }
        finally
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = (int)status;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            try
            {
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
            {
                // The client gave up (a timeout test); nothing to answer to.
            }
        }
    }

    private string AnswerBatch(JsonNode batch)
    {
        var results = new JsonArray();
        foreach (var query in batch["queries"]!.AsArray())
        {
            var key = ((string)query!["package"]!["ecosystem"]!, (string)query["package"]!["name"]!, (string)query["version"]!);
            var ids = _answers.GetValueOrDefault(key, []);
            var secondPage = query["page_token"] is not null;
            var page = ids.Where(id => SecondPage.Contains(id) == secondPage).ToList();
            var result = new JsonObject
            {
                ["vulns"] = new JsonArray(page.Select(id => (JsonNode)new JsonObject
                {
                    ["id"] = id,
                    ["modified"] = "2024-01-01T00:00:00Z",
                }).ToArray()),
            };
            if (!secondPage && ids.Any(SecondPage.Contains))
            {
                result["next_page_token"] = "page-2";
            }

            results.Add(result);
        }

        return new JsonObject { ["results"] = results }.ToJsonString(new JsonSerializerOptions());
    }
}
