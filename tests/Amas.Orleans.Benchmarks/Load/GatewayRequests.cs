using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Amas.Orleans.Benchmarks.Load;

/// <summary>The requests the benchmarks send to a gateway.</summary>
public static class GatewayRequests
{
    public static string Orchestrate(string path) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["kind"] = "orchestrate",
        ["target"] = new Dictionary<string, string> { ["path"] = path },
        ["options"] = new Dictionary<string, object> { ["mode"] = "intelligent", ["components"] = "all", ["priority"] = "normal" },
    });

    /// <summary>Polls the task's status until it has ended; its last status.</summary>
    public static async Task<JsonElement> WaitUntilEndedAsync(HttpClient http, Guid id, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var status = await http.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{id}");
            var lifecycle = status.GetProperty("lifecycle").GetString();
            if (lifecycle is "succeeded" or "failed" or "cancelled")
            {
                return lifecycle == "succeeded" ? status : throw new InvalidOperationException($"Task {id} ended {lifecycle}: {status}");
            }

            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"Task {id} did not end within {limit}.");
            }

            await Task.Delay(20);
        }
    }
}
