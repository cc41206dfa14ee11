using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Amas.Orleans.Cli;

/// <summary>The public HTTP API of the gateway (design §5), with its problem details turned into readable errors.</summary>
public sealed class GatewayClient : IDisposable
{
    private readonly HttpClient _http;

    public GatewayClient(Uri baseUrl, string? apiKey, TimeSpan timeout)
    {
        _http = new HttpClient { BaseAddress = baseUrl, Timeout = timeout };
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("amas-cli", typeof(GatewayClient).Assembly.GetName().Version?.ToString(3) ?? "0"));
        if (!string.IsNullOrEmpty(apiKey))
        {
            _http.DefaultRequestHeaders.Add("X-API-Key", apiKey);
        }
    }

    public Uri BaseUrl => _http.BaseAddress!;

    public Task<JsonElement> GetJsonAsync(string path, CancellationToken cancellationToken)
        => SendJsonAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);

    public Task<JsonElement> PostJsonAsync(string path, JsonNode? body, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body?.ToJsonString() ?? "{}", Encoding.UTF8, "application/json"),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return SendJsonAsync(request, cancellationToken);
    }

    /// <summary>A forensics submission with its file: the task JSON in a <c>task</c> part, the file streamed in a <c>file</c> part.</summary>
    public async Task<JsonElement> PostUploadAsync(string path, JsonNode body, FileInfo file, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        await using var stream = file.OpenRead();
        using var form = new MultipartFormDataContent
        {
            { new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), "task" },
            { new StreamContent(stream), "file", file.Name },
        };
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = form };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await SendJsonAsync(request, cancellationToken);
    }

    public async Task<string> GetTextAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonElement> SendJsonAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(text.Length == 0 ? "null" : text);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new GatewayException($"The gateway at {BaseUrl} answered {(int)response.StatusCode} with a body that is not JSON.", response.StatusCode, ex);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            using (request)
            {
                response = await _http.SendAsync(request, cancellationToken);
            }
        }
        catch (HttpRequestException ex)
        {
            throw new GatewayException($"Cannot reach the gateway at {BaseUrl}: {ex.Message}. Is it running? Set AMAS_URL or --url.", null, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GatewayException($"The gateway at {BaseUrl} did not answer within {_http.Timeout.TotalSeconds:F0} s.", null, ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new GatewayException(Describe(response, body), response.StatusCode);
        }
    }

    /// <summary>A problem detail as lines a person reads: title, detail, then each invalid field with its reasons.</summary>
    private static string Describe(HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        var text = new StringBuilder();
        switch (response.StatusCode)
        {
            case HttpStatusCode.Unauthorized:
                text.Append("401: the gateway needs credentials it accepts; set AMAS_API_KEY or --api-key.");
                break;
            case HttpStatusCode.Forbidden:
                text.Append("403: the API key's role does not allow this.");
                break;
            default:
                text.Append(status);
                break;
        }

        try
        {
            using var problem = JsonDocument.Parse(body);
            var root = problem.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String)
                {
                    text.Append(' ').Append(title.GetString());
                }

                if (root.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String)
                {
                    text.Append(' ').Append(detail.GetString());
                }

                if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
                {
                    foreach (var field in errors.EnumerateObject())
                    {
                        foreach (var message in field.Value.EnumerateArray())
                        {
                            text.AppendLine().Append("  ").Append(field.Name.Length == 0 ? "body" : field.Name).Append(": ").Append(message.GetString());
                        }
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not a problem detail (a proxy's HTML page, say): the status is all there is to tell.
        }

        if (response.Headers.RetryAfter?.Delta is { } retry)
        {
            text.AppendLine().Append($"  retry after {retry.TotalSeconds:F0} s");
        }

        return text.ToString();
    }
}
