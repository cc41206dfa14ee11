using System.Net;
using System.Text;
using System.Text.Json;

namespace Amas.Orleans.SystemTests;

/// <summary>
/// The gateway's HTTP API as a client sees it, authenticated with the cluster's admin key. Every request has a 10 s
/// timeout: nothing may hang longer.
/// </summary>
public sealed class Gateway : IDisposable
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    private readonly HttpClient _http;

    public Gateway(Uri baseAddress, string apiKey)
    {
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = RequestTimeout };
        _http.DefaultRequestHeaders.Add("X-API-Key", apiKey);
    }

    public static string Orchestrate(string path) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["kind"] = "orchestrate",
        ["target"] = new Dictionary<string, string> { ["path"] = path },
        ["options"] = new Dictionary<string, object> { ["mode"] = "intelligent", ["components"] = "all", ["priority"] = "normal" },
    });

    /// <summary>
    /// Submits an <c>orchestrate</c> task on <paramref name="path"/> and returns its id, as a careful client does: with
    /// an Idempotency-Key, retrying a 503 after its Retry-After (the gateway's answer when a grain call outlasts its
    /// bound), so a retry can never create a second task. Anything but 202 or 503 fails the test.
    /// </summary>
    public async Task<Guid> SubmitAsync(string path)
    {
        var key = "system-test-" + Guid.NewGuid();
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tasks")
            {
                Content = new StringContent(Orchestrate(path), Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await _http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < 5)
            {
                Assert.NotNull(response.Headers.RetryAfter);
                await Task.Delay(response.Headers.RetryAfter!.Delta ?? TimeSpan.FromSeconds(1));
                continue;
            }

            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Submission answered {(int)response.StatusCode}: {body}");
            return JsonDocument.Parse(body).RootElement.GetProperty("task_id").GetGuid();
        }
    }

    public Task<HttpResponseMessage> GetAsync(string path, CancellationToken cancellationToken = default) => _http.GetAsync(path, cancellationToken);

    /// <summary>
    /// The body of a GET that must answer 200. A retryable 503 (a cluster that has just started warms up its
    /// activations) is retried as a client would, for up to a minute; anything else fails at once.
    /// </summary>
    public async Task<string> GetOkAsync(string path)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            using var response = await _http.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is { } retry && DateTime.UtcNow < deadline)
            {
                await Task.Delay(retry.Delta ?? TimeSpan.FromSeconds(1));
                continue;
            }

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {body}");
            return body;
        }
    }

    /// <summary>
    /// Polls the status until the task ends. While the cluster settles after a crash a poll may get a 503 or time
    /// out; that is retried here (the gateway test asserts on those answers themselves).
    /// </summary>
    public async Task<JsonElement> WaitUntilEndedAsync(Guid task, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        var last = "(no answer)";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await _http.GetAsync($"/api/v1/tasks/{task}");
                last = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var status = JsonDocument.Parse(last).RootElement.Clone();
                    if (status.GetProperty("lifecycle").GetString() is "succeeded" or "failed" or "cancelled")
                    {
                        return status;
                    }
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                last = exception.Message;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Task {task} did not end within {within}; last answer: {last}");
    }

    public void Dispose() => _http.Dispose();
}
