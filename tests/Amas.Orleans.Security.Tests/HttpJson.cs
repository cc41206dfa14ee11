using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Amas.Orleans.Testing;

namespace Amas.Orleans.Gateway.Security.Tests;

internal static class HttpJson
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient http, string path, string json)
        => http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public static string Submission(string path, string components = "security")
        => JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["kind"] = "orchestrate",
            ["target"] = new Dictionary<string, string> { ["path"] = path },
            ["options"] = new Dictionary<string, object> { ["mode"] = "intelligent", ["components"] = components, ["priority"] = "normal" },
        });

    /// <summary>Submits an orchestrate task on a fresh sample repository and returns its id (the submission must be accepted).</summary>
    public static async Task<Guid> SubmitAsync(this HttpClient http, string root, string components = "security")
    {
        using var response = await http.PostJsonAsync("/api/v1/tasks", Submission(SampleRepository.Create(root), components));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Submission answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("task_id").GetGuid();
    }

    /// <summary>Polls the status until the task ends.</summary>
    public static async Task<JsonElement> WaitUntilEndedAsync(this HttpClient http, Guid task)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement status = default;
        while (DateTime.UtcNow < deadline)
        {
            status = await http.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{task}");
            if (status.GetProperty("lifecycle").GetString() is "succeeded" or "failed" or "cancelled")
            {
                return status;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Task {task} did not end: {status}");
    }

    public static void AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
