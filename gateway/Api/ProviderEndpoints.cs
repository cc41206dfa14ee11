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

    public static IEndpointRouteBuilder MapProviderEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/ai/generate", GenerateAsync).WithTags("AI").WithName("Generate").Accepts<object>("application/json").RequireAuthorization(AmasPolicies.Operator);
        app.MapGet("/api/v1/providers", ListAsync).WithTags("AI").WithName("ListProviders").RequireAuthorization(AmasPolicies.Admin);
        return app;
    }

    /// <summary>200 with the answer; 502 with the same shape (success false, every attempt, the error) when no provider answered.</summary>
    private static async Task<Results<Ok<GenerateResponse>, JsonHttpResult<GenerateResponse>, ValidationProblem>> GenerateAsync(
        HttpContext http, IClusterClient cluster)
    {
        var body = await TaskSubmission.ReadBodyAsync(http);
        var errors = new Dictionary<string, string[]>();
        var request = Read(body, errors);
        if (request is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The request is invalid.");
        }

        var response = await cluster.GetGrain<IProviderRouterGrain>(0).GenerateAsync(request, http.RequestAborted);
        return response.Success
            ? TypedResults.Ok(response)
            : TypedResults.Json(response, statusCode: StatusCodes.Status502BadGateway);
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
            errors[""] = ["The body must be a JSON object: {\"prompt\": …, \"system_prompt\"?, \"strategy\"?, \"timeout\"?}."];
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
        return errors.Count > 0 ? null : new GenerateRequest
        {
            Prompt = prompt!,
            SystemPrompt = system,
            Strategy = strategy,
            Timeout = timeout is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            MaxTokens = maxTokens is { } tokens ? (int)tokens : null,
            Temperature = temperature,
            Providers = providers,
        };
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
