using System.Text.Json;
using Amas.Orleans.Gateway.Security;
using Amas.Orleans.Gateway.Security.Limits;
using Microsoft.Extensions.Options;
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

    public static async Task<JsonElement> ReadBodyAsync(HttpContext http)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, new JsonDocumentOptions { MaxDepth = JsonBodyLimits.MaxDepth }, http.RequestAborted);
            var limits = http.RequestServices.GetService<IOptions<RequestLimitSettings>>()?.Value ?? new RequestLimitSettings();
            if (JsonBodyLimits.Problem(document.RootElement, limits) is { } problem)
            {
                throw TaskRequestReader.Rejected(new() { [""] = [problem] });
            }

            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw TaskRequestReader.Rejected(new() { [""] = [$"The body is not valid JSON: {ex.Message}"] });
        }
    }
}
