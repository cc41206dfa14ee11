using System.Text.Json;
using Amas.Orleans.Gateway.Security;
using Amas.Orleans.Providers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Amas.Orleans.Gateway.Api;

/// <summary><c>POST /api/v1/ai/generate</c> (the router, design §4) and <c>GET /api/v1/providers</c> (health and usage).</summary>
public static class ProviderEndpoints
{
    public const int MaxPromptLength = 200_000;
    public const int MaxTimeoutSeconds = 600;
    public const int MaxDataDocuments = 100;

    public static IEndpointRouteBuilder MapProviderEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/ai/generate", GenerateAsync).WithTags("AI").WithName("Generate").Accepts<object>("application/json").RequireAuthorization(AmasPolicies.Operator);
        app.MapGet("/api/v1/providers", ListAsync).WithTags("AI").WithName("ListProviders").RequireAuthorization(AmasPolicies.Admin);
        return app;
    }

    /// <summary>
    /// 200 with the answer; 502 with the same shape (success false, every attempt, the error) when no provider
    /// answered; 429 problem details when a budget of the task or the caller is spent (no provider was called).
    /// </summary>
    private static async Task<Results<Ok<GenerateResponse>, JsonHttpResult<GenerateResponse>, ValidationProblem, ProblemHttpResult>> GenerateAsync(
        HttpContext http, IClusterClient cluster)
    {
        var body = await TaskSubmission.ReadBodyAsync(http);
        var errors = new Dictionary<string, string[]>();
        var request = Read(body, errors);
        if (request is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The request is invalid.");
        }

        // The budget is the authenticated caller's, never one the body names.
        var response = await cluster.GetGrain<IProviderRouterGrain>(0).GenerateAsync(request with { Caller = Callers.Of(http) }, http.RequestAborted);
        return response switch
        {
            { Success: true } => TypedResults.Ok(response),
            { ErrorCode: GenerateErrorCodes.BudgetExhausted } => BudgetProblem(http, response),
            { ErrorCode: GenerateErrorCodes.InvalidRequest } => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request is invalid.", detail: response.Error),
            _ => TypedResults.Json(response, statusCode: StatusCodes.Status502BadGateway),
        };
    }

    /// <summary>
    /// 429 rather than 403: the request is allowed, only not now. A caller's daily budget sends Retry-After (until
    /// UTC midnight); a task's budget never resets, which the problem's <c>resets_at</c> (null) says.
    /// </summary>
    private static ProblemHttpResult BudgetProblem(HttpContext http, GenerateResponse response)
    {
        var budget = response.Budget;
        if (budget?.ResetsAt is { } resetsAt)
        {
            var seconds = Math.Max(1, (long)Math.Ceiling((resetsAt - DateTimeOffset.UtcNow).TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "The AI budget is spent.",
            detail: response.Error,
            type: "https://amas.dev/problems/ai-budget-exhausted",
            extensions: new Dictionary<string, object?>
            {
                ["error_code"] = GenerateErrorCodes.BudgetExhausted,
                ["scope"] = budget?.Scope,
                ["owner"] = budget?.Owner,
                ["resource"] = budget?.Resource,
                ["limit"] = budget?.Limit,
                ["spent"] = budget?.Spent,
                ["resets_at"] = budget?.ResetsAt,
            });
    }

    private static async Task<Ok<IReadOnlyList<ProviderView>>> ListAsync(IClusterClient cluster)
    {
        var providers = await cluster.GetGrain<IProviderRouterGrain>(0).GetProvidersAsync();
        // Each snapshot's status is judged at its own time: the providers' clock, not the gateway's.
        return TypedResults.Ok<IReadOnlyList<ProviderView>>([.. providers.Select(p => new ProviderView(p.Status(p.At), p))]);
    }

    /// <summary>A provider's health with the status word the API shows (unconfigured, healthy, open…).</summary>
    public sealed record ProviderView(string Status, ProviderHealth Health);

    public static GenerateRequest? Read(JsonElement body, Dictionary<string, string[]> errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors[""] = ["The body must be a JSON object: {\"prompt\": …, \"system_prompt\"?, \"data\"?, \"strategy\"?, \"timeout\"?, \"task_id\"?}."];
            return null;
        }

        var prompt = String(body, "prompt", errors);
        if (string.IsNullOrWhiteSpace(prompt) && !errors.ContainsKey("prompt"))
        {
            errors["prompt"] = ["prompt is required."];
        }
        else if (prompt?.Length > MaxPromptLength)
        {
            errors["prompt"] = [$"prompt is longer than {MaxPromptLength} characters."];
        }

        var system = String(body, "system_prompt", errors);
        RoutingStrategy? strategy = null;
        if (String(body, "strategy", errors) is { } name)
        {
            if (RoutingStrategyNames.TryParse(name, out var parsed))
            {
                strategy = parsed;
            }
            else
            {
                errors["strategy"] = [$"'{name}' is not a strategy. Valid: {string.Join(", ", RoutingStrategyNames.All)}."];
            }
        }

        var timeout = Number(body, "timeout", errors, 1, MaxTimeoutSeconds, "seconds");
        var maxTokens = Number(body, "max_tokens", errors, 1, 1_000_000, "tokens");
        var temperature = Number(body, "temperature", errors, 0, 2, "");
        var providers = Strings(body, "providers", errors);
        var data = Documents(body, "data", errors);
        Guid? taskId = null;
        if (String(body, "task_id", errors) is { } id)
        {
            if (Guid.TryParse(id, out var parsed))
            {
                taskId = parsed;
            }
            else
            {
                errors["task_id"] = ["task_id must be a task id (a GUID)."];
            }
        }

        return errors.Count > 0 ? null : new GenerateRequest
        {
            Prompt = prompt!,
            SystemPrompt = system,
            Strategy = strategy,
            Timeout = timeout is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            MaxTokens = maxTokens is { } tokens ? (int)tokens : null,
            Temperature = temperature,
            Providers = providers,
            Data = data,
            TaskId = taskId,
        };
    }

    /// <summary><c>data</c>: untrusted text the prompt is about, <c>[{"name": "README.md", "content": "…"}, …]</c>.</summary>
    private static IReadOnlyList<DataDocument>? Documents(JsonElement body, string field, Dictionary<string, string[]> errors)
    {
        if (!body.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var problem = $"{field} must be a list of at most {MaxDataDocuments} objects {{\"name\": string, \"content\": string}} of at most {MaxPromptLength} characters in all.";
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() > MaxDataDocuments)
        {
            errors[field] = [problem];
            return null;
        }

        var documents = new List<DataDocument>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object
                || !item.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.String
                || (item.TryGetProperty("name", out var name) && name.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)))
            {
                errors[field] = [problem];
                return null;
            }

            documents.Add(new DataDocument(name.ValueKind == JsonValueKind.String ? name.GetString()! : $"document {documents.Count + 1}", content.GetString()!));
        }

        if (documents.Sum(d => d.Content.Length) > MaxPromptLength)
        {
            errors[field] = [problem];
            return null;
        }

        return documents;
    }

    private static string? String(JsonElement body, string field, Dictionary<string, string[]> errors)
    {
        if (!body.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors[field] = [$"{field} must be a string."];
            return null;
        }

        return value.GetString();
    }

    private static double? Number(JsonElement body, string field, Dictionary<string, string[]> errors, double min, double max, string unit)
    {
        if (!body.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && number >= min && number <= max)
        {
            return number;
        }

        errors[field] = [$"{field} must be a number from {min} to {max}{(unit.Length > 0 ? " " + unit : "")}."];
        return null;
    }

    private static IReadOnlyList<string>? Strings(JsonElement body, string field, Dictionary<string, string[]> errors)
    {
        if (!body.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String))
        {
            return [.. value.EnumerateArray().Select(item => item.GetString()!)];
        }

        errors[field] = [$"{field} must be a list of provider ids."];
        return null;
    }
}
