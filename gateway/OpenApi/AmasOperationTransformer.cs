using System.Text.Json;
using System.Text.Json.Nodes;
using Amas.Orleans.Gateway.Hosting;
using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Amas.Orleans.Gateway.OpenApi;

/// <summary>Adds <see cref="OperationDoc"/> to each operation: summary, request body schema, examples and problem responses.</summary>
internal sealed class AmasOperationTransformer : IOpenApiOperationTransformer
{
    private const string Json = "application/json";
    private const string EventStream = "text/event-stream";
    private const string ProblemJson = "application/problem+json";
    private const string Multipart = "multipart/form-data";

    private static readonly JsonSerializerOptions WireJson = CreateWireJson();

    // A request example shows what a client sends: the fields it sets, not nulls (which some fields refuse).
    private static readonly JsonSerializerOptions RequestJson = new(WireJson) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private static readonly IReadOnlyDictionary<int, string> ProblemMeanings = new Dictionary<int, string>
    {
        [400] = "The request is invalid: a validation problem naming each bad field and the valid values.",
        [401] = "No credentials, or ones the gateway does not accept (X-API-Key or a bearer token).",
        [403] = "The caller's role does not allow this operation.",
        [404] = "There is no such task.",
        [409] = "The task has not finished yet.",
        [413] = "The body is larger than the gateway accepts.",
        [422] = "The Idempotency-Key was used before for a different body.",
        [429] = "Too many requests from this caller (retry after Retry-After seconds), or, for generate, a token or cost budget of the task or the caller is spent: no provider was called, the problem names the budget (scope, resource, limit, spent, resets_at) and a caller's daily budget sends Retry-After.",
        [503] = "The cluster did not answer in time; retry after Retry-After seconds.",
    };

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId is null || !OperationDoc.All.TryGetValue(operation.OperationId, out var doc))
        {
            return;
        }

        operation.Summary = doc.Summary;
        if (doc.Request is { } request)
        {
            var schema = await context.GetOrCreateSchemaAsync(request.BodyType, cancellationToken: cancellationToken);
            if (request.WithTarget)
            {
                var target = await context.GetOrCreateSchemaAsync(typeof(RepositoryTarget), cancellationToken: cancellationToken);
                schema = new OpenApiSchema
                {
                    AllOf = [schema, new OpenApiSchema { Type = JsonSchemaType.Object, Properties = new Dictionary<string, IOpenApiSchema> { ["target"] = target } }],
                };
            }

            var content = new Dictionary<string, OpenApiMediaType> { [Json] = new() { Schema = schema, Example = Write(request.Example, RequestJson) } };
            if (request.Upload)
            {
                content[Multipart] = new() { Schema = UploadParts() };
            }

            operation.RequestBody = new OpenApiRequestBody { Required = true, Content = content };
        }

        if (doc.ResponseExample is { } example && operation.Responses is { } responses)
        {
            foreach (var (code, response) in responses)
            {
                // JSON, the event stream's events, or a text artifact (the patch): whichever the operation produces.
                if (code.StartsWith('2') && response.Content is { Count: > 0 } produced)
                {
                    foreach (var media in produced.Values)
                    {
                        media.Example = Write(example, WireJson);
                    }
                }
            }
        }

        await AddProblemsAsync(operation, doc, context, cancellationToken);
    }

    private static async Task AddProblemsAsync(OpenApiOperation operation, OperationDoc doc, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Responses ??= [];
        // Every documented operation needs credentials (outside the embedded default) and is rate limited per caller.
        foreach (var status in doc.Problems.Concat([401, 403, 429]))
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses.ContainsKey(key))
            {
                continue;
            }

            var type = status == 400 ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails);
            var schema = await context.GetOrCreateSchemaAsync(type, cancellationToken: cancellationToken);
            operation.Responses[key] = new OpenApiResponse
            {
                Description = ProblemMeanings[status],
                Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = schema } },
            };
        }
    }

    /// <summary>A forensics upload: the submission JSON as the <c>task</c> part, the file to analyse as the <c>file</c> part.</summary>
    private static OpenApiSchema UploadParts() => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string>(StringComparer.Ordinal) { "task", "file" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["task"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The submission as JSON, e.g. {\"kind\":\"forensics\"}." },
            ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The file to analyse; at most Amas:Uploads:MaxBytes (413 beyond)." },
        },
    };

    private static JsonNode? Write(object example, JsonSerializerOptions json) => JsonSerializer.SerializeToNode(example, example.GetType(), json);

    private static JsonSerializerOptions CreateWireJson()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        GatewayHostingExtensions.Configure(json);
        return json;
    }
}
