using System.Text.Json;
using Amas.Orleans.Gateway.Security.Limits;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Gateway.Api;

/// <summary>The one path every submission takes, whichever endpoint received it.</summary>
public static class TaskSubmission
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static async Task<TaskSnapshot> SubmitAsync(HttpContext http, IClusterClient cluster, Func<string, string?, TaskSpec> read)
    {
        var caller = Callers.Of(http);
        string? key = null;
        if (http.Request.Headers.TryGetValue(IdempotencyHeader, out var values))
        {
            key = values.ToString();
            if (!TaskIds.IsValidIdempotencyKey(key))
            {
                throw TaskRequestReader.Rejected(new()
                {
                    [IdempotencyHeader] = [$"An idempotency key is 1 to {TaskIds.MaxIdempotencyKeyLength} visible ASCII characters."],
                });
            }
        }

        var spec = read(caller, key);
        var id = key is null ? TaskIds.New() : TaskIds.FromIdempotencyKey(caller, key);
        return await cluster.GetGrain<ITaskOrchestratorGrain>(id).SubmitAsync(spec);
    }

    /// <summary>The body as JSON, within the request limits; every refusal is a 400 problem.</summary>
    public static Task<JsonElement> ReadBodyAsync(HttpContext http) => JsonBodyReader.ReadAsync(http);
}
