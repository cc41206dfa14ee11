using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Amas.Orleans.Gateway.OpenApi;

/// <summary>The document's title and description, including what it deliberately leaves out.</summary>
internal sealed class AmasDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string Excluded = "Not described here: the Orleans Dashboard (/dashboard, a web UI) and the health probes (/health/live, /health/ready: 200 or 503).";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Amas.Orleans API",
            Version = "v1",
            Description = "A multi-agent analysis cluster on Microsoft Orleans. JSON in snake_case; every error is an RFC 7807 problem. " + Excluded,
        };
        return Task.CompletedTask;
    }
}
