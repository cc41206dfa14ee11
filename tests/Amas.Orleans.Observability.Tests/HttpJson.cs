using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Amas.Orleans.Observability.Tests;

internal static class HttpJson
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient http, string path, string json, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return http.SendAsync(request);
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public static string Submission(string path, string components = "all", string mode = "intelligent")
        => JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["kind"] = "orchestrate",
            ["target"] = new Dictionary<string, string> { ["path"] = path },
            ["options"] = new Dictionary<string, object> { ["mode"] = mode, ["components"] = components, ["priority"] = "normal" },
        });

    /// <summary>Polls the status until the task ends and returns the last status body.</summary>
    public static async Task<JsonElement> WaitUntilEndedAsync(this HttpClient http, string taskId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement status = default;
        while (DateTime.UtcNow < deadline)
        {
            status = await http.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{taskId}");
            if (status.GetProperty("lifecycle").GetString() is "succeeded" or "failed" or "cancelled")
            {
                return status;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Task {taskId} did not end: {status}");
    }
}
